package nl.passend.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.LocalDate;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.SchoolYear;
import org.junit.jupiter.api.Test;

/** Which count date a report is for when the caller leaves the school year or the count date out. */
class ReportPeriodTest {

    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 23);

    @Test
    void withoutEitherTheLatestCountDateUpToToday() {
        assertThat(ReportPeriod.of(null, null, NOVEMBER)).isEqualTo(new ReportPeriod(new SchoolYear(2026), CountDate.OCTOBER));
        assertThat(ReportPeriod.of(null, null, LocalDate.of(2026, 9, 1)))
                .isEqualTo(new ReportPeriod(new SchoolYear(2025), CountDate.FEBRUARY));
    }

    @Test
    void februaryWithoutASchoolYearIsTheLastFebruaryThatHasPassed() {
        assertThat(ReportPeriod.of(null, "FEBRUARY", NOVEMBER))
                .isEqualTo(new ReportPeriod(new SchoolYear(2025), CountDate.FEBRUARY));
        assertThat(ReportPeriod.of(null, "FEBRUARY", LocalDate.of(2027, 2, 1)))
                .isEqualTo(new ReportPeriod(new SchoolYear(2026), CountDate.FEBRUARY));
        assertThat(ReportPeriod.of(null, "OCTOBER", NOVEMBER))
                .isEqualTo(new ReportPeriod(new SchoolYear(2026), CountDate.OCTOBER));
    }

    @Test
    void aSchoolYearWithoutACountDateMeansOctober() {
        assertThat(ReportPeriod.of("2024-2025", null, NOVEMBER))
                .isEqualTo(new ReportPeriod(new SchoolYear(2024), CountDate.OCTOBER));
    }

    @Test
    void badValuesAreTheCallersError() {
        assertThatThrownBy(() -> ReportPeriod.of("2024-2026", null, NOVEMBER)).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> ReportPeriod.of("2024-2025", "MARCH", NOVEMBER)).isInstanceOf(HttpProblem.class);
    }
}
