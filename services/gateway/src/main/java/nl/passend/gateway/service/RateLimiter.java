package nl.passend.gateway.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nl.passend.gateway.config.GatewayConfig;

/**
 * The per-client rate limit: one token bucket (Bucket4j) per client id, holding {@code requests} tokens and
 * refilled evenly over {@code window}, so a client may burst up to the limit and then goes on at the
 * window's average rate. The buckets live in this gateway instance's memory: with several instances each
 * has its own. Their time is the service's clock, in milliseconds (as Bucket4j's own default).
 */
@Singleton
public class RateLimiter {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long requests;
    private final Duration window;
    private final TimeMeter time;

    @Inject
    public RateLimiter(GatewayConfig config, Clock clock) {
        this(config.rateLimit().enabled(), config.rateLimit().requests(), config.rateLimit().window(), timeOf(clock));
    }

    /** @param time the buckets' time: the service's clock, or one a test moves */
    public RateLimiter(boolean enabled, long requests, Duration window, TimeMeter time) {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the rate limit needs requests >= 1 and a positive window");
        }
        this.enabled = enabled;
        this.requests = requests;
        this.window = window;
        this.time = time;
    }

    /** The answer for one request: allowed or not, what is left, and when to try again. */
    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    public Decision tryAcquire(String clientId) {
        if (!enabled) {
            return new Decision(true, requests, requests, 0);
        }
        Bucket bucket = buckets.computeIfAbsent(clientId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window))
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, requests, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, requests, 0, seconds);
    }

    /** The clock as Bucket4j's time: wall-clock milliseconds, in nanoseconds. */
    static TimeMeter timeOf(Clock clock) {
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
}
