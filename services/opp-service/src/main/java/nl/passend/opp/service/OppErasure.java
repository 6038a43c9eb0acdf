package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryChange;

/**
 * A pupil erased after the retention period (pupil.erased, through the pupil directory): every plan,
 * version, evaluation, view, document, consent record, due date and audit entry of the pupil goes, in
 * the consumer's transaction.
 */
@ApplicationScoped
public class OppErasure {

    @Inject
    EntityManager em;

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
}
