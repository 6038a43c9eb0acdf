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

    /** Per client (the token's azp): at most {@code requests} per {@code window}, refilled evenly. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("600")
        long requests();

        @WithDefault("1m")
        Duration window();
    }
}
