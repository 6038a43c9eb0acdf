package nl.passend.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.passend.reporting.messaging.EventFeed;
import nl.passend.testing.TestEvents;

/** Sends hand-made events to the real topics and waits until the service's feed has applied them. */
public final class Feed {

    private Feed() {
    }

    /** Sends the set in its own order and waits for the projections. */
    public static void send(KnownSwv swv) {
        for (int i = 0; i < swv.events().size(); i++) {
            TestEvents.sendRaw(swv.topic(i), swv.key(i), swv.events().get(i));
        }
        awaitApplied();
    }

    /** Sends the events at these indexes of the set, in this order. */
    public static void send(KnownSwv swv, List<Integer> order) {
        for (int i : order) {
            TestEvents.sendRaw(swv.topic(i), swv.key(i), swv.events().get(i));
        }
        awaitApplied();
    }

    /** Waits until every record on every topic is in the projections (or dead-lettered). */
    public static void awaitApplied() {
        EventFeed feed = Arc.container().instance(EventFeed.class).get();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long lag = feed.lag();
        while (lag > 0 && Instant.now().isBefore(deadline)) {
            sleep(100);
            lag = feed.lag();
        }
        assertThat(lag).as("records the feed has not applied").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
