package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.util.Map;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;

/**
 * One school's figures as a report shows them (or, without a school code, the total of a set of
 * schools). Stocks are on the count date, flows during the school year; {@code referralRate} only for
 * regular schools. Rates are fractions (0.0125 = 1.25 %).
 */
public record SchoolRow(String schoolCode, SchoolType schoolType, String boardCode, String swvCode, int pupils,
        int referralsSbo, int referralsSo, BigDecimal referralRate, BigDecimal swvReferralRate,
        Map<SupportLevel, Integer> levels, int activeOpps, int oppsNotEstablishedInTime, int oppsNotEvaluatedInTime,
        int level4WithoutOpp, int arrangementsActive, int arrangementsStarted, int tlvsRequested,
        Map<TlvCategory, Integer> tlvsGranted, int tlvsRefused, int pupilsDiscussedThreeTimes,
        int pupilsDiscussedRepeatedly, int botCases, int tlvWithoutPlace, int thuiszitters) {
}
