package nl.passend.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of a service: every "now" and "today" is read from the injected {@link Clock}, so that
 * tests can move time (the test harness replaces it). Its zone is the Netherlands: days count there,
 * whatever the server's zone.
 */
@Singleton
public class Clocks {

    /** Days count in the Netherlands. */
    public static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(NL);
    }
}
