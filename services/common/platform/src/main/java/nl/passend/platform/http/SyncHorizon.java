package nl.passend.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The latest {@code updated_at} up to which a delta sync may safely read. Rows get
 * {@code updated_at = clock_timestamp()} from a trigger when written, so a row not yet committed
 * carries a time at or after its transaction's start. Reading only below the start of the oldest
 * transaction still open in this database (and below now) means a later page can never skip a row
 * that commits after this one was read. The outbox relay's transactions, which touch only outbox
 * rows but may wait for the broker, are left out.
 */
@ApplicationScoped
public class SyncHorizon {

    /** The application_name the outbox relay sets for its own transactions. */
    public static final String OUTBOX_RELAY = "passend-outbox-relay";

    @Inject
    EntityManager em;

    public Instant now() {
        Object value = em.createNativeQuery("""
                select least(statement_timestamp(),
                             coalesce((select min(xact_start) from pg_stat_activity
                                       where datname = current_database()
                                         and pid <> pg_backend_pid()
                                         and xact_start is not null
                                         and application_name <> :relay), 'infinity'::timestamptz))
                """).setParameter("relay", OUTBOX_RELAY).getSingleResult();
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }
}
