package nl.passend.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter on a time the test moves itself: nothing waits for real time. */
class RateLimiterTest {

    /** Bucket4j's time, standing still until the test moves it. */
    private static final class MovingTime implements TimeMeter {

        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        void move(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    private final MovingTime time = new MovingTime();

    @Test
    void aClientGetsItsLimitPerWindowThenARetryAfter() {
        RateLimiter limiter = new RateLimiter(true, 3, Duration.ofMinutes(1), time);
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Decision d = limiter.tryAcquire("a");
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(i);
        }
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        // one request's worth comes back after window / requests = 20 s
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        time.move(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(15);
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void itRefillsOverTime() {
        RateLimiter limiter = new RateLimiter(true, 2, Duration.ofMillis(200), time);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(1); // rounded up to whole seconds
        time.move(Duration.ofMillis(99));
        assertThat(limiter.tryAcquire("a").allowed()).as("a request's worth takes 100 ms").isFalse();
        time.move(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        time.move(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("a").remaining()).as("never more than the limit").isEqualTo(1);
    }

    @Test
    void theServicesClockIsItsTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00.123Z"), ZoneOffset.UTC);
        TimeMeter fromClock = RateLimiter.timeOf(clock);
        assertThat(fromClock.currentTimeNanos()).isEqualTo(clock.millis() * 1_000_000L);
        RateLimiter limiter = new RateLimiter(true, 1, Duration.ofMinutes(1), fromClock);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void offItAllowsEverythingAndANonsenseLimitIsRefused() {
        RateLimiter off = new RateLimiter(false, 1, Duration.ofMinutes(1), time);
        for (int i = 0; i < 10; i++) {
            assertThat(off.tryAcquire("a").allowed()).isTrue();
        }
        assertThatThrownBy(() -> new RateLimiter(true, 0, Duration.ofMinutes(1), time))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(true, 1, Duration.ZERO, time))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
