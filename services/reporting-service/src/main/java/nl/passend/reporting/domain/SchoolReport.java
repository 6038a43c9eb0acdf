package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One school's figures with its SWV's average and the national flow reference. */
public record SchoolReport(String schoolYear, CountDate countDate, LocalDate countDateOn, SchoolRow school,
        BigDecimal swvReferralRate, BigDecimal nationalReferralRate, List<RiskSignal> signals) {
}
