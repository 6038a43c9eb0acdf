package nl.passend.platform.consent;

import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.consent.ConsentDecided;

/**
 * A service's side of the consent exchange: it asks consent-service for consent (a request on its own
 * topic, {@link ConsentRequests}) and acts on the decisions that come back on passend.consent. A service
 * that asks for consent implements this once; {@link ConsentDecisions} feeds it the decisions of its
 * purposes, in the consumer's transaction (a redelivered decision never arrives twice).
 */
public interface ConsentRequester {

    /** The purposes this service asks consent for; decisions of any other purpose are not its business. */
    Set<ConsentPurpose> purposes();

    /**
     * Acts on a decision of one of {@link #purposes()}; {@code event} tells who sent it (its source) and
     * when it was decided (its time). Throw {@link nl.passend.events.MalformedEventException} for a
     * decision that can never be applied (it goes to the dead-letter topic).
     */
    void decided(ConsentDecided decision, EventEnvelope event);
}
