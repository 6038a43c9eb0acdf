package nl.passend.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A rebuild of the projections, carried out on the feed's own thread so that live events and the
 * replay never race: asked for (REQUESTED), it empties the projections and the positions in one
 * transaction while the feed seeks every partition to its beginning (RUNNING); when every partition
 * has reached the end it had at the start, it is FINISHED. Its row in {@code rebuild} shows the
 * progress. The erased pupils and the publications stay.
 */
@ApplicationScoped
public class FeedRebuild {

    private static final Logger LOG = Logger.getLogger(FeedRebuild.class);

    /** What a rebuild empties. */
    static final List<String> PROJECTIONS = Stream.concat(PupilErasure.PUPIL_TABLES.stream(),
            Stream.of("school", "feed_position")).toList();

    @Inject
    FeedJdbc jdbc;

    @Inject
    ErasedPupils erased;

    @Inject
    Clock clock;

    private final AtomicReference<UUID> requested = new AtomicReference<>();

    /** The rebuild in progress (the feed thread's alone): its id, the offsets it must reach, how far it is. */
    private UUID running;
    private Map<TopicPartition, Long> target;
    private long applied;

    /** Asks the feed to rebuild; it takes the request up before its next poll, within a second. */
    public void request(UUID rebuildId) {
        requested.set(rebuildId);
    }

    /** The rebuild asked for since the last call, if any. */
    UUID takeRequest() {
        return requested.getAndSet(null);
    }

    /**
     * Starts rebuild {@code id}: empties the projections and the positions; the feed then reads every
     * partition from {@code begin} until it reaches {@code end}.
     */
    void start(UUID id, Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
        jdbc.inNewTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("truncate " + String.join(", ", PROJECTIONS));
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update rebuild set state = 'RUNNING', started_at = ?, events_total = ?, events_applied = 0 where id = ?")) {
                update.setObject(1, now());
                update.setLong(2, total);
                update.setObject(3, id);
                update.executeUpdate();
            }
        });
        erased.reload();
        running = id;
        target = new HashMap<>(end);
        applied = 0;
        LOG.infof("rebuild %s: replaying %d events from %d partitions", id, total, end.size());
    }

    /** Counts records applied (or dead-lettered) towards the running rebuild, if any. */
    void progress(int records) {
        if (running == null) {
            return;
        }
        applied += records;
        UUID id = running;
        long count = applied;
        jdbc.inNewTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update rebuild set events_applied = ? where id = ?")) {
                update.setLong(1, count);
                update.setObject(2, id);
                update.executeUpdate();
            }
        });
    }

    /** Finishes the running rebuild once every partition's {@code position} has reached the end it had at the start. */
    void finishIfReached(ToLongFunction<TopicPartition> position) {
        if (running == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> partition : target.entrySet()) {
            if (position.applyAsLong(partition.getKey()) < partition.getValue()) {
                return;
            }
        }
        UUID id = running;
        long count = applied;
        jdbc.inNewTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update rebuild set state = 'FINISHED', finished_at = ?, events_applied = ? where id = ?")) {
                update.setObject(1, now());
                update.setLong(2, count);
                update.setObject(3, id);
                update.executeUpdate();
            }
        });
        LOG.infof("rebuild %s: finished after %d events", id, count);
        running = null;
        target = null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
