package nl.passend.reporting.api;

import java.time.LocalDate;
import java.time.ZoneId;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.SchoolYear;

/** The school year and count date a report is asked for; by default the latest count date up to today. */
public record ReportPeriod(SchoolYear year, CountDate countDate) {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static ReportPeriod of(String schoolYear, String countDate) {
        LocalDate today = LocalDate.now(ZONE);
        if (schoolYear == null && countDate == null) {
            return new ReportPeriod(CountDate.latestYearOn(today), CountDate.latestOn(today));
        }
        SchoolYear year = schoolYear == null ? CountDate.latestYearOn(today) : SchoolYear.parse(schoolYear)
                .orElseThrow(() -> Problems.badRequest("invalid-parameter",
                        "schoolYear must be a school year such as 2025-2026, not '" + schoolYear + "'"));
        CountDate date = countDate == null ? CountDate.OCTOBER : Params.enumValue(CountDate.class, countDate, "countDate");
        return new ReportPeriod(year, date);
    }
}
