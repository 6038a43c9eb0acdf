package nl.passend.reporting.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.Topics;
import nl.passend.platform.PlatformConfig;
import nl.passend.reporting.config.ReportingConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Feeds every topic into the projections: one thread reads all partitions of the five topics and
 * hands each poll to {@link FeedApplier}, which applies it in one transaction together with the
 * positions ({@link FeedPositions}). Between polls it takes up a rebuild asked for
 * ({@link FeedRebuild}), on this same thread, so that live events and the replay never race. When the
 * broker or the database is away it starts again from the positions in the database.
 * <p>
 * This is the one plain Kafka consumer of the code base, and the only class that talks to Kafka's
 * client: it assigns every partition to itself and seeks to positions kept in its own database, which
 * the Reactive Messaging connector does not do. It takes every client setting (TLS, SASL) from the
 * service's {@code kafka.*} configuration, as the connector's channels do.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    /** The service's kafka.* settings, as Quarkus gives them to every channel. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    FeedPositions positions;

    @Inject
    FeedApplier applier;

    @Inject
    FeedRebuild rebuild;

    @Inject
    ErasedPupils erased;

    @Inject
    PlatformConfig platform;

    @Inject
    ReportingConfig config;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, platform.serviceName() + "-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> polling = consumer;
        if (polling != null) {
            polling.wakeup(); // out of poll(): the loop sees running false and closes the consumer
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer(config.feed().batchSize())) {
                consumer = c;
                erased.reload();
                poll(c);
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf("event feed: %s; reconnecting", e.toString());
                pause(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    private void poll(KafkaConsumer<String, String> c) {
        Set<TopicPartition> assigned = new HashSet<>();
        long refreshed = 0;
        boolean first = true;
        while (running) {
            // elapsed time, not the clock: a test moving the service's clock must not hold up the refresh
            if (first || System.nanoTime() - refreshed >= config.feed().partitionRefresh().toNanos()) {
                assign(c, assigned);
                refreshed = System.nanoTime();
                first = false;
            }
            startRebuildIfRequested(c, assigned);
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                applier.apply(batch);
            }
            rebuild.finishIfReached(c::position);
        }
    }

    /** Assigns every partition of every topic (topics may appear later) and seeks new ones to their stored position. */
    private void assign(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        Set<TopicPartition> all = partitions(c);
        if (all.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        c.assign(all);
        Map<TopicPartition, Long> stored = positions.all();
        for (TopicPartition p : added) {
            Long next = stored.get(p);
            if (next == null) {
                c.seekToBeginning(List.of(p));
            } else {
                c.seek(p, next);
            }
        }
        assigned.clear();
        assigned.addAll(all);
    }

    /** Rewinds every partition for the rebuild asked for, if any, once its projections are empty. */
    private void startRebuildIfRequested(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        UUID id = rebuild.takeRequest();
        if (id != null) {
            rebuild.start(id, c.beginningOffsets(assigned), c.endOffsets(assigned));
            c.seekToBeginning(assigned);
        }
    }

    /** How many records of every topic the projections have not applied yet. */
    public long lag() {
        Map<TopicPartition, Long> stored = positions.all();
        try (KafkaConsumer<String, String> probe = newConsumer(1)) {
            Set<TopicPartition> partitions = partitions(probe);
            Map<TopicPartition, Long> begin = probe.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = probe.endOffsets(partitions);
            return partitions.stream()
                    .mapToLong(p -> end.get(p) - Math.max(begin.get(p), stored.getOrDefault(p, begin.get(p))))
                    .sum();
        }
    }

    /** A consumer without a group: where it reads is the feed's to say, from the positions in the database. */
    private KafkaConsumer<String, String> newConsumer(int maxPollRecords) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    /** Every partition of every topic as the broker knows them now (a topic may appear later). */
    private static Set<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : Topics.ALL) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions != null) {
                partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return all;
    }

    /** A back-off in the feed's thread: an interrupt ends it early and stays set, so the loop stops. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
