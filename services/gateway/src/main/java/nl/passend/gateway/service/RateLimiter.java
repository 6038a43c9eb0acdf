package nl.passend.gateway.service;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.persistence.RateLimitBuckets;

/**
 * The rate limits, token buckets (Bucket4j) that hold {@code requests} tokens and refill evenly over their
 * {@code window}, so a caller may burst up to the limit and then goes on at the window's average rate.
 *
 * <ul>
 * <li>A request with a token takes one token from its user's bucket (the client and the subject: two users
 * of one app do not starve each other) and one from its client's, whose higher limit caps all its users
 * together. Either one empty: refused.</li>
 * <li>A request without one (the API document) takes one from its remote address's bucket.</li>
 * </ul>
 * The buckets are rows in the gateway's database ({@link RateLimitBuckets}), so every gateway instance
 * counts against the same ones. Each check is a database transaction per bucket: call it off the event loop.
 */
@Singleton
public class RateLimiter {

    /** At most {@code requests} per {@code window}. */
    public record Limit(long requests, Duration window) {

        public Limit {
            if (requests < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive window");
            }
        }

        static Limit of(GatewayConfig.Limit config) {
            return new Limit(config.requests(), config.window());
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, window))
                    .build();
        }

        /**
         * Part of the key: a changed limit starts new buckets (the old rows expire) instead of living on in
         * the buckets' stored configuration.
         */
        String key() {
            return requests + "/" + window;
        }
    }

    /** The answer for one request: allowed or not, what is left of the tightest limit, and when to try again. */
    public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private final boolean enabled;
    private final Limit perUser;
    private final Limit perClient;
    private final Limit anonymous;
    private final ProxyManager<String> buckets;

    @Inject
    public RateLimiter(GatewayConfig config, RateLimitBuckets buckets) {
        this(config.rateLimit().enabled(), Limit.of(config.rateLimit().perUser()),
                Limit.of(config.rateLimit().perClient()), Limit.of(config.rateLimit().anonymous()), buckets.buckets());
    }

    /** @param buckets where the buckets are: each gateway instance has its own proxy manager on the one table */
    public RateLimiter(boolean enabled, Limit perUser, Limit perClient, Limit anonymous, ProxyManager<String> buckets) {
        this.enabled = enabled;
        this.perUser = perUser;
        this.perClient = perClient;
        this.anonymous = anonymous;
        this.buckets = buckets;
    }

    /**
     * One request of a user of a client.
     *
     * @param clientId whose client ({@code client:<azp>}, see {@code ClientIds})
     * @param subject the token's {@code sub}
     */
    public Decision forUser(String clientId, String subject) {
        if (!enabled) {
            return new Decision(true, perUser.requests(), perUser.requests(), 0);
        }
        // the user's bucket first: a user who floods is refused without touching the client's row, which all
        // the client's users (on every instance) lock in turn
        String userKey = "user " + perUser.key() + " " + clientId.length() + ":" + clientId + " " + subject;
        Decision user = take(userKey, perUser);
        if (!user.allowed()) {
            return user;
        }
        Decision client = take("client " + perClient.key() + " " + clientId, perClient);
        if (!client.allowed()) {
            // the request is refused, so it does not count against the user either
            buckets.getProxy(userKey, perUser::bucket).addTokens(1);
            return client;
        }
        return client.remaining() < user.remaining() ? client : user;
    }

    /** One request without a token, from {@code address} (the remote address). */
    public Decision forAddress(String address) {
        if (!enabled) {
            return new Decision(true, anonymous.requests(), anonymous.requests(), 0);
        }
        return take("address " + anonymous.key() + " " + address, anonymous);
    }

    private Decision take(String key, Limit limit) {
        ConsumptionProbe probe = buckets.getProxy(key, limit::bucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, limit.requests(), probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, limit.requests(), 0, seconds);
    }
}
