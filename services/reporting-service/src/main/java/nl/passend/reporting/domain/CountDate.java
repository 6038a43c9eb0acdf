package nl.passend.reporting.domain;

import java.time.LocalDate;

/** The count dates (teldata) of a school year: 1 October, and 1 February. */
public enum CountDate {
    OCTOBER,
    FEBRUARY;

    public LocalDate in(SchoolYear year) {
        return this == OCTOBER ? LocalDate.of(year.startYear(), 10, 1) : LocalDate.of(year.startYear() + 1, 2, 1);
    }

    /** The latest count date on or before {@code today}: what a report shows when none is asked for. */
    public static CountDate latestOn(LocalDate today) {
        SchoolYear year = SchoolYear.of(today);
        return !today.isBefore(FEBRUARY.in(year)) || today.isBefore(OCTOBER.in(year)) ? FEBRUARY : OCTOBER;
    }

    /** The school year of {@link #latestOn(LocalDate)}. */
    public static SchoolYear latestYearOn(LocalDate today) {
        SchoolYear year = SchoolYear.of(today);
        return today.isBefore(OCTOBER.in(year)) ? year.previous() : year;
    }
}
