package nl.passend.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.MalformedEventException;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Feeds the service's {@link EventHandler}s from Kafka, one record at a time, each in its own
 * transaction together with its inbox entry. A record that can never be processed (not an
 * envelope, invalid data, or a handler that keeps failing) goes to
 * {@code <topic>.dlq.<service>} with the reason in headers, and the partition moves on.
 * Offsets are committed only after a record's effect (or its dead letter) is durable.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    Inbox inbox;

    @Inject
    KafkaClients kafka;

    @Inject
    DeadLetters deadLetters;

    @Inject
    PlatformConfig config;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        if (topics.isEmpty() || !config.consumer().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(() -> loop(topics), config.serviceName() + "-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaClients.stopPolling(thread, consumer);
    }

    private void loop(Set<String> topics) {
        while (running) {
            try (KafkaConsumer<String, String> c = kafka.consumer(config.serviceName())) {
                consumer = c;
                c.subscribe(topics);
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                    for (TopicPartition partition : records.partitions()) {
                        for (ConsumerRecord<String, String> record : records.records(partition)) {
                            if (!running) {
                                return;
                            }
                            process(record);
                            c.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // the broker or the database is away: start over from the last committed offsets
                LOG.warnf("event consumer: %s; reconnecting", e.toString());
                sleep(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    /** Processes one record, or dead-letters it; throws only if neither is possible now. */
    void process(ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        List<EventHandler> interested = new ArrayList<>();
        handlers.forEach(h -> {
            if (h.topics().contains(record.topic())) {
                interested.add(h);
            }
        });
        int maxAttempts = Math.max(1, config.consumer().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(envelope.id(), record.topic())) {
                        interested.forEach(h -> h.handle(envelope));
                    }
                });
                return;
            } catch (MalformedEventException e) {
                deadLetter(record, e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    LOG.errorf(e, "event %s failed %d times; dead-lettering", envelope.id(), attempt);
                    deadLetter(record, "handler failed " + attempt + " times: " + DeadLetters.rootMessage(e));
                    return;
                }
                sleep(config.consumer().retryBackoff().multipliedBy(attempt));
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        deadLetters.send(record, reason);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
