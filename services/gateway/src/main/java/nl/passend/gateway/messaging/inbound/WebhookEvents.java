package nl.passend.gateway.messaging.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.gateway.persistence.DeliveryRepository;
import nl.passend.gateway.service.ChangeFeed;
import nl.passend.gateway.service.PupilErasure;
import nl.passend.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

/**
 * Every event of every topic, for the webhooks. The platform's consumer calls this in the transaction that
 * records the event in the inbox, so a redelivered event adds nothing; the deliveries it adds (one per
 * subscription whose event types and schools match the event's type and {@code schoolcode}) commit with it.
 * An event without a school (an SWV, a board) matches no subscription. A pupil's erasure first deletes every
 * delivery about the pupil ({@link PupilErasure}), then is delivered itself. Last, in the same transaction, the
 * event's entry in the change feed ({@link ChangeFeed}; last, because its append holds a lock until the commit).
 */
@ApplicationScoped
public class WebhookEvents implements EventHandler {

    private static final Logger LOG = Logger.getLogger(WebhookEvents.class);

    @Inject
    DeliveryRepository deliveries;

    @Inject
    PupilErasure erasure;

    @Inject
    ChangeFeed changes;

    @Inject
    Clock clock;

    @Override
    public Set<String> topics() {
        return Set.copyOf(Topics.ALL);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (EventType.PUPIL_ERASED.type().equals(event.type())) {
            erasure.erase(event.subject());
        }
        if (event.schoolcode() != null && !event.schoolcode().isBlank()) {
            int added = deliveries.addForEvent(event.id(), event.type(), event.subject(), event.schoolcode(),
                    EventJson.write(event), Instant.now(clock));
            if (added > 0) {
                LOG.debugf("event %s (%s, %s): %d webhook deliveries", event.id(), event.type(), event.schoolcode(), added);
            }
        }
        changes.record(event);
    }
}
