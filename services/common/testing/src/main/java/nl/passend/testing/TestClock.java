package nl.passend.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The services' clock in tests (a bean of this test library, so it takes the place of the platform's
 * system clock in every {@code @QuarkusTest}): the system's time until a test moves it. A test that
 * needs a past or a future sets "now" here instead of back-dating rows, and puts it back afterwards:
 * <pre>try (TestClock.Travel t = TestClock.travel(Duration.ofDays(43))) { ... }</pre>
 */
@Singleton
public class TestClock extends Clock {

    /** The zone of the services' clock: days count in the Netherlands. */
    public static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private static volatile Duration offset = Duration.ZERO;

    /** Puts the clock back to the system's time when closed. */
    public interface Travel extends AutoCloseable {
        @Override
        void close();
    }

    /** Moves the services' "now" by {@code by} (negative: into the past) until the returned travel is closed. */
    public static Travel travel(Duration by) {
        offset = offset.plus(by);
        return TestClock::reset;
    }

    /** Sets the services' "now" to {@code instant} until the returned travel is closed. */
    public static Travel travelTo(Instant instant) {
        return travel(Duration.between(Instant.now().plus(offset), instant));
    }

    /** Sets the services' "now" to noon of {@code day}, Dutch time, until the returned travel is closed. */
    public static Travel travelTo(LocalDate day) {
        return travelTo(day.atTime(12, 0).atZone(NL).toInstant());
    }

    /** Back to the system's time. */
    public static void reset() {
        offset = Duration.ZERO;
    }

    /** The services' "now". */
    public static Instant now() {
        return Instant.now().plus(offset);
    }

    /** The services' "today". */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), NL);
    }

    @Override
    public ZoneId getZone() {
        return NL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return now();
    }
}
