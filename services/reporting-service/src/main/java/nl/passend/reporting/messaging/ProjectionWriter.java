package nl.passend.reporting.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.MalformedEventException;
import nl.passend.events.payload.EventPayload;
import nl.passend.reporting.domain.SignalKind;

/**
 * The projections' writes in one transaction: statements batched per SQL text until {@link #flush()},
 * which executes them in the order they were first used; events about erased pupils skipped.
 */
final class ProjectionWriter implements AutoCloseable {

    private final Connection connection;
    private final Set<UUID> erased;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

    ProjectionWriter(Connection connection, Set<UUID> erased) {
        this.connection = connection;
        this.erased = erased;
    }

    /** True for an event about no pupil or about an erased one: nothing to write. */
    boolean skips(UUID pupilId) {
        return pupilId == null || erased.contains(pupilId);
    }

    void batch(String sql, Object... values) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        statement.addBatch();
    }

    /**
     * A signal an owning service raised or resolved about a pupil, keyed by its event; false when
     * skipped. What is open on a date is read back by effective date and recorded time.
     */
    boolean signal(EventEnvelope event, UUID pupilId, String schoolCode, SignalKind kind, String key, boolean raised,
            LocalDate effectiveDate) throws SQLException {
        if (skips(pupilId)) {
            return false;
        }
        batch("""
                insert into signal_event (event_id, pupil_id, school_code, kind, signal_key, raised, effective_date,
                    recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                """, event.id(), pupilId, schoolCode, kind.name(), key, raised, effectiveDate, event.time());
        return true;
    }

    /** Erases the pupil after the statements already batched, and skips every later event about them. */
    void erase(UUID pupilId, LocalDate erasedOn) throws SQLException {
        flush();
        PupilErasure.erase(connection, pupilId, erasedOn);
        erased.add(pupilId);
    }

    void flush() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        statements.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** The event's payload; MalformedEventException when it has none. */
    static <T extends EventPayload> T data(EventEnvelope event, Class<T> type) {
        T payload = EventJson.data(event, type);
        if (payload == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        return payload;
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
