package nl.passend.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Rebuild;
import nl.passend.reporting.domain.RiskSignal;

/** What the reporting API answers: aggregates only, never a pupil. Rates are fractions (0.0125 = 1.25 %). */
public final class Responses {

    private Responses() {
    }

    /**
     * One school's figures (or, without a school code, the total of a set of schools). Stocks are on
     * the count date, flows during the school year; {@code referralRate} only for regular schools.
     */
    public record SchoolRow(String schoolCode, SchoolType schoolType, String boardCode, String swvCode, int pupils,
            int referralsSbo, int referralsSo, BigDecimal referralRate, BigDecimal swvReferralRate,
            Map<SupportLevel, Integer> levels, int activeOpps, int oppsNotEstablishedInTime, int oppsNotEvaluatedInTime,
            int level4WithoutOpp, int arrangementsActive, int arrangementsStarted, int tlvsRequested,
            Map<TlvCategory, Integer> tlvsGranted, int tlvsRefused, int pupilsDiscussedThreeTimes,
            int pupilsDiscussedRepeatedly, int botCases, int tlvWithoutPlace, int thuiszitters) {
    }

    /** Participation on the count date (stocks): SBO = sbo / (bao + sbo), SO = so / (bao + sbo). */
    public record Participation(int bao, int sbo, int so, int soWithoutKnownTlv, BigDecimal sboRate,
            BigDecimal soRate, BigDecimal nationalSboRate, BigDecimal nationalSoRate) {
    }

    /** The SWV's referral flow: referrals from its regular schools over their pupils on the count date. */
    public record Referrals(int pupils, int referralsSbo, int referralsSo, BigDecimal rate, BigDecimal nationalRate) {
    }

    public record SwvReport(String swvCode, String schoolYear, CountDate countDate, LocalDate countDateOn,
            Participation participation, Referrals referrals, SchoolRow total, List<SchoolRow> schools,
            List<RiskSignal> signals) {
    }

    public record SwvAverage(String swvCode, BigDecimal referralRate) {
    }

    public record BoardReport(String boardCode, String schoolYear, CountDate countDate, LocalDate countDateOn,
            List<SchoolRow> schools, List<SwvAverage> swvAverages, BigDecimal nationalReferralRate,
            List<RiskSignal> signals) {
    }

    public record SchoolReport(String schoolYear, CountDate countDate, LocalDate countDateOn, SchoolRow school,
            BigDecimal swvReferralRate, BigDecimal nationalReferralRate, List<RiskSignal> signals) {
    }

    public record TrendYear(String schoolYear, LocalDate countDateOn, int pupils, int referrals,
            BigDecimal referralRate, BigDecimal sboRate, BigDecimal soRate) {
    }

    public record Trend(String swvCode, CountDate countDate, BigDecimal nationalReferralRate, List<TrendYear> years) {
    }

    public record RebuildStatus(UUID id, Rebuild.State state, Instant requestedAt, Instant startedAt,
            Instant finishedAt, Long eventsTotal, long eventsApplied, BigDecimal percent, Long eventsPerSecond) {
    }

    public record FeedStatus(long behind, Map<String, Long> positions) {
    }

    public record PublicationSummary(UUID id, String swvCode, String schoolYear, CountDate countDate,
            Instant publishedAt, String publishedBy) {
    }

    public record PublicationView(UUID id, String swvCode, String schoolYear, CountDate countDate,
            Instant publishedAt, String publishedBy, JsonNode report) {
    }
}
