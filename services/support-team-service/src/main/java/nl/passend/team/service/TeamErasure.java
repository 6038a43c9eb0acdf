package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryChange;

/**
 * A pupil erased after the retention period (pupil.erased, through the pupil directory): everything
 * this service holds about the pupil goes, in the consumer's transaction; a meeting keeps its other
 * cases, an arrangement of another case stays.
 */
@ApplicationScoped
public class TeamErasure {

    @Inject
    EntityManager em;

    void erased(@Observes DirectoryChange.Erased erased) {
        UUID pupilId = erased.pupilId();
        for (String sql : List.of(
                "delete from action_item where pupil_id = ?1",
                "update arrangement set case_id = null where case_id in (select id from team_case where pupil_id = ?1)",
                "delete from case_consent_decision where case_id in (select id from team_case where pupil_id = ?1)",
                "delete from team_case where pupil_id = ?1",
                "delete from arrangement where pupil_id = ?1",
                "delete from tlv_request where pupil_id = ?1",
                "delete from team_signal where pupil_id = ?1",
                "delete from audit_log where pupil_id = ?1")) {
            em.createNativeQuery(sql).setParameter(1, pupilId).executeUpdate();
        }
    }
}
