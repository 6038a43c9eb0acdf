package nl.passend.platform.inbox;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;
import nl.passend.platform.PlatformConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Feeds the service's {@link EventHandler}s from its Kafka channel {@value #CHANNEL}, configured as
 * {@code mp.messaging.incoming.events.*} (the topics it consumes, its consumer group, TLS/SASL through
 * {@code kafka.*}). Each record is handled in its own transaction together with its inbox entry, on a
 * worker thread, one after the other in the order of its partition (so one pupil's events, which share a
 * key, stay in order). A record is acknowledged, and its offset committed, only after that transaction
 * committed.
 * <p>
 * A record that can never be processed goes to {@code <topic>.dlq.<service>} through the connector's
 * dead-letter strategy, with the reason and the original topic, partition and offset in headers: one
 * that is not an envelope, one whose {@code source} is not the topic's one writer, one a handler
 * rejects as malformed, and one whose handler still fails after the configured attempts. While the
 * database is unreachable nothing is dead-lettered: the record is retried until it is back.
 * <p>
 * A service that consumes nothing sets {@code mp.messaging.incoming.events.enabled=false}.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "mp.messaging.incoming.events.enabled", stringValue = "false", enableIfMissing = true)
public class EventConsumer {

    public static final String CHANNEL = "events";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    Inbox inbox;

    @Inject
    PlatformConfig config;

    @ConfigProperty(name = "mp.messaging.incoming.events.topics")
    List<String> topics;

    private final Map<String, List<EventHandler>> handlersByTopic = new HashMap<>();
    private Guard handlerRetries;
    private Guard databaseOutage;
    private volatile boolean running = true;

    @PostConstruct
    void init() {
        for (EventHandler handler : handlers) {
            for (String topic : handler.topics()) {
                if (!topics.contains(topic)) {
                    throw new IllegalStateException(handler.getClass().getSimpleName() + " handles " + topic
                            + ", which mp.messaging.incoming.events.topics (" + topics + ") does not consume");
                }
                handlersByTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(handler);
            }
        }
        PlatformConfig.Consumer consumer = config.consumer();
        handlerRetries = Guard.create().withRetry()
                .maxRetries(Math.max(0, consumer.maxAttempts() - 1))
                .delay(consumer.retryBackoff().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> !(e instanceof MalformedEventException) && !databaseUnreachable(e))
                .withExponentialBackoff().factor(2).done()
                .done().build();
        databaseOutage = Guard.create().withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(1, ChronoUnit.SECONDS)
                .whenException(e -> running && databaseUnreachable(e))
                .onRetry(() -> LOG.warn("event consumer: the database is unreachable; retrying"))
                .withExponentialBackoff().factor(2).maxDelay(10, ChronoUnit.SECONDS).done()
                .done().build();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.readFrom(record.getTopic(), record.getPayload());
        } catch (MalformedEventException e) {
            return deadLetter(record, e.getMessage());
        }
        AtomicInteger attempts = new AtomicInteger();
        try {
            databaseOutage.get(() -> handlerRetries.get(() -> {
                attempts.incrementAndGet();
                apply(record.getTopic(), envelope);
                return null;
            }, Void.class), Void.class);
            return record.ack();
        } catch (MalformedEventException e) {
            return deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            if (!running) {
                // shutting down: not acknowledged, so the record comes again after the restart
                return CompletableFuture.failedFuture(e);
            }
            LOG.errorf(e, "event %s failed %d times; dead-lettering", envelope.id(), attempts.get());
            return deadLetter(record, "handler failed " + attempts.get() + " times: " + Failures.rootMessage(e));
        }
    }

    private void apply(String topic, EventEnvelope envelope) {
        List<EventHandler> interested = handlersByTopic.getOrDefault(topic, List.of());
        QuarkusTransaction.requiringNew().run(() -> {
            if (inbox.firstDelivery(envelope.id(), topic)) {
                interested.forEach(h -> h.handle(envelope));
            }
        });
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, String> record, String reason) {
        String topic = Topics.deadLetter(record.getTopic(), config.serviceName());
        LOG.warnf("dead-lettering %s-%d@%d to %s: %s", record.getTopic(), record.getPartition(), record.getOffset(),
                topic, reason);
        return record.nack(new UnprocessableEvent(reason),
                Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(topic).build()));
    }

    /** Cannot reach the database (refused, reset, shut down, no connection to be had): nothing is wrong with the event. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The reason a record went to the dead-letter topic, in its {@code dead-letter-reason} header. */
    static final class UnprocessableEvent extends RuntimeException {
        UnprocessableEvent(String reason) {
            super(reason, null, false, false);
        }
    }
}
