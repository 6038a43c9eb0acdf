package nl.passend.reporting.api;

import java.time.LocalDate;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.SchoolYear;

/** The school year and count date a report is asked for; by default the latest count date up to today. */
public record ReportPeriod(SchoolYear year, CountDate countDate) {

    /** The period the query parameters ask for; {@code today} (the service's clock) decides what "latest" is. */
    public static ReportPeriod of(String schoolYear, String countDate, LocalDate today) {
        if (schoolYear == null && countDate == null) {
            return new ReportPeriod(CountDate.latestYearOn(today), CountDate.latestOn(today));
        }
        CountDate date = countDate == null ? CountDate.OCTOBER : Params.enumValue(CountDate.class, countDate, "countDate");
        if (schoolYear == null) {
            // the latest school year whose count date has passed: February's may still be ahead this year
            SchoolYear year = CountDate.latestYearOn(today);
            return new ReportPeriod(date.in(year).isAfter(today) ? year.previous() : year, date);
        }
        SchoolYear year = SchoolYear.parse(schoolYear).orElseThrow(() -> Problems.invalidParameter("schoolYear",
                "schoolYear must be a school year such as 2025-2026, not '" + schoolYear + "'"));
        return new ReportPeriod(year, date);
    }
}
