package nl.passend.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/** Reads what is really on a topic of the test broker, from the beginning, as the broker's super user. */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Every record on the topic (key and raw value), waiting up to {@code timeout} for {@code count} matches. */
    public static List<ConsumerRecord<String, String>> records(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(KafkaResource.clientConfig(KafkaBroker.ADMIN));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            if (partitions.isEmpty()) {
                return found; // the topic never came into being: nothing was written to it
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
                if (found.size() >= count && caughtUp(consumer, partitions)) {
                    break;
                }
            }
        }
        return found;
    }

    /** The envelopes on the topic that match, waiting up to {@code timeout} for at least {@code count}. */
    public static List<EventEnvelope> events(String topic, Predicate<EventEnvelope> match, int count,
            Duration timeout) {
        return records(topic, r -> safeMatch(r.value(), match), count, timeout).stream()
                .map(r -> EventJson.read(r.value())).toList();
    }

    private static boolean safeMatch(String value, Predicate<EventEnvelope> match) {
        try {
            return match.test(EventJson.read(value));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The topic's partitions; a topic created on first write (a dead-letter topic) may not exist yet. */
    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic,
            long deadline) {
        AtomicReference<List<TopicPartition>> partitions = new AtomicReference<>(List.of());
        try {
            await().atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        partitions.set(consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                                .map(p -> new TopicPartition(topic, p.partition())).toList());
                        return !partitions.get().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // none yet: the caller finds no events on it
        }
        return partitions.get();
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }
}
