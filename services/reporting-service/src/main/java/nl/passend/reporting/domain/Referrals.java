package nl.passend.reporting.domain;

import java.math.BigDecimal;

/** The SWV's referral flow: referrals from its regular schools over their pupils on the count date. */
public record Referrals(int pupils, int referralsSbo, int referralsSo, BigDecimal rate, BigDecimal nationalRate) {
}
