package nl.passend.reporting.domain;

import java.time.LocalDate;
import java.util.List;

/** The SWV's report for a count date: participation, the referral flow, every school with the total, the signals. */
public record SwvReport(String swvCode, String schoolYear, CountDate countDate, LocalDate countDateOn,
        Participation participation, Referrals referrals, SchoolRow total, List<SchoolRow> schools,
        List<RiskSignal> signals) {
}
