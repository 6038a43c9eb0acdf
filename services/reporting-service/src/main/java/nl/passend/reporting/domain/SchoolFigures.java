package nl.passend.reporting.domain;

import java.util.Map;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;

/**
 * What the projections say of one school for a school year and count date: stocks on the count date,
 * flows during the school year. Counts only, never a pupil.
 *
 * @param pupils            pupils enrolled on the count date
 * @param referralsSbo      pupils who left for SBO during the school year
 * @param referralsSo       pupils who left for SO during the school year
 * @param referralsInWindow referrals during the school years "never refers" looks back on
 * @param levels            pupils enrolled on the count date per support level (without a level: LEVEL_1)
 * @param activeOpps        OPPs established and not closed on the count date
 * @param openSignals       signals their owners had raised and not resolved on the count date
 * @param arrangementsActive  arrangements running on the count date
 * @param arrangementsStarted arrangements started during the school year
 * @param tlvsRequested     TLVs requested during the school year
 * @param tlvsGranted       TLVs granted during the school year, per category
 * @param tlvsRefused       TLVs refused during the school year
 * @param discussedThreeTimes pupils discussed by name three or more times during the school year
 * @param botCases          cases the school brought to the BOT during the school year
 * @param tlvWithoutPlace   pupils with a valid TLV on the count date and no place in SBO or SO
 * @param longestTlvWaitDays the longest of those waits, in days since the decision
 * @param thuiszitters      pupils who left for no school (NONE_AT_HOME) and have no place on the count date
 */
public record SchoolFigures(String schoolCode, SchoolType schoolType, String boardCode, String swvCode, int pupils,
        int referralsSbo, int referralsSo, int referralsInWindow, Map<SupportLevel, Integer> levels, int activeOpps,
        Map<SignalKind, Integer> openSignals, int arrangementsActive, int arrangementsStarted, int tlvsRequested,
        Map<TlvCategory, Integer> tlvsGranted, int tlvsRefused, int discussedThreeTimes, int botCases,
        int tlvWithoutPlace, int longestTlvWaitDays, int thuiszitters) {

    public int referrals() {
        return referralsSbo + referralsSo;
    }

    /** Calls on the SWV during the school year: cases brought to the BOT and arrangements started. */
    public int callsOnSwv() {
        return botCases + arrangementsStarted;
    }

    public int signals(SignalKind kind) {
        return openSignals.getOrDefault(kind, 0);
    }

    public int tlvsGrantedTotal() {
        return tlvsGranted.values().stream().mapToInt(Integer::intValue).sum();
    }
}
