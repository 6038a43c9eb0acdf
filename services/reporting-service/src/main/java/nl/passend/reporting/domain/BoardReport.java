package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A board's schools the caller may see, with the average of each SWV they belong to. */
public record BoardReport(String boardCode, String schoolYear, CountDate countDate, LocalDate countDateOn,
        List<SchoolRow> schools, List<SwvAverage> swvAverages, BigDecimal nationalReferralRate,
        List<RiskSignal> signals) {
}
