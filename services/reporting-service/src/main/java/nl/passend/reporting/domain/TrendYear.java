package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One school year of the trend: the SWV's regular pupils and referrals, and its participation. */
public record TrendYear(String schoolYear, LocalDate countDateOn, int pupils, int referrals,
        BigDecimal referralRate, BigDecimal sboRate, BigDecimal soRate) {
}
