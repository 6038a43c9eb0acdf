package nl.passend.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The services read time from one injected clock, which the tests move. */
@QuarkusTest
class ClockTest {

    @Inject
    Clock clock;

    @Test
    void theInjectedClockCountsDaysInTheNetherlands() {
        assertThat(clock.getZone()).isEqualTo(Clocks.NL);
    }

    @Test
    void aTestMovesTheServicesClockAndPutsItBack() {
        LocalDate today = LocalDate.now(clock);
        try (TestClock.Travel travel = TestClock.travel(Duration.ofDays(43))) {
            assertThat(LocalDate.now(clock)).isEqualTo(today.plusDays(43));
        }
        assertThat(LocalDate.now(clock)).isEqualTo(today);
        try (TestClock.Travel travel = TestClock.travelTo(LocalDate.of(2025, 10, 1))) {
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(Instant.now(clock)).isBefore(Instant.now().minus(Duration.ofDays(30)));
        }
    }
}
