package nl.passend.reporting.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.passend.platform.PlatformConfig;
import nl.passend.reporting.config.ReportingConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Feeds every topic into the projections: one thread reads all partitions of the five topics and
 * hands each poll to {@link FeedApplier}, which applies it in one transaction together with the
 * positions ({@link FeedPositions}). Between polls it takes up a rebuild asked for
 * ({@link FeedRebuild}), on this same thread, so that live events and the replay never race. When the
 * broker or the database is away it starts again from the positions in the database.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    @Inject
    FeedConsumers consumers;

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
            try (KafkaConsumer<String, String> c = consumers.create(config.feed().batchSize())) {
                consumer = c;
                erased.reload();
                poll(c);
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warnf("event feed: %s; reconnecting", e.toString());
                sleep(Duration.ofSeconds(1));
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
            rebuild.startIfRequested(c, assigned);
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                applier.apply(batch);
            }
            rebuild.finishIfDone(c);
        }
    }

    /** Assigns every partition of every topic (topics may appear later) and seeks new ones to their stored position. */
    private void assign(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        Set<TopicPartition> all = FeedConsumers.partitions(c);
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
