package nl.passend.platform.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.consent.SubjectRef;
import nl.passend.platform.outbox.Outbox;

/**
 * Asks consent-service for consent: a request on the service's own topic, in the transaction of the
 * change that needs it. consent-service answers on passend.consent with the same request id
 * ({@link ConsentRequester}).
 */
@ApplicationScoped
public class ConsentRequests {

    @Inject
    Outbox outbox;

    /** @param type the service's own request event, e.g. {@link EventType#OPP_CONSENT_REQUESTED} */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ask(EventType type, UUID requestId, ConsentPurpose purpose, UUID pupilId, String schoolCode,
            SubjectRef subject, LocalDate effectiveDate) {
        outbox.publish(type, pupilId.toString(), schoolCode,
                new ConsentRequested(requestId, purpose, pupilId, schoolCode, subject, effectiveDate));
    }
}
