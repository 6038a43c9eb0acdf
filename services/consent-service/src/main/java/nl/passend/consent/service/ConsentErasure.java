package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryChange;

/**
 * Erasure after the retention period (pupil.erased, through the pupil directory, whose own rows are
 * gone already): everything consent-service holds about the pupil goes, in the consumer's
 * transaction, the ledger and the pupil's audit trail included. The ledger's trigger refuses changes
 * to a line, not its deletion: erasure is the one way a line goes.
 */
@ApplicationScoped
public class ConsentErasure {

    @Inject
    EntityManager em;

    void erased(@Observes DirectoryChange.Erased erased) {
        UUID pupilId = erased.pupilId();
        delete("delete from consent_entry where request_id in (select id from consent_request where pupil_id = ?1)",
                pupilId);
        delete("delete from consent_required_guardian where request_id in"
                + " (select id from consent_request where pupil_id = ?1)", pupilId);
        delete("delete from consent_request where pupil_id = ?1", pupilId);
        delete("delete from audit_log where pupil_id = ?1", pupilId);
    }

    private void delete(String sql, UUID pupilId) {
        em.createNativeQuery(sql).setParameter(1, pupilId).executeUpdate();
    }
}
