package nl.passend.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The count dates 1 October and 1 February, and which one a report shows by default. */
class CountDateTest {

    @Test
    void octoberFallsInTheFirstCalendarYearFebruaryInTheSecond() {
        SchoolYear year = new SchoolYear(2025);
        assertThat(CountDate.OCTOBER.in(year)).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(CountDate.FEBRUARY.in(year)).isEqualTo(LocalDate.of(2026, 2, 1));
        for (CountDate date : CountDate.values()) {
            assertThat(SchoolYear.of(date.in(year))).as(date.name()).isEqualTo(year);
        }
        assertThat(CountDate.FEBRUARY.in(new SchoolYear(2027))).isEqualTo(LocalDate.of(2028, 2, 1));
    }

    /** today → the latest count date on or before it, and its school year. */
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            // August and September: the February of the school year before
            "2025-08-01, FEBRUARY, 2024-2025",
            "2025-08-15, FEBRUARY, 2024-2025",
            "2025-09-30, FEBRUARY, 2024-2025",
            // October up to January: this school year's October
            "2025-10-01, OCTOBER, 2025-2026",
            "2025-10-02, OCTOBER, 2025-2026",
            "2025-12-31, OCTOBER, 2025-2026",
            "2026-01-01, OCTOBER, 2025-2026",
            "2026-01-31, OCTOBER, 2025-2026",
            // February up to July: this school year's February
            "2026-02-01, FEBRUARY, 2025-2026",
            "2026-02-02, FEBRUARY, 2025-2026",
            "2026-05-15, FEBRUARY, 2025-2026",
            "2026-07-31, FEBRUARY, 2025-2026",
            // and the new school year starts with the same February
            "2026-08-01, FEBRUARY, 2025-2026",
            "2026-09-30, FEBRUARY, 2025-2026",
            "2026-10-01, OCTOBER, 2026-2027",
            // a leap day
            "2028-02-29, FEBRUARY, 2027-2028"
    })
    void theLatestCountDateOnOrBeforeToday(LocalDate today, CountDate expected, String expectedYear) {
        assertThat(CountDate.latestOn(today)).isEqualTo(expected);
        SchoolYear year = CountDate.latestYearOn(today);
        assertThat(year).hasToString(expectedYear);
        LocalDate countDate = CountDate.latestOn(today).in(year);
        assertThat(countDate).isBeforeOrEqualTo(today);
        // and it is the latest: no count date of that school year or the next lies between it and today
        for (CountDate other : CountDate.values()) {
            for (SchoolYear y : new SchoolYear[] {year, new SchoolYear(year.startYear() + 1)}) {
                LocalDate candidate = other.in(y);
                if (!candidate.isAfter(today)) {
                    assertThat(candidate).as(other + " " + y).isBeforeOrEqualTo(countDate);
                }
            }
        }
    }
}
