package nl.passend.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway's settings (application.properties, prefix {@code passend.gateway}). */
@ConfigMapping(prefix = "passend.gateway")
public interface GatewayConfig {

    /** The public API's root path; a service's own path follows it unchanged. */
    String PUBLIC_PREFIX = "/api/v1";

    /** The services behind the gateway, by name (e.g. {@code pupil-service}). */
    Map<String, Service> services();

    /**
     * Paths below /api/v1 that the gateway answers itself (its own REST resources); they take precedence
     * over every service prefix. A new gateway endpoint adds its path here.
     */
    @WithDefault("/openapi.yaml")
    List<String> ownPaths();

    /** Paths below /api/v1 that need no token (the API document). */
    @WithDefault("/openapi.yaml")
    List<String> publicPaths();

    /**
     * How long the gateway waits for a service's answer (and between two parts of a streamed answer);
     * longer: 504.
     */
    @WithDefault("30s")
    Duration timeout();

    /** How long it tries to connect to a service (or waits for a free connection); then 503. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Open connections per service. */
    @WithDefault("64")
    int maxConnectionsPerService();

    RateLimit rateLimit();

    Webhooks webhooks();

    interface Service {
        /**
         * Base URL, e.g. {@code http://localhost:8081}; a path in it (e.g. {@code http://host/pupils-api})
         * goes before the service's own path.
         */
        String url();

        /**
         * The path prefixes below /api/v1 this service answers, e.g. {@code /opps,/pupils/*&#47;opps}; a
         * {@code *} segment matches any one segment, and the longest matching prefix of all services wins.
         */
        List<String> prefixes();
    }

    /**
     * The rate limits, token buckets refilled evenly over their window and shared by every gateway instance
     * (in the gateway's database): a request with a token counts against its user ({@code azp} and
     * {@code sub}) and against its client ({@code azp}); one without (the API document, Swagger UI) against
     * the caller's address.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** One user of one client. */
        Limit perUser();

        /** All users of one client together: higher than one user's. */
        Limit perClient();

        /** Requests without a token, per remote address. */
        Limit anonymous();

        /** How often buckets that have filled up again (and so say nothing) are deleted. */
        @WithDefault("10m")
        Duration cleanupInterval();
    }

    /** At most {@code requests} per {@code window}, refilled evenly. */
    interface Limit {
        long requests();

        Duration window();
    }

    /**
     * Webhooks of student information systems: how deliveries are tried, retried and given up, and which
     * callback URLs are accepted.
     */
    interface Webhooks {
        /** Attempts of one delivery before it is given up (and its subscription is FAILING). */
        @WithDefault("12")
        int maxAttempts();

        /** The wait after the first failed attempt; each later one waits {@link #backoffMultiplier()} times longer. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("2")
        double backoffMultiplier();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Each wait is varied by up to this fraction either way, so that failed receivers are not hit in step. */
        @WithDefault("0.2")
        double jitter();

        /** How long an attempt waits for the callback's answer; longer counts as a failure (timeout). */
        @WithDefault("10s")
        Duration requestTimeout();

        @WithDefault("5s")
        Duration connectTimeout();

        /** How often the worker looks for due deliveries (also the scheduler's interval). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Attempts under way at once, per gateway instance. */
        @WithDefault("8")
        int concurrency();

        /** Subscriptions one client may have. */
        @WithDefault("25")
        int maxSubscriptionsPerClient();

        /** After a rotation the previous secret signs too (a second signature) for this long. */
        @WithDefault("24h")
        Duration secretGracePeriod();

        /** Delivered deliveries are deleted after this long, given-up ones after {@link #keepFailed()}. */
        @WithDefault("7d")
        Duration keepDelivered();

        @WithDefault("30d")
        Duration keepFailed();

        /**
         * Callbacks must be https on a public address; true also accepts http(s) on localhost, 127.0.0.1 and
         * [::1] (dev and tests).
         */
        @WithDefault("false")
        boolean allowLocalCallbacks();

        /**
         * The AES-256 keys (base64 of 32 bytes each, newest first) of the signing secrets in the database: the
         * first seals, every one opens (see {@code SecretBox}). No default outside dev and test.
         */
        List<String> secretKeys();

        /** How often the re-seal job moves secrets sealed with an older key to the first one. */
        @WithDefault("1h")
        Duration resealInterval();

        /** Subscriptions the re-seal job reads and writes in one transaction. */
        @WithDefault("100")
        int resealBatchSize();
    }
}
