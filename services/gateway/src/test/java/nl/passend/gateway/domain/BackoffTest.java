package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), 2, Duration.ofHours(1), 0.2);

    @Test
    void theWaitDoublesFromTheInitialOneUpToTheCeiling() {
        assertThat(DEFAULT.schedule(12)).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80),
                Duration.ofSeconds(160), Duration.ofSeconds(320), Duration.ofSeconds(640), Duration.ofSeconds(1280),
                Duration.ofSeconds(2560), Duration.ofHours(1), Duration.ofHours(1));
        // so the default gives up about 3.4 hours after the first attempt
        assertThat(DEFAULT.schedule(12).stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofSeconds(5110 + 2 * 3600));
        // far beyond the ceiling nothing overflows
        assertThat(DEFAULT.after(10_000, () -> 0.5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterVariesTheWaitByAtMostItsFractionAndNeverBeyondTheCeiling() {
        assertThat(DEFAULT.after(3, () -> 0.0)).isEqualTo(Duration.ofSeconds(32));
        assertThat(DEFAULT.after(3, () -> 0.999_999)).isBetween(Duration.ofMillis(47_999), Duration.ofSeconds(48));
        assertThat(DEFAULT.after(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(40));
        assertThat(DEFAULT.after(11, () -> 0.999_999)).isEqualTo(Duration.ofHours(1));
        assertThat(DEFAULT.after(11, () -> 0.0)).isEqualTo(Duration.ofMinutes(48));
        Backoff exact = new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(1), 0);
        assertThat(List.of(exact.after(1, Math::random), exact.after(2, Math::random), exact.after(3, Math::random),
                exact.after(4, Math::random))).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofSeconds(1));
    }

    @Test
    void aLongerRetryAfterOfTheReceiverIsHonouredUpToTheCeiling() {
        assertThat(DEFAULT.after(1, () -> 0.5, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULT.after(1, () -> 0.5, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULT.after(1, () -> 0.5, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULT.after(1, () -> 0.5, Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), 0.5, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), 2, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 2, Duration.ofHours(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULT.after(0, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
