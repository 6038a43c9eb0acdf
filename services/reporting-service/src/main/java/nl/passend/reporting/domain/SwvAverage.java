package nl.passend.reporting.domain;

import java.math.BigDecimal;

/** An SWV's referral rate over its regular schools together. */
public record SwvAverage(String swvCode, BigDecimal referralRate) {
}
