package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryChange;

/**
 * A pupil erased after the retention period (pupil.erased, through the pupil directory): the pupil's
 * level history, interventions, action plans, signals and audit entries go, in the consumer's
 * transaction; an intervention or plan shared with other pupils stays for them.
 */
@ApplicationScoped
public class SupportErasure {

    @Inject
    EntityManager em;

    void erased(@Observes DirectoryChange.Erased erased) {
        UUID pupilId = erased.pupilId();
        for (String sql : List.of(
                "delete from intervention_session where intervention_id in (select intervention_id from intervention_pupil"
                        + " where pupil_id = ?1) and intervention_id not in (select intervention_id from intervention_pupil"
                        + " where pupil_id <> ?1)",
                "delete from intervention_pupil where pupil_id = ?1",
                "delete from intervention i where not exists (select 1 from intervention_pupil p where p.intervention_id = i.id)",
                "delete from action_plan_pupil where pupil_id = ?1",
                "delete from action_plan a where not exists (select 1 from action_plan_pupil p where p.action_plan_id = a.id)",
                "delete from support_signal where pupil_id = ?1",
                "delete from pupil_support where pupil_id = ?1",
                "delete from audit_log where pupil_id = ?1")) {
            Query delete = em.createNativeQuery(sql);
            if (sql.contains("?1")) { // the sweeps of interventions and plans left without pupils take none
                delete.setParameter(1, pupilId);
            }
            delete.executeUpdate();
        }
        // the append-only history goes too: erasure is the one exception, declared for this transaction only
        em.createNativeQuery("select set_config('passend.erasing', 'yes', true)").getSingleResult();
        em.createNativeQuery("delete from level_entry where pupil_id = ?1").setParameter(1, pupilId).executeUpdate();
    }
}
