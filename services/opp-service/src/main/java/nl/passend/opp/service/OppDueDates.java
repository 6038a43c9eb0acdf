package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.config.OppConfig;
import nl.passend.opp.domain.DueReason;
import nl.passend.opp.domain.OppDue;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppDueRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.platform.security.PupilAccess;

/**
 * When an OPP is due: within 6 weeks of an SBO/SO enrolment or of the start of extra support (level 4,
 * an arrangement, or a start recorded by the school). Establishing an OPP fulfils the pupil's open due
 * dates; leaving the school drops them (PupilLeavings).
 */
@ApplicationScoped
public class OppDueDates {

    @Inject
    Clock clock;

    @Inject
    PupilAccess access;

    @Inject
    OppDueRepository dues;

    @Inject
    OppPlanRepository plans;

    @Inject
    PupilDirectory directory;

    @Inject
    OppGuard guard;

    @Inject
    OppEvents events;

    @Inject
    OppConfig config;

    @Inject
    AuditLog audit;


    /**
     * Starts a clock unless this start ({@code sourceRef}) started one before. A pupil with an OPP in
     * force has it already: the clock is fulfilled at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OppDue start(UUID pupilId, String schoolCode, DueReason reason, String sourceRef, LocalDate startDate,
            String source) {
        OppDue existing = dues.bySource(sourceRef).orElse(null);
        if (existing != null) {
            return existing;
        }
        OppDue due = startClock(pupilId, schoolCode, reason, sourceRef, startDate, source);
        audit.recordSystem(pupilId, source, "opp.due.start", reason + " " + startDate);
        return due;
    }

    private OppDue startClock(UUID pupilId, String schoolCode, DueReason reason, String sourceRef, LocalDate startDate,
            String recordedBy) {
        OppDue due = new OppDue();
        due.id = UUID.randomUUID();
        due.pupilId = pupilId;
        due.schoolCode = schoolCode;
        due.reason = reason;
        due.sourceRef = sourceRef;
        due.startDate = startDate;
        due.dueDate = OppRules.establishmentDue(startDate, java.time.Period.ofDays((int) config.establishWithin().toDays()));
        due.recordedBy = recordedBy;
        due.recordedAt = Instant.now(clock);
        if (plans.hasPlanInForce(pupilId)) {
            due.fulfilledOn = startDate;
        }
        dues.persist(due);
        return due;
    }

    /** A start of extra support recorded by the school (IB'er, director), e.g. one no other service reports. */
    @Transactional
    public OppDue startByHand(UUID pupilId, DueReason reason, LocalDate startDate) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, Roles.IB, Roles.DIRECTOR);
        if (!access.stillThere(pupil)) {
            throw Problems.conflict("pupil-left", "the pupil left " + pupil.schoolCode + " on " + pupil.leftOn);
        }
        if (startDate.isAfter(LocalDate.now(clock).plusYears(1))) {
            throw Problems.unprocessable("start-too-far", "startDate " + startDate + " lies more than a year ahead");
        }
        OppDue due = startClock(pupilId, pupil.schoolCode, reason, "manual:" + UUID.randomUUID(), startDate,
                guard.subject());
        audit.record(pupilId, role, "opp.due.record", reason + " " + startDate);
        return due;
    }

    @Transactional
    public List<OppDue> ofPupil(UUID pupilId) {
        String role = guard.pupil(pupilId, Roles.IB, Roles.DIRECTOR, Roles.TEACHER);
        audit.record(pupilId, role, "opp.due.list");
        return dues.ofPupil(pupilId);
    }

    /** An OPP of the pupil was established: its open clocks are fulfilled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fulfil(UUID pupilId, LocalDate on) {
        for (OppDue due : dues.openOfPupil(pupilId)) {
            due.fulfilledOn = on;
            resolve(due);
        }
    }

    void enrolled(@Observes DirectoryChange.Enrolled enrolled) {
        SchoolType type = directory.school(enrolled.schoolCode()).map(s -> s.schoolType).orElse(null);
        if ((type == SchoolType.SBO || type == SchoolType.SO) && enrolled.effectiveDate() != null) {
            start(enrolled.pupilId(), enrolled.schoolCode(), DueReason.SPECIAL_SCHOOL_ENROLMENT,
                    enrolmentRef(enrolled.pupilId(), enrolled.schoolCode(), enrolled.effectiveDate()),
                    enrolled.effectiveDate(), enrolled.source());
        }
    }

    /** A school learned to be SBO/SO after its pupils' enrolments arrived: their clocks start now. */
    void schoolTyped(@Observes DirectoryChange.SchoolTyped typed) {
        if (typed.schoolType() != SchoolType.SBO && typed.schoolType() != SchoolType.SO) {
            return;
        }
        for (DirectoryPupil pupil : directory.activePupils(typed.schoolCode())) {
            if (pupil.enrolledOn != null) {
                start(pupil.id, pupil.schoolCode, DueReason.SPECIAL_SCHOOL_ENROLMENT,
                        enrolmentRef(pupil.id, pupil.schoolCode, pupil.enrolledOn), pupil.enrolledOn, typed.source());
            }
        }
    }

    /** The pupil left its school on {@code on}: its clocks there are dropped, and settled where they were signalled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drop(UUID pupilId, String schoolCode, LocalDate on) {
        for (OppDue due : dues.openOfPupil(pupilId)) {
            if (due.schoolCode.equals(schoolCode)) {
                due.droppedOn = on;
                resolve(due);
            }
        }
    }

    /** A clock that an overdue event went out for is settled: say so. */
    private void resolve(OppDue due) {
        if (due.signalledAt != null) {
            events.overdue(due.pupilId, due.schoolCode, null, OppDueKind.ESTABLISHMENT, due.dueDate, true);
        }
    }

    private static String enrolmentRef(UUID pupilId, String schoolCode, LocalDate date) {
        return "enrolment:" + pupilId + ":" + schoolCode + ":" + date;
    }
}
