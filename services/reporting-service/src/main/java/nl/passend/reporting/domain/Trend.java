package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.util.List;

/** The SWV's referral rate and participation on the same count date of several school years, oldest first. */
public record Trend(String swvCode, CountDate countDate, BigDecimal nationalReferralRate, List<TrendYear> years) {
}
