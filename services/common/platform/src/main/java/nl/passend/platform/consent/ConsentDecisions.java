package nl.passend.platform.consent;

import static nl.passend.platform.directory.PupilDirectoryHandler.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.platform.inbox.EventHandler;

/**
 * The decisions of consent-service (passend.consent), handed to the service's {@link ConsentRequester}
 * for the purposes it asked. Active only in a service that has a requester. A decision without its
 * request id or outcome can never be applied.
 */
@ApplicationScoped
public class ConsentDecisions implements EventHandler {

    @Inject
    @Any
    Instance<ConsentRequester> requesters;

    @Override
    public Set<String> topics() {
        return requesters.isUnsatisfied() ? Set.of() : Set.of(Topics.CONSENT);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!event.type().equals(EventType.CONSENT_DECIDED.type())) {
            return;
        }
        ConsentDecided decision = EventJson.data(event, ConsentDecided.class);
        for (ConsentRequester requester : requesters) {
            if (requester.purposes().contains(decision.purpose())) {
                require(decision.requestId(), event);
                require(decision.outcome(), event);
                requester.decided(decision, event);
            }
        }
    }
}
