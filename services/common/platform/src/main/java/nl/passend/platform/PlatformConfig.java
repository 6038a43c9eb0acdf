package nl.passend.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service shares; defaults live in the platform's microprofile-config.properties. */
@ConfigMapping(prefix = "passend")
public interface PlatformConfig {

    /** The service's name, e.g. {@code pupil-service}: event source, consumer group, dead-letter suffix. */
    String serviceName();

    Outbox outbox();

    Consumer consumer();

    Kafka kafka();

    Directory directory();

    /** The pupil directory: a local copy of schools, pupils, guardians and linked professionals from passend.pupil. */
    interface Directory {
        /** On in every service that consumes passend.pupil; off in pupil-service, which writes it. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Outbox {
        /** How often the relay looks for unsent events. */
        @WithDefault("1s")
        Duration interval();

        @WithDefault("200")
        int batchSize();

        /** How long a relay waits for the broker's acknowledgement of a batch. */
        @WithDefault("20s")
        Duration sendTimeout();

        /** Sent rows are deleted after this long. */
        @WithDefault("7d")
        Duration keepSent();
    }

    /** Short client timeouts, so that a broker outage shows up in seconds (the outbox keeps the events). */
    interface Kafka {
        @WithDefault("5000")
        int maxBlockMs();

        @WithDefault("15000")
        int deliveryTimeoutMs();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Attempts before a message whose handler keeps failing goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();
    }
}
