package nl.passend.reporting.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.inbox.Failures;
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
 * Feeds every topic into the projections. One thread reads all partitions and applies each poll's
 * records in one transaction, together with the next offset per partition: the positions live in
 * the database, so an effect and its position commit or fail together and a restart resumes exactly
 * there (no inbox needed). A batch that fails is applied again record by record; a record that can
 * never be applied goes to the dead-letter topic, and so does an event whose {@code source} is not the
 * topic's one writer. A rebuild empties the projections and replays every topic from its beginning, on
 * this same thread, so live events and the replay never race.
 * <p>
 * This is the one plain Kafka consumer of the code base: it assigns every partition to itself and
 * seeks to positions kept in its own database, which the Reactive Messaging connector does not do. It
 * takes every client setting (TLS, SASL) from the service's {@code kafka.*} configuration, as the
 * connector's channels do.
 */
@ApplicationScoped
public class EventFeed {

    private static final Logger LOG = Logger.getLogger(EventFeed.class);

    /** What a rebuild empties (the erased pupils and the publications stay). */
    static final List<String> PROJECTIONS = java.util.stream.Stream
            .concat(Projector.PUPIL_TABLES.stream(), java.util.stream.Stream.of("school", "feed_position")).toList();

    @Inject
    DataSource dataSource;

    /** The service's kafka.* settings, as Quarkus gives them to every channel. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    FeedDeadLetters deadLetters;

    @Inject
    PlatformConfig platform;

    @Inject
    ReportingConfig config;

    @Inject
    Clock clock;

    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();
    private final AtomicReference<UUID> rebuildRequested = new AtomicReference<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /** The rebuild in progress on this thread: its id, the offsets it must reach, how far it is. */
    private UUID rebuild;
    private Map<TopicPartition, Long> rebuildTarget;
    private long rebuildApplied;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, platform.serviceName() + "-event-feed");
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

    /** A consumer of the service's own settings; positions come from the database, never from a group. */
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

    /** Asks the feed to rebuild; the row {@code rebuildId} (state REQUESTED) shows its progress. */
    public void requestRebuild(UUID rebuildId) {
        rebuildRequested.set(rebuildId); // taken up before the next poll, within a second
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer(config.feed().batchSize())) {
                consumer = c;
                loadErased();
                Set<TopicPartition> assigned = new HashSet<>();
                long lastRefresh = 0;
                boolean first = true;
                while (running) {
                    // elapsed time, not the clock: a test moving the clock must not hold up the refresh
                    if (first || System.nanoTime() - lastRefresh >= config.feed().partitionRefresh().toNanos()) {
                        assign(c, assigned);
                        lastRefresh = System.nanoTime();
                        first = false;
                    }
                    UUID requested = rebuildRequested.getAndSet(null);
                    if (requested != null) {
                        startRebuild(c, assigned, requested);
                    }
                    ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        applyBatch(batch);
                    }
                    if (rebuild != null) {
                        finishRebuildIfDone(c);
                    }
                }
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                // the broker or the database is away: start again from the positions in the database
                LOG.warnf("event feed: %s; reconnecting", e.toString());
                sleep(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    /** Assigns every partition of every topic (topics may appear later) and seeks new ones to their stored position. */
    private void assign(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : Topics.ALL) {
            List<PartitionInfo> partitions = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions != null) {
                partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        if (all.equals(assigned)) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        c.assign(all);
        Map<TopicPartition, Long> positions = positions();
        for (TopicPartition p : added) {
            Long next = positions.get(p);
            if (next == null) {
                c.seekToBeginning(List.of(p));
            } else {
                c.seek(p, next);
            }
        }
        assigned.clear();
        assigned.addAll(all);
    }

    private void startRebuild(KafkaConsumer<String, String> c, Set<TopicPartition> assigned, UUID id) {
        Map<TopicPartition, Long> begin = c.beginningOffsets(assigned);
        Map<TopicPartition, Long> end = c.endOffsets(assigned);
        long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum();
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("truncate " + String.join(", ", PROJECTIONS));
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update rebuild set state = 'RUNNING', started_at = ?, events_total = ?, events_applied = 0 where id = ?")) {
                update.setObject(1, OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
                update.setLong(2, total);
                update.setObject(3, id);
                update.executeUpdate();
            }
        }));
        loadErased();
        c.seekToBeginning(assigned);
        rebuild = id;
        rebuildTarget = new HashMap<>(end);
        rebuildApplied = 0;
        LOG.infof("rebuild %s: replaying %d events from %d partitions", id, total, assigned.size());
    }

    private void finishRebuildIfDone(KafkaConsumer<String, String> c) {
        for (Map.Entry<TopicPartition, Long> target : rebuildTarget.entrySet()) {
            if (c.position(target.getKey()) < target.getValue()) {
                return;
            }
        }
        UUID id = rebuild;
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update rebuild set state = 'FINISHED', finished_at = ?, events_applied = ? where id = ?")) {
                update.setObject(1, OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
                update.setLong(2, rebuildApplied);
                update.setObject(3, id);
                update.executeUpdate();
            }
        }));
        LOG.infof("rebuild %s: finished after %d events", id, rebuildApplied);
        rebuild = null;
        rebuildTarget = null;
    }

    /** Applies the records in one transaction; on failure, one by one. */
    private void applyBatch(List<ConsumerRecord<String, String>> records) {
        Map<ConsumerRecord<String, String>, String> malformed = new java.util.LinkedHashMap<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
                malformed.clear();
                try (Projector projector = new Projector(connection, erased)) {
                    for (ConsumerRecord<String, String> record : records) {
                        try {
                            projector.apply(parse(record));
                        } catch (MalformedEventException e) {
                            malformed.put(record, e.getMessage());
                        }
                    }
                    projector.flush();
                }
                savePositions(connection, records);
            }));
        } catch (RuntimeException e) {
            LOG.debugf("batch of %d failed (%s); applying one by one", records.size(), e);
            loadErased();
            records.forEach(this::applyOne);
            return;
        }
        malformed.forEach(deadLetters::send);
        progress(records.size());
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = null;
        String failure = null;
        try {
            envelope = parse(record);
        } catch (MalformedEventException e) {
            failure = e.getMessage();
        }
        EventEnvelope event = envelope;
        int maxAttempts = Math.max(1, platform.consumer().maxAttempts());
        for (int attempt = 1; failure == null; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
                    try (Projector projector = new Projector(connection, erased)) {
                        projector.apply(event);
                        projector.flush();
                    }
                    savePositions(connection, List.of(record));
                }));
                progress(1);
                return;
            } catch (MalformedEventException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                loadErased();
                if (attempt >= maxAttempts) {
                    failure = "failed " + attempt + " times: " + Failures.rootMessage(e);
                } else {
                    sleep(platform.consumer().retryBackoff().multipliedBy(attempt));
                }
            }
        }
        deadLetters.send(record, failure);
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> savePositions(connection, List.of(record))));
        progress(1);
    }

    /** The record's envelope; MalformedEventException if it is none, or comes from anyone but the topic's writer. */
    private static EventEnvelope parse(ConsumerRecord<String, String> record) {
        return EventJson.readFrom(record.topic(), record.value());
    }

    private void progress(int records) {
        if (rebuild == null) {
            return;
        }
        rebuildApplied += records;
        UUID id = rebuild;
        long applied = rebuildApplied;
        QuarkusTransaction.requiringNew().run(() -> jdbc(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update rebuild set events_applied = ? where id = ?")) {
                update.setLong(1, applied);
                update.setObject(2, id);
                update.executeUpdate();
            }
        }));
    }

    private static void savePositions(Connection connection, List<ConsumerRecord<String, String>> records)
            throws SQLException {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into feed_position (topic, partition, next_offset) values (?, ?, ?)
                on conflict (topic, partition) do update set next_offset = greatest(feed_position.next_offset, excluded.next_offset)
                """)) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                upsert.setString(1, e.getKey().topic());
                upsert.setInt(2, e.getKey().partition());
                upsert.setLong(3, e.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The next offset per partition the projections hold everything before. */
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select topic, partition, next_offset from feed_position");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        });
        return positions;
    }

    /** How many records of every topic the projections have not applied yet. */
    public long lag() {
        Map<TopicPartition, Long> positions = positions();
        try (KafkaConsumer<String, String> probe = newConsumer(1)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                List<PartitionInfo> infos = probe.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            Map<TopicPartition, Long> begin = probe.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = probe.endOffsets(partitions);
            return partitions.stream()
                    .mapToLong(p -> end.get(p) - Math.max(begin.get(p), positions.getOrDefault(p, begin.get(p))))
                    .sum();
        }
    }

    private void loadErased() {
        Set<UUID> ids = new HashSet<>();
        jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select pupil_id from erased_pupil");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        });
        erased.clear();
        erased.addAll(ids);
    }

    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private void jdbc(SqlWork work) {
        try (Connection connection = dataSource.getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
