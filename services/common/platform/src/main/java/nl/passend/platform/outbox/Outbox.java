package nl.passend.platform.outbox;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.platform.PlatformConfig;

/**
 * Publishes an event as part of the caller's transaction: the row commits with the change or not
 * at all; {@link OutboxRelay} sends it to Kafka afterwards. Within an HTTP request, the last event committed
 * is the answer's consistency token ({@link LastWrite}).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    PlatformConfig config;

    @Inject
    Clock clock;

    @Inject
    LastWrite lastWrite;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * @param subject the Kafka key: the pupil id for anything about a pupil, else the thing's own id or code
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(EventType type, String subject, String schoolCode, EventPayload payload) {
        Instant now = Instant.now(clock);
        EventEnvelope envelope = EventJson.envelope(type, Topics.source(config.serviceName()), subject, schoolCode,
                payload, now);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(envelope.id());
        row.topic = type.topic();
        row.key = subject;
        row.type = type.type();
        row.envelope = EventJson.write(envelope);
        row.createdAt = now;
        row.persist();
        if (Arc.container().requestContext().isActive()) {
            lastWrite.written(row.eventId, transactions);
        }
        return envelope;
    }
}
