package nl.passend.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A school year runs from 1 August to 31 July and is written as 2025-2026. */
class SchoolYearTest {

    @Test
    void parsesTwoConsecutiveYears() {
        assertThat(SchoolYear.parse("2025-2026")).contains(new SchoolYear(2025));
        assertThat(SchoolYear.parse(" 2024-2025 ")).contains(new SchoolYear(2024));
        assertThat(SchoolYear.parse("1900-1901")).contains(new SchoolYear(1900));
        assertThat(SchoolYear.parse("2999-3000")).contains(new SchoolYear(2999));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "x", "2025", "2025-2027", "2025-2025", "2026-2025", "2025/2026", "25-26",
            "2025-26", "20252026", "2025-2026-2027", "１２３４-１２３５", "1899-1900", "3000-3001", "-2025-2026"})
    void rejectsWhatIsNoSchoolYear(String text) {
        assertThat(SchoolYear.parse(text)).isEmpty();
    }

    @Test
    void writesItselfAsItIsParsed() {
        assertThat(new SchoolYear(2025)).hasToString("2025-2026");
        assertThat(SchoolYear.parse(new SchoolYear(1999).toString())).contains(new SchoolYear(1999));
    }

    @Test
    void theYearOfADateTurnsOnTheFirstOfAugust() {
        assertThat(SchoolYear.of(LocalDate.of(2025, 7, 31))).isEqualTo(new SchoolYear(2024));
        assertThat(SchoolYear.of(LocalDate.of(2025, 8, 1))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.of(LocalDate.of(2025, 12, 31))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.of(LocalDate.of(2026, 1, 1))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.of(LocalDate.of(2026, 7, 31))).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.of(LocalDate.of(2026, 8, 1))).isEqualTo(new SchoolYear(2026));
    }

    @Test
    void firstAndLastDayAreTheFirstOfAugustAndTheThirtyFirstOfJuly() {
        SchoolYear year = new SchoolYear(2025);
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(SchoolYear.of(year.firstDay())).isEqualTo(year);
        assertThat(SchoolYear.of(year.lastDay())).isEqualTo(year);
        assertThat(SchoolYear.of(year.lastDay().plusDays(1))).isEqualTo(new SchoolYear(2026));
        assertThat(SchoolYear.of(year.firstDay().minusDays(1))).isEqualTo(new SchoolYear(2024));
        // a leap year's February is inside the year, nothing else changes
        assertThat(new SchoolYear(2027).lastDay()).isEqualTo(LocalDate.of(2028, 7, 31));
    }

    @Test
    void previousMinusAndOrder() {
        SchoolYear year = new SchoolYear(2025);
        assertThat(year.previous()).isEqualTo(new SchoolYear(2024));
        assertThat(year.minus(4)).hasToString("2021-2022");
        assertThat(year.minus(0)).isEqualTo(year);
        assertThat(year).isGreaterThan(year.previous()).isEqualByComparingTo(new SchoolYear(2025));
    }
}
