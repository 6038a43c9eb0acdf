package nl.passend.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The next offset per partition, kept in the database beside the projections and written in the same
 * transaction as the records' effects: they commit or fail together, so a restart resumes exactly
 * where the projections are (this takes the place of the platform's inbox).
 */
@ApplicationScoped
public class FeedPositions {

    @Inject
    FeedJdbc jdbc;

    /** Moves each partition's position past the records (never back: a redelivery leaves it where it is). */
    static void save(Connection connection, List<ConsumerRecord<String, String>> records) throws SQLException {
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
    public Map<TopicPartition, Long> all() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        jdbc.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select topic, partition, next_offset from feed_position");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        });
        return positions;
    }
}
