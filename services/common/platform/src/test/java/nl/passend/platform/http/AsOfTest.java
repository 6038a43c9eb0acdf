package nl.passend.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsOfTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void absentOrEmptyIsNoAsOf() {
        assertThat(AsOf.parse(null, TODAY)).isNull();
        assertThat(AsOf.parse("", TODAY)).isNull();
        assertThat(AsOf.parse(" ", TODAY)).isNull();
    }

    @Test
    void aDateUpToTodayIsTheDayAsked() {
        assertThat(AsOf.parse("2026-03-10", TODAY).date()).isEqualTo(TODAY);
        assertThat(AsOf.parse("2025-09-01", TODAY).date()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(AsOf.parse(" 2025-09-01 ", TODAY).date()).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void anythingButADateIs400NamingTheParameter() {
        for (String bad : List.of("yesterday", "2026-3-1", "2026-02-30", "01-03-2026", "2026-03-01T00:00:00Z",
                "20260301")) {
            assertThatThrownBy(() -> AsOf.parse(bad, TODAY)).as(bad).isInstanceOfSatisfying(HttpProblem.class, p -> {
                assertThat(p.getStatusCode()).isEqualTo(400);
                assertThat(p.getType().toString()).isEqualTo("https://passend.nl/problems/invalid-parameter");
                assertThat(p.getDetail()).contains("asOf");
                assertThat(p.getParameters()).containsKey("violations");
            });
        }
    }

    @Test
    void aDayAfterTodayIs400() {
        assertThatThrownBy(() -> AsOf.parse("2026-03-11", TODAY)).isInstanceOfSatisfying(HttpProblem.class, p -> {
            assertThat(p.getStatusCode()).isEqualTo(400);
            assertThat(p.getDetail()).contains("asOf").contains("future");
        });
    }

    @Test
    void knownMeansRecordedBeforeTheEndOfTheDutchDay() {
        AsOf asOf = new AsOf(LocalDate.of(2026, 3, 1));
        // winter time: the Dutch day 1 March ends at 23:00 UTC
        assertThat(asOf.end()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
        assertThat(asOf.known(Instant.parse("2026-03-01T22:59:59Z"))).isTrue();
        assertThat(asOf.known(Instant.parse("2026-03-01T23:00:00Z"))).isFalse();
        assertThat(asOf.known(null)).isFalse();
        // summer time: 22:00 UTC
        assertThat(new AsOf(LocalDate.of(2026, 6, 1)).end()).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
    }

    @Test
    void reachedMeansOnOrBeforeTheDay() {
        AsOf asOf = new AsOf(LocalDate.of(2026, 3, 1));
        assertThat(asOf.reached(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(asOf.reached(LocalDate.of(2026, 3, 1))).isTrue();
        assertThat(asOf.reached(LocalDate.of(2026, 3, 2))).isFalse();
        assertThat(asOf.reached(null)).isFalse();
        assertThat(asOf.audit()).isEqualTo("asOf=2026-03-01");
    }
}
