package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;

/**
 * A pupil leaving its school: on the leaving date its due dates there are dropped and its open plan
 * there is closed (PUPIL_LEFT). A leaving announced for a later date is carried out by
 * {@link #leaveDue} once the day has come (OverdueSignals runs it).
 */
@ApplicationScoped
public class PupilLeavings {

    @Inject
    Clock clock;

    @Inject
    OppPlanRepository plans;

    @Inject
    OppDueDates dueDates;

    @Inject
    PlanClosing closing;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

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
        dueDates.drop(pupilId, schoolCode, on);
        for (OppPlan plan : plans.openOfPupilLocked(pupilId)) {
            if (plan.schoolCode.equals(schoolCode)) {
                closing.closeLocked(plan, OppCloseReason.PUPIL_LEFT, on);
                audit.recordSystem(plan.pupilId, source, "opp.close", plan.id + " PUPIL_LEFT");
            }
        }
    }
}
