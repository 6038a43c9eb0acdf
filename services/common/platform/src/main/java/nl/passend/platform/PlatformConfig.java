package nl.passend.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings every service shares; defaults live in the platform's microprofile-config.properties.
 * Kafka itself is configured the Quarkus way: {@code kafka.*} for every client (TLS, SASL),
 * {@code mp.messaging.incoming.events.*} for the consumer, {@code mp.messaging.outgoing.outbox.*} for
 * the outbox relay's producer.
 */
@ConfigMapping(prefix = "passend")
public interface PlatformConfig {

    /** The service's name, e.g. {@code pupil-service}: event source, consumer group, Kafka principal, dead-letter suffix. */
    String serviceName();

    Outbox outbox();

    Consumer consumer();

    Directory directory();

    Consistency consistency();

    Secrets secrets();

    /**
     * The secrets a service refuses to start without, checked by {@code config.ProductionSecrets} while the
     * configuration is built (so before any bean, and before the datasource connects).
     */
    interface Secrets {
        /** Property names, e.g. {@code quarkus.datasource.password}; a service adds its own to the platform's. */
        java.util.List<String> required();

        /** Off only in the dev and test profiles. */
        @WithDefault("true")
        boolean check();
    }

    /** The pupil directory: a local copy of schools, pupils, guardians and linked professionals from passend.pupil. */
    interface Directory {
        /** On in every service that consumes passend.pupil; off in pupil-service, which writes it. */
        @WithDefault("false")
        boolean enabled();
    }

    /** Read-your-writes: how a request with {@code X-Passend-After} waits for the event it names. */
    interface Consistency {
        /** The longest wait for the event before the answer is 503 {@code not-yet-synced}. */
        @WithDefault("2s")
        Duration maxWait();

        /** The {@code Retry-After} of that 503, in seconds. */
        @WithDefault("1")
        int retryAfterSeconds();
    }

    interface Outbox {
        /** How often the relay looks for unsent events. */
        @WithDefault("1s")
        Duration interval();

        @WithDefault("200")
        int batchSize();

        /** How long a relay run waits for the broker's acknowledgement of a batch. */
        @WithDefault("20s")
        Duration sendTimeout();

        /** Sent rows are deleted after this long. */
        @WithDefault("7d")
        Duration keepSent();
    }

    interface Consumer {
        /** Attempts before an event whose handler keeps failing goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** The wait before the first retry; it doubles with every further one. */
        @WithDefault("200ms")
        Duration retryBackoff();
    }
}
