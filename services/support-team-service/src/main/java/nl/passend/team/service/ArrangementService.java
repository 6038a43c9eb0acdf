package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.FundingSource;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;
import nl.passend.team.domain.Arrangement;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.messaging.TeamEvents;
import nl.passend.team.persistence.ArrangementRepository;
import nl.passend.team.persistence.TeamCaseRepository;

/**
 * Arrangements: extra support granted for a pupil by the school's board or the SWV. Its start is
 * published (opp-service starts the OPP clock on it), and so is its end.
 */
@ApplicationScoped
public class ArrangementService {

    static final String[] READERS = {Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT};

    @Inject
    Clock clock;

    @Inject
    ArrangementRepository arrangements;

    @Inject
    TeamCaseRepository cases;

    @Inject
    TeamGuard guard;

    @Inject
    TeamEvents events;

    @Inject
    AuditLog audit;

    public record NewArrangement(ArrangementKind kind, FundingSource fundingSource, LocalDate startDate,
            LocalDate endDate, String description, UUID caseId) {
    }

    @Transactional
    public Arrangement start(UUID pupilId, NewArrangement in) {
        String role = guard.pupil(pupilId, Roles.IB, Roles.DIRECTOR);
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        TeamRules.checkPeriod(in.startDate(), in.endDate());
        if (in.caseId() != null) {
            TeamCase c = cases.findById(in.caseId());
            if (c == null || !c.pupilId.equals(pupilId)) {
                throw Problems.unprocessable("not-a-case-of-the-pupil", "case " + in.caseId() + " is not a case of this pupil");
            }
        }
        Arrangement a = new Arrangement();
        a.id = UUID.randomUUID();
        a.pupilId = pupilId;
        a.schoolCode = pupil.schoolCode;
        a.caseId = in.caseId();
        a.kind = in.kind();
        a.fundingSource = in.fundingSource();
        a.startsOn = in.startDate();
        a.endsOn = in.endDate();
        a.description = in.description();
        a.createdBy = guard.subject();
        a.createdRole = role;
        a.createdAt = Instant.now(clock);
        arrangements.persist(a);
        events.arrangement(EventType.ARRANGEMENT_STARTED, a, a.startsOn);
        audit.record(pupilId, role, "team.arrangement.start", a.kind + " " + a.fundingSource);
        return a;
    }

    @Transactional
    public List<Arrangement> ofPupil(UUID pupilId) {
        String role = guard.pupil(pupilId, READERS);
        audit.record(pupilId, role, "team.arrangement.read");
        // a school's staff see their own school's arrangements, not those of a school the pupil came from
        String school = guard.knownPupil(pupilId).schoolCode;
        return arrangements.ofPupil(pupilId).stream()
                .filter(a -> !PupilAccess.forSchool(role) || a.schoolCode.equals(school)).toList();
    }

    @Transactional
    public Arrangement get(UUID id) {
        Arrangement a = arrangements.findByIdOptional(id).orElseThrow(() -> Problems.notFound("arrangement " + id));
        String role = readable(a);
        audit.record(a.pupilId, role, "team.arrangement.read");
        return a;
    }

    /** Ends an open arrangement on a day not before its start; published as ended. */
    @Transactional
    public Arrangement end(UUID id, ExpectedVersion expected, LocalDate endDate) {
        Arrangement a = arrangements.lock(id).orElseThrow(() -> Problems.notFound("arrangement " + id));
        readable(a);
        String role = guard.pupilRole(a.pupilId, Roles.IB, Roles.DIRECTOR).filter(r -> sameSchool(a))
                .orElseThrow(() -> Problems.forbidden("the school's IB'er or director ends an arrangement"));
        expected.require(a.version);
        if (a.ended) {
            throw Problems.conflict("arrangement-ended", "the arrangement ended on " + a.endsOn);
        }
        TeamRules.checkPeriod(a.startsOn, endDate);
        a.endsOn = endDate;
        a.ended = true;
        arrangements.flush();
        events.arrangement(EventType.ARRANGEMENT_ENDED, a, endDate);
        audit.record(a.pupilId, role, "team.arrangement.end");
        return a;
    }

    private String readable(Arrangement a) {
        return guard.pupilRole(a.pupilId, READERS).filter(r -> !PupilAccess.forSchool(r) || sameSchool(a))
                .orElseThrow(() -> Problems.notFound("arrangement " + a.id));
    }

    private boolean sameSchool(Arrangement a) {
        return guard.knownPupil(a.pupilId).schoolCode.equals(a.schoolCode);
    }
}
