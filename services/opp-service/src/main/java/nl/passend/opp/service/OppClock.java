package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.config.OppConfig;
import nl.passend.opp.domain.DueReason;
import nl.passend.opp.domain.OppDue;
import nl.passend.opp.domain.OppPlan;
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
 * The OPP clock: an OPP is due within 6 weeks of an SBO/SO enrolment or of the start of extra
 * support (level 4, an arrangement, or a start recorded by the school). Establishing an OPP fulfils
 * the pupil's open clocks; leaving the school drops them and closes the pupil's open plan.
 */
@ApplicationScoped
public class OppClock {

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
    OppService service;

    @Inject
    OppEvents events;

    @Inject
    OppConfig config;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

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
        due.recordedAt = Instant.now();
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

    /**
     * The pupil left: its clocks are dropped and its open plan is closed, on the leaving date; a
     * leaving announced for a later date is carried out by {@link #leaveDue} once the day has come.
     */
    void left(@Observes DirectoryChange.Left left) {
        if (!left.effectiveDate().isAfter(LocalDate.now(clock))) {
            leave(left.pupilId(), left.schoolCode(), left.effectiveDate(), left.source());
        }
    }

    /** Carries out the leavings whose day has come (announced earlier for a later date); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int leaveDue(String actor) {
        @SuppressWarnings("unchecked")
        List<Object[]> leavers = em.createNativeQuery("""
                select d.id, d.school_code, d.left_on from directory_pupil d
                where d.left_on <= ?1 and (
                    exists (select 1 from opp_plan p where p.pupil_id = d.id and p.school_code = d.school_code
                            and p.status <> 'CLOSED')
                    or exists (select 1 from opp_due u where u.pupil_id = d.id and u.school_code = d.school_code
                            and u.fulfilled_on is null and u.dropped_on is null))
                """).setParameter(1, LocalDate.now(clock)).getResultList();
        for (Object[] row : leavers) {
            LocalDate on = row[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[2];
            leave((UUID) row[0], (String) row[1], on, actor);
        }
        return leavers.size();
    }

    private void leave(UUID pupilId, String schoolCode, LocalDate on, String source) {
        for (OppDue due : dues.openOfPupil(pupilId)) {
            if (due.schoolCode.equals(schoolCode)) {
                due.droppedOn = on;
                resolve(due);
            }
        }
        for (OppPlan plan : plans.openOfPupilLocked(pupilId)) {
            if (plan.schoolCode.equals(schoolCode)) {
                service.closeLocked(plan, OppCloseReason.PUPIL_LEFT, on);
                audit.recordSystem(plan.pupilId, source, "opp.close", plan.id + " PUPIL_LEFT");
            }
        }
    }

    /** Erasure after the retention period: everything held about the pupil goes. */
    void erased(@Observes DirectoryChange.Erased erased) {
        UUID pupilId = erased.pupilId();
        String plansOf = "(select id from opp_plan where pupil_id = ?1)";
        for (String table : List.of("opp_view", "opp_evaluation", "opp_document", "opp_consent_decision",
                "opp_consent_request", "opp_version")) {
            em.createNativeQuery("delete from " + table + " where plan_id in " + plansOf).setParameter(1, pupilId)
                    .executeUpdate();
        }
        for (String sql : List.of("delete from opp_plan where pupil_id = ?1", "delete from opp_due where pupil_id = ?1",
                "delete from pupil_share_consent where pupil_id = ?1", "delete from audit_log where pupil_id = ?1")) {
            em.createNativeQuery(sql).setParameter(1, pupilId).executeUpdate();
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
