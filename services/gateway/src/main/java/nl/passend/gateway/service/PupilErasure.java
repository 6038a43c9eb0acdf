package nl.passend.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.passend.gateway.persistence.DeliveryRepository;
import org.jboss.logging.Logger;

/**
 * The gateway's part when a pupil is erased ({@code nl.passend.pupil.erased.v1}): every webhook delivery
 * about the pupil (its key) is deleted, delivered or not, so that the gateway neither keeps nor sends anything
 * about the pupil any more. Runs in the transaction that consumes the erasure, before the erasure's own
 * deliveries are added, so that those who subscribed to it still hear of it.
 */
@ApplicationScoped
public class PupilErasure {

    private static final Logger LOG = Logger.getLogger(PupilErasure.class);

    @Inject
    DeliveryRepository deliveries;

    /** @return how many deliveries about the pupil were deleted */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(String pupilId) {
        int deleted = deliveries.deleteOfKey(pupilId);
        if (deleted > 0) {
            LOG.infof("pupil %s erased: %d webhook deliveries about it deleted", pupilId, deleted);
        }
        return deleted;
    }
}
