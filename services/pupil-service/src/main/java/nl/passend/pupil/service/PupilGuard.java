package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilAccess;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.persistence.EnrolmentRepository;
import nl.passend.pupil.persistence.GuardianRepository;
import nl.passend.pupil.persistence.ProfessionalLinkRepository;
import nl.passend.pupil.persistence.PupilRepository;
import nl.passend.pupil.persistence.SchoolRepository;

/**
 * The object-level check for one pupil, and its audit entry; and for a school's pupils, that the
 * caller works at the school. A pupil or school the caller may not see is answered as not found, so
 * that its existence is not revealed. pupil-service owns the pupils, so it decides from its own
 * enrolments, guardians and links ({@link PupilAccess}), not from a pupil directory as the other
 * services' guards do.
 */
@ApplicationScoped
public class PupilGuard {

    private static final String[] ALL_ROLES = {Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR,
            Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT, Roles.BOARD, Roles.SWV_CONSULTANT,
            Roles.SWV_ANALYST};

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    PupilRepository pupils;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    GuardianRepository guardians;

    @Inject
    ProfessionalLinkRepository links;

    @Inject
    SchoolRepository schools;

    @Inject
    AuditLog audit;

    /** A pupil with the role under which the caller may see it. */
    public record Granted(Pupil pupil, String role) {
    }

    /** Loads the pupil if the caller may see it and audits the access as {@code action}; 404 otherwise. */
    public Granted access(UUID pupilId, String action) {
        return access(pupilId, action, (Set<String>) null);
    }

    /**
     * As {@link #access(UUID, String)}, and the access must also be under one of {@code roles}
     * (e.g. only the IB'er links professionals); a visible pupil with another role gets 403.
     */
    public Granted access(UUID pupilId, String action, String... roles) {
        return access(pupilId, action, Set.of(roles));
    }

    /** As {@link #access(UUID, String)} for a read as of a day: the audit entry names the day. */
    public Granted accessAsOf(UUID pupilId, String action, AsOf asOf) {
        return access(pupilId, action, null, asOf.audit());
    }

    private Granted access(UUID pupilId, String action, Set<String> requiredRoles) {
        return access(pupilId, action, requiredRoles, null);
    }

    private Granted access(UUID pupilId, String action, Set<String> requiredRoles, String reason) {
        Pupil pupil = pupils.findById(pupilId);
        if (pupil == null) {
            throw Problems.notFound("pupil " + pupilId);
        }
        PupilAccess.CallerFacts facts = facts();
        String role = grantedRole(pupil, facts).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
        if (requiredRoles != null && !requiredRoles.contains(role)) {
            // The strongest role may not be a required one while another is (a teacher who is also
            // the pupil's parent reads the access log as parent): ask again with only those roles.
            Set<String> required = facts.roles().stream().filter(requiredRoles::contains).collect(Collectors.toSet());
            role = grantedRole(pupil, new PupilAccess.CallerFacts(facts.subject(), required, facts.schools()))
                    .orElseThrow(() -> Problems.forbidden("your role may not do this for this pupil"));
        }
        audit.record(pupil.id, role, action, reason);
        return new Granted(pupil, role);
    }

    private Optional<String> grantedRole(Pupil pupil, PupilAccess.CallerFacts facts) {
        return PupilAccess.grantedRole(facts, enrolments.ofPupil(pupil.id), guardians.ofPupil(pupil.id),
                links.ofPupil(pupil.id), LocalDate.now(clock));
    }

    private PupilAccess.CallerFacts facts() {
        Set<String> roles = Stream.of(ALL_ROLES).filter(caller::hasRole).collect(Collectors.toSet());
        return new PupilAccess.CallerFacts(caller.subject(), roles, caller.schools());
    }

    /** For a school's pupils: the school exists and the caller works there (admin: anywhere); 404 otherwise. */
    public School school(String schoolCode) {
        School school = schools.findById(schoolCode);
        if (school == null || (!caller.hasRole(Roles.ADMIN) && !caller.worksAt(schoolCode))) {
            throw Problems.notFound("school " + schoolCode);
        }
        return school;
    }
}
