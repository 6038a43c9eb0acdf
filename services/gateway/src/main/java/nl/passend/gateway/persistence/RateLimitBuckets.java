package nl.passend.gateway.persistence;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The rate limiter's token buckets in the gateway's database (table {@code rate_limit_bucket}), so that every
 * gateway instance counts against the same buckets.
 *
 * <p>Bucket4j's {@code SELECT ... FOR UPDATE} proxy manager rather than its advisory-lock one: it locks the
 * bucket's own row by its text key, where the advisory-lock one needs a 64-bit lock id per key (a hash of
 * the text, so unrelated buckets could wait for each other) in the lock space Flyway uses too, and holds
 * the lock for the same one short transaction per request either way.
 *
 * <p>A row's {@code expires_at} is when its bucket is full again (plus {@link #KEEP_AFTER_REFILL}); from then
 * on it says nothing that a new, full bucket would not, so {@link #removeExpired()} deletes it: the table
 * holds the callers of about the last window, not every caller ever seen. Time is the service's clock.
 */
@Singleton
public class RateLimitBuckets {

    private static final Logger LOG = Logger.getLogger(RateLimitBuckets.class);

    /** A margin after a bucket has filled up, so that a row is not deleted while a request is about to use it. */
    static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(1);
    static final String TABLE = "rate_limit_bucket";
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final Clock clock;
    private final ProxyManager<String> buckets;

    @Inject
    public RateLimitBuckets(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.buckets = on(dataSource, timeOf(clock));
    }

    /** The buckets of this gateway instance (one proxy manager; the state is in the database). */
    public ProxyManager<String> buckets() {
        return buckets;
    }

    /** A proxy manager on the table: what each gateway instance has; {@code time} is its clock. */
    public static ProxyManager<String> on(DataSource dataSource, TimeMeter time) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .clientClock(time)
                .build();
    }

    /** The clock as Bucket4j's time: wall-clock milliseconds, in nanoseconds. */
    public static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    @Scheduled(every = "${passend.gateway.rate-limit.cleanup-interval}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void cleanup() {
        removeExpired();
    }

    /** Deletes every bucket that has expired by the service's clock; how many. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = removeExpired(clock.millis(), BATCH);
            removed += batch;
        } while (batch == BATCH);
        if (removed > 0) {
            LOG.debugf("removed %d rate-limit buckets that had filled up again", removed);
        }
        return removed;
    }

    /**
     * Deletes up to {@code limit} rows that expired before {@code nowMillis}; rows another instance has
     * locked (in use right now) are skipped. Bucket4j's own {@code removeExpired} would do the same on the
     * system's time instead of the service's clock.
     */
    int removeExpired(long nowMillis, int limit) {
        String sql = "delete from " + TABLE + " where expires_at < ? and id in (select id from " + TABLE
                + " where expires_at < ? limit ? for update skip locked)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, nowMillis);
            delete.setLong(2, nowMillis);
            delete.setInt(3, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove expired rate-limit buckets", e);
        }
    }
}
