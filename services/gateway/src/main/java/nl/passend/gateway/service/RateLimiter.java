package nl.passend.gateway.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nl.passend.gateway.config.GatewayConfig;

/**
 * The per-client rate limit: one token bucket (Bucket4j) per client id, holding {@code requests} tokens and
 * refilled evenly over {@code window}, so a client may burst up to the limit and then goes on at the
 * window's average rate. The buckets live in this gateway instance's memory: with several instances each
 * has its own (a shared store is for later).
 */
@Singleton
public class RateLimiter {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long requests;
    private final Duration window;

    @Inject
    public RateLimiter(GatewayConfig config) {
        this(config.rateLimit().enabled(), config.rateLimit().requests(), config.rateLimit().window());
    }

    public RateLimiter(boolean enabled, long requests, Duration window) {
        if (requests < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the rate limit needs requests >= 1 and a positive window");
        }
        this.enabled = enabled;
        this.requests = requests;
        this.window = window;
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
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, requests, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, requests, 0, seconds);
    }
}
