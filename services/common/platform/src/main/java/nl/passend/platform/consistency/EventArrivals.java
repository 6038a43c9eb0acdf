package nl.passend.platform.consistency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import nl.passend.platform.PlatformConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an event has reached this service: its id is in the inbox (consumed, in the transaction of its
 * effect) or in the outbox (written here). Waiting polls both by their primary keys, first at once and then
 * after 10, 20, 40, 80 and then every 100 ms, each look on a connection of its own outside any transaction.
 * A service that consumes no events (the channel {@code events} switched off: pupil-service, reporting-service)
 * has nothing to wait for: every event counts as arrived there.
 */
@ApplicationScoped
public class EventArrivals {

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long MAX_PAUSE_MILLIS = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlatformConfig config;

    @ConfigProperty(name = "mp.messaging.incoming.events.enabled", defaultValue = "true")
    boolean consuming;

    /**
     * True as soon as the event has arrived, false when it has not within {@code passend.consistency.max-wait}
     * (or at once, when the caller may not wait).
     */
    public boolean await(UUID eventId, boolean mayWait) {
        if (!consuming) {
            return true;
        }
        // a timeout, not a time of record: measured with nanoTime, so that a test's moved clock cannot stretch it
        long deadline = System.nanoTime() + (mayWait ? config.consistency().maxWait().toNanos() : 0);
        long pause = FIRST_PAUSE_MILLIS;
        while (!arrived(eventId)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
        return true;
    }

    /** The {@code Retry-After} of the answer when an event did not arrive in time. */
    public int retryAfterSeconds() {
        return config.consistency().retryAfterSeconds();
    }

    boolean arrived(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select exists (select 1 from inbox_event where event_id = ?)
                            or exists (select 1 from outbox_event where event_id = ?)
                        """)) {
            query.setString(1, eventId.toString());
            query.setObject(2, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up event " + eventId, e);
        }
    }
}
