package nl.passend.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.passend.reporting.generator.GeneratedEvent;
import nl.passend.reporting.messaging.EventFeed;
import nl.passend.testing.KafkaBroker;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.TestEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends hand-made events to the real topics and waits until the service's feed has applied them. */
public final class Feed {

    private Feed() {
    }

    /** Sends the set in its own order and waits for the projections. */
    public static void send(KnownSwv swv) {
        for (int i = 0; i < swv.events().size(); i++) {
            TestEvents.sendRaw(swv.topic(i), swv.key(i), swv.events().get(i));
        }
        awaitApplied();
    }

    /** Sends the events at these indexes of the set, in this order. */
    public static void send(KnownSwv swv, List<Integer> order) {
        for (int i : order) {
            TestEvents.sendRaw(swv.topic(i), swv.key(i), swv.events().get(i));
        }
        awaitApplied();
    }

    /** Sends generated events in their order, batched as the services' relays send, and waits for the projections. */
    public static void send(List<GeneratedEvent> events) {
        try (KafkaProducer<String, String> producer = bulkProducer()) {
            events.forEach(e -> producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json())));
            producer.flush();
        }
        awaitApplied();
    }

    /**
     * A producer for many events at once, to every topic (as the broker's super user, in the name of each
     * topic's writer): batched, compressed and acknowledged by every replica.
     */
    public static KafkaProducer<String, String> bulkProducer() {
        Map<String, Object> config = new HashMap<>(KafkaResource.clientConfig(KafkaBroker.ADMIN));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    /** Waits until every record on every topic is in the projections (or dead-lettered). */
    public static void awaitApplied() {
        awaitApplied(Duration.ofSeconds(60));
    }

    /** Waits at most {@code timeout} until every record on every topic is in the projections (or dead-lettered). */
    public static void awaitApplied(Duration timeout) {
        EventFeed feed = Arc.container().instance(EventFeed.class).get();
        await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(feed.lag()).as("records the feed has not applied").isZero());
    }
}
