package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.passend.events.codes.SchoolType;

/**
 * The risk signals of an SWV's schools for one school year and count date: a school that refers
 * clearly more than the SWV's average or never refers, that calls on the SWV significantly more than
 * comparable schools, pupils with a TLV still without a place, pupils at home. The SWV watches its
 * schools for these as its basic-support standard asks (the Almere SWV's, Stichting Leerlingzorg
 * Almere, is the example). Referral rates are flows and are compared with flows only: the SWV's
 * average over its regular schools, and the national flow reference.
 */
public final class SignalRules {

    /** The thresholds, from configuration. */
    public record Thresholds(BigDecimal referralFactor, int minReferrals, int neverRefersYears,
            BigDecimal callsFactor, int minCalls, BigDecimal nationalReferralRate) {
    }

    private final Thresholds thresholds;

    public SignalRules(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The signals of {@code schools}, judged against all {@code swvSchools} (the schools themselves
     * included): a director's or board's view gets the same signals as the SWV's.
     */
    public List<RiskSignal> signals(List<SchoolFigures> schools, List<SchoolFigures> swvSchools) {
        BigDecimal swvReferralRate = Rates.referralRate(swvSchools);
        List<RiskSignal> signals = new ArrayList<>();
        for (SchoolFigures school : schools) {
            if (school.schoolType() == SchoolType.BAO) {
                referralSignals(school, swvSchools, swvReferralRate, signals);
            }
            callsOnSwv(school, swvSchools, signals);
            if (school.tlvWithoutPlace() > 0) {
                signals.add(signal(school, RiskKind.TLV_WITHOUT_PLACE, "pupils", school.tlvWithoutPlace(),
                        "longestWaitDays", school.longestTlvWaitDays()));
            }
            if (school.thuiszitters() > 0) {
                signals.add(signal(school, RiskKind.THUISZITTERS, "pupils", school.thuiszitters()));
            }
            for (SignalKind kind : SignalKind.values()) {
                int open = school.signals(kind);
                if (open > 0) {
                    signals.add(signal(school, RiskKind.valueOf(kind.name()), "pupils", open, "schoolPupils",
                            school.pupils()));
                }
            }
        }
        return signals;
    }

    private void referralSignals(SchoolFigures school, List<SchoolFigures> swvSchools, BigDecimal swvRate,
            List<RiskSignal> signals) {
        BigDecimal rate = Rates.of(school.referrals(), school.pupils());
        if (rate == null || swvRate == null) {
            return;
        }
        if (school.referrals() >= thresholds.minReferrals()
                && rate.compareTo(swvRate.multiply(thresholds.referralFactor())) > 0) {
            signals.add(signal(school, RiskKind.REFERS_ABOVE_SWV_AVERAGE, "referrals", school.referrals(), "pupils",
                    school.pupils(), "referralRate", rate, "swvReferralRate", swvRate, "factor",
                    thresholds.referralFactor(), "nationalReferralRate", thresholds.nationalReferralRate()));
        }
        int peersReferring = (int) swvSchools.stream()
                .filter(s -> s.schoolType() == SchoolType.BAO && !s.schoolCode().equals(school.schoolCode())
                        && s.referrals() > 0)
                .count();
        if (school.referralsInWindow() == 0 && peersReferring > 0) {
            signals.add(signal(school, RiskKind.NEVER_REFERS, "pupils", school.pupils(), "schoolYears",
                    thresholds.neverRefersYears(), "peersReferring", peersReferring, "swvReferralRate", swvRate));
        }
    }

    private void callsOnSwv(SchoolFigures school, List<SchoolFigures> swvSchools, List<RiskSignal> signals) {
        List<SchoolFigures> comparable = swvSchools.stream().filter(s -> s.schoolType() == school.schoolType()).toList();
        BigDecimal rate = Rates.of(school.callsOnSwv(), school.pupils());
        BigDecimal comparableRate = Rates.of(comparable.stream().mapToInt(SchoolFigures::callsOnSwv).sum(),
                comparable.stream().mapToInt(SchoolFigures::pupils).sum());
        if (rate == null || comparableRate == null || comparableRate.signum() == 0
                || school.callsOnSwv() < thresholds.minCalls()) {
            return;
        }
        if (rate.compareTo(comparableRate.multiply(thresholds.callsFactor())) > 0) {
            signals.add(signal(school, RiskKind.CALLS_ON_SWV_MORE, "botCases", school.botCases(),
                    "arrangementsStarted", school.arrangementsStarted(), "pupils", school.pupils(), "callsPerPupil", rate,
                    "comparableCallsPerPupil", comparableRate, "comparableSchools", comparable.size(), "factor",
                    thresholds.callsFactor()));
        }
    }

    private static RiskSignal signal(SchoolFigures school, RiskKind kind, Object... namesAndValues) {
        Map<String, Number> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], (Number) namesAndValues[i + 1]);
        }
        return new RiskSignal(school.schoolCode(), kind, figures);
    }
}
