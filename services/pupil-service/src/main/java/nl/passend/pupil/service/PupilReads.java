package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.audit.AuditEntry;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.Cursor;
import nl.passend.platform.http.SyncHorizon;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.ProfessionalLink;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilAsOf;
import nl.passend.pupil.domain.PupilAsOf.EnrolmentAsOf;
import nl.passend.pupil.persistence.EnrolmentRepository;
import nl.passend.pupil.persistence.GuardianRepository;
import nl.passend.pupil.persistence.ProfessionalLinkRepository;
import nl.passend.pupil.persistence.PupilRepository;

/**
 * Everything read about pupils: a school's pupils for delta sync, a parent's own children, and one
 * pupil's record (also as of a day), its enrolments, guardians, professionals and access log. Each
 * read is checked and audited.
 */
@ApplicationScoped
public class PupilReads {

    @Inject
    Clock clock;

    @Inject
    PupilGuard guard;

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
    SchoolGroups groups;

    @Inject
    AuditLog audit;

    @Inject
    SyncHorizon horizon;

    /** A page of a school's pupils in (updatedAt, id) order; staff see only pupils currently at the school. */
    @Transactional
    public PupilPage page(String schoolCode, Cursor after, Instant updatedSince, int size) {
        guard.school(schoolCode);
        String role = caller.firstRoleOf(Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR, Roles.TEACHER)
                .orElseThrow(() -> Problems.forbidden("your role may not list pupils"));
        boolean currentOnly = !role.equals(Roles.ADMIN) && !role.equals(Roles.SIS_CLIENT);
        List<Pupil> page = pupils.pageOfSchool(schoolCode, after, updatedSince, horizon.now(), currentOnly,
                LocalDate.now(clock), size);
        page.forEach(p -> audit.record(p.id, role, "pupil.list"));
        Cursor next = page.isEmpty() ? after
                : new Cursor(page.get(page.size() - 1).updatedAt, page.get(page.size() - 1).id);
        return new PupilPage(page.stream().map(this::view).toList(), next, page.size() == size);
    }

    @Transactional
    public PupilView get(UUID id) {
        return view(guard.access(id, "pupil.read").pupil());
    }

    /**
     * The pupil as it stood at the end of the day: the enrolment it was at then (its school, its
     * externalId there, whether it had left). Who may read it and its audit as for the read now; 404
     * when Passend did not know the pupil yet or no enrolment had started by then.
     */
    @Transactional
    public PupilAsOfView get(UUID id, AsOf asOf) {
        Pupil pupil = guard.accessAsOf(id, "pupil.read", asOf).pupil();
        EnrolmentAsOf on = PupilAsOf.known(pupil.createdAt, asOf)
                ? PupilAsOf.enrolmentOn(enrolments.ofPupil(id), asOf).orElse(null) : null;
        if (on == null) {
            throw Problems.of(404, "not-found", "Not found", "pupil " + id + " was not enrolled on " + asOf
                    + " as far as Passend knew then");
        }
        return new PupilAsOfView(pupil, on);
    }

    @Transactional
    public List<Enrolment> enrolments(UUID id) {
        guard.access(id, "pupil.enrolments.read");
        return enrolments.ofPupil(id);
    }

    /** The enrolments as they stood at the end of the day; empty before the first, or before Passend knew the pupil. */
    @Transactional
    public List<EnrolmentAsOf> enrolments(UUID id, AsOf asOf) {
        Pupil pupil = guard.accessAsOf(id, "pupil.enrolments.read", asOf).pupil();
        return PupilAsOf.known(pupil.createdAt, asOf) ? PupilAsOf.enrolments(enrolments.ofPupil(id), asOf) : List.of();
    }

    @Transactional
    public List<Guardian> guardians(UUID id) {
        guard.access(id, "pupil.guardians.read");
        return guardians.ofPupil(id);
    }

    @Transactional
    public List<ProfessionalLink> professionals(UUID id) {
        guard.access(id, "pupil.professionals.read");
        return links.ofPupil(id);
    }

    /** A parent's own children: the pupils of whom the caller is a guardian by login. */
    @Transactional
    public List<PupilView> children() {
        List<UUID> ids = guardians.ofAccount(caller.subject()).stream().map(g -> g.pupilId).distinct().toList();
        List<Pupil> children = pupils.byIds(ids);
        children.forEach(p -> audit.record(p.id, Roles.PARENT, "pupil.read"));
        return children.stream().map(this::view).toList();
    }

    /** Who looked at or changed the pupil's file: for the parents, the IB'er and the director. */
    @Transactional
    public List<AuditEntry> accessLog(UUID id, int limit) {
        guard.access(id, "pupil.access-log.read", Roles.PARENT, Roles.IB, Roles.DIRECTOR, Roles.ADMIN);
        return audit.forPupil(id, limit);
    }

    private PupilView view(Pupil pupil) {
        return new PupilView(pupil, groups.of(pupil));
    }
}
