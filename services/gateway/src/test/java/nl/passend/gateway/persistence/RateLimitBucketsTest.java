package nl.passend.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import org.junit.jupiter.api.Test;

/** The buckets' rows in the gateway's database: written on the clock, deleted once they have filled up again. */
@QuarkusTest
class RateLimitBucketsTest {

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitBuckets buckets;

    private static long expiresAt(String id) {
        return Long.parseLong(TestDb.string("select expires_at from rate_limit_bucket where id = ?", id));
    }

    @Test
    void theServicesClockIsTheBucketsTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00.123Z"), ZoneOffset.UTC);
        TimeMeter time = RateLimitBuckets.timeOf(clock);
        assertThat(time.currentTimeNanos()).isEqualTo(clock.millis() * 1_000_000L);
        assertThat(time.isWallClockBased()).isTrue();
    }

    @Test
    void aBucketThatHasFilledUpAgainIsDeletedAndOneInUseIsKept() {
        long now = System.currentTimeMillis();
        ProxyManager<String> proxies = RateLimitBuckets.on(dataSource,
                RateLimitBuckets.timeOf(Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC)));
        BucketConfiguration twoPerMinute = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(2).refillGreedy(2, Duration.ofMinutes(1))).build();
        String used = "test used " + UUID.randomUUID();
        String half = "test half " + UUID.randomUUID();
        proxies.getProxy(used, () -> twoPerMinute).tryConsume(2);
        proxies.getProxy(half, () -> twoPerMinute).tryConsume(1);

        // an empty bucket is full again after the window, a half-empty one after half of it; the row is kept
        // a margin longer
        long margin = RateLimitBuckets.KEEP_AFTER_REFILL.toMillis();
        long minute = Duration.ofMinutes(1).toMillis();
        assertThat(expiresAt(used)).isCloseTo(now + minute + margin, within(1_000L));
        assertThat(expiresAt(half)).isCloseTo(now + minute / 2 + margin, within(1_000L));

        buckets.removeExpired(now + minute / 2 + margin + 1_000, 1_000);
        assertThat(TestDb.count("select count(*) from rate_limit_bucket where id = ?", half)).isZero();
        assertThat(TestDb.count("select count(*) from rate_limit_bucket where id = ?", used)).isOne();
        // the scheduled cleanup, on the service's clock
        try (TestClock.Travel later = TestClock.travel(Duration.ofMillis(minute + margin).plusSeconds(5))) {
            assertThat(buckets.removeExpired()).isPositive();
        }
        assertThat(TestDb.count("select count(*) from rate_limit_bucket where id = ?", used)).isZero();
    }
}
