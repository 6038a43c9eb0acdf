package nl.passend.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import org.junit.jupiter.api.Test;

/**
 * The risk signals an SWV watches its schools for, on figures made by hand, with the thresholds of application.properties:
 * refers more than 1.5 times the SWV's average and at least 2 pupils; never referred in 3 school years
 * while peers refer; calls on the SWV more than 1.5 times comparable schools and at least 3 times.
 */
class SignalRulesTest {

    private static final BigDecimal NATIONAL = new BigDecimal("0.011");
    private static final SignalRules RULES = new SignalRules(new SignalRules.Thresholds(new BigDecimal("1.5"), 2, 3,
            new BigDecimal("1.5"), 3, NATIONAL));

    // ---- refers above the SWV's average ---------------------------------------------------------

    @Test
    void aSchoolJustAboveOneAndAHalfTimesTheSwvsAverageIsSignalledWithTheFiguresBehindIt() {
        // the SWV: 400 referrals on 20,000 pupils = 2 %; X refers 3.01 %, just above 1.5 × 2 % = 3 %
        School x = bao("X", 10_000).referrals(301, 0);
        School y = bao("Y", 10_000).referrals(50, 49);
        List<RiskSignal> signals = RULES.signals(figures(x, y), figures(x, y));
        assertThat(kinds(signals)).containsExactly("X REFERS_ABOVE_SWV_AVERAGE");
        assertThat(signals.get(0).figures()).hasToString("{referrals=301, pupils=10000, referralRate=0.0301, "
                + "swvReferralRate=0.0200, factor=1.5, nationalReferralRate=0.011}");
    }

    @Test
    void aSchoolExactlyAtOneAndAHalfTimesTheAverageIsNot() {
        // 6 referrals on 300 pupils = 2 %; X refers 3 / 100 = 3 % = exactly 1.5 × 2 %
        School x = bao("X", 100).referrals(2, 1);
        School y = bao("Y", 200).referrals(3, 0);
        assertThat(RULES.signals(figures(x, y), figures(x, y))).isEmpty();
    }

    @Test
    void oneReferralAtASmallSchoolIsNoPatternTwoAre() {
        // X: 1 of 10 pupils = 10 %, far above the SWV's 1.09 %, but fewer than 2 referrals
        School big = bao("BIG", 1000).referrals(10, 0);
        School one = bao("X", 10).referrals(0, 1);
        assertThat(kinds(RULES.signals(figures(one, big), figures(one, big)))).isEmpty();
        // two referrals (the minimum itself) are enough
        School two = bao("X", 20).referrals(1, 1);
        assertThat(kinds(RULES.signals(figures(two, big), figures(two, big))))
                .containsExactly("X REFERS_ABOVE_SWV_AVERAGE");
    }

    @Test
    void onlyRegularSchoolsAreJudgedOnReferrals() {
        // an SBO school whose pupils left for SO at a high rate, and one that never referred: neither is signalled
        School a = bao("A", 100).referrals(1, 1);
        School b = bao("B", 100).referrals(1, 0);
        School sbo = new School("S", SchoolType.SBO, 10).referrals(0, 5);
        School so = new School("O", SchoolType.SO, 10);
        assertThat(kinds(RULES.signals(figures(a, b, sbo, so), figures(a, b, sbo, so)))).isEmpty();
    }

    @Test
    void aSchoolWithoutPupilsOnTheCountDateGetsNoReferralSignal() {
        School empty = bao("E", 0);
        School a = bao("A", 100).referrals(2, 0);
        assertThat(kinds(RULES.signals(figures(empty, a), figures(empty, a)))).isEmpty();
        // nor does anyone when the SWV has no regular pupils at all
        School alone = bao("E", 0);
        assertThat(RULES.signals(figures(alone), figures(alone))).isEmpty();
    }

    // ---- never refers ---------------------------------------------------------------------------

    @Test
    void aSchoolThatReferredNobodyInTheWholeWindowWhilePeersReferIsSignalled() {
        School a = bao("A", 100).referrals(2, 2);
        School b = bao("B", 100).referrals(1, 0);
        School c = bao("C", 50); // never
        School d = bao("D", 50).window(1); // not this year, but within the last 3 school years
        School sbo = new School("S", SchoolType.SBO, 10).referrals(0, 3); // no peer of a regular school
        List<SchoolFigures> swv = figures(a, b, c, d, sbo);
        List<RiskSignal> signals = RULES.signals(swv, swv);
        assertThat(kinds(signals)).containsExactly("A REFERS_ABOVE_SWV_AVERAGE", "C NEVER_REFERS");
        // 5 referrals on 300 regular pupils; of C's peers only A and B referred this year
        assertThat(signals.get(1).figures()).hasToString(
                "{pupils=50, schoolYears=3, peersReferring=2, swvReferralRate=0.0167}");
    }

    @Test
    void aSchoolThatReferredEarlierInTheWindowIsNotSignalled() {
        School a = bao("A", 100).referrals(1, 0);
        School c = bao("C", 100).window(1);
        assertThat(kinds(RULES.signals(figures(a, c), figures(a, c)))).isEmpty();
    }

    @Test
    void neverRefersOnlyWhilePeersRefer() {
        // nobody referred this school year (B referred the year before): no school stands out
        School b = bao("B", 100).window(1);
        School c = bao("C", 100);
        School d = bao("D", 100);
        assertThat(RULES.signals(figures(b, c, d), figures(b, c, d))).isEmpty();
        // the only regular school of the SWV has no peers
        School alone = bao("C", 100);
        School sbo = new School("S", SchoolType.SBO, 10).referrals(1, 0);
        assertThat(RULES.signals(figures(alone, sbo), figures(alone, sbo))).isEmpty();
    }

    // ---- calls on the SWV -----------------------------------------------------------------------

    @Test
    void callsOnTheSwvAreComparedWithSchoolsOfTheSameTypeOnly() {
        // regular schools: 6 calls on 300 pupils = 0.02; A makes 5 on 100 = 0.05 > 1.5 × 0.02
        School a = bao("A", 100).calls(3, 2);
        School b = bao("B", 100).calls(1, 0);
        School c = bao("C", 100);
        // SBO schools call far more per pupil than regular schools, but not more than each other:
        // 18 on 200 = 0.09; S1's 0.10 is not above 1.5 × 0.09. Against all schools (24 on 500 = 0.048)
        // S1 would be signalled, and A (0.05 against 1.5 × 0.048) would not.
        School s1 = new School("S1", SchoolType.SBO, 100).calls(6, 4);
        School s2 = new School("S2", SchoolType.SBO, 100).calls(8, 0);
        List<SchoolFigures> swv = figures(a, b, c, s1, s2);
        List<RiskSignal> signals = RULES.signals(swv, swv);
        assertThat(kinds(signals)).containsExactly("A CALLS_ON_SWV_MORE");
        assertThat(signals.get(0).figures()).hasToString("{botCases=3, arrangementsStarted=2, pupils=100, "
                + "callsPerPupil=0.0500, comparableCallsPerPupil=0.0200, comparableSchools=3, factor=1.5}");
    }

    @Test
    void anSoSchoolIsComparedWithSoSchools() {
        School so1 = new School("O1", SchoolType.SO, 20).calls(4, 0);
        School so2 = new School("O2", SchoolType.SO, 80).calls(0, 0);
        School a = bao("A", 1000).calls(1, 0);
        List<SchoolFigures> swv = figures(a, so1, so2);
        List<RiskSignal> signals = RULES.signals(swv, swv);
        assertThat(kinds(signals)).containsExactly("O1 CALLS_ON_SWV_MORE");
        assertThat(signals.get(0).figures()).containsEntry("comparableSchools", 2)
                .containsEntry("comparableCallsPerPupil", new BigDecimal("0.0400"));
    }

    @Test
    void fewerThanThreeCallsAreNoPatternThreeAre() {
        School b = bao("B", 1000).calls(1, 0);
        School two = bao("X", 10).calls(1, 1);
        assertThat(RULES.signals(figures(two, b), figures(two, b))).isEmpty();
        School three = bao("X", 10).calls(2, 1);
        assertThat(kinds(RULES.signals(figures(three, b), figures(three, b)))).containsExactly("X CALLS_ON_SWV_MORE");
    }

    @Test
    void noCallsAtAllIsNoSignal() {
        School a = bao("A", 100);
        School b = bao("B", 100);
        assertThat(RULES.signals(figures(a, b), figures(a, b))).isEmpty();
    }

    // ---- counted signals ------------------------------------------------------------------------

    @Test
    void tlvsWithoutPlaceThuiszittersAndTheOwnersSignalsCarryTheirFigures() {
        School s = new School("S", SchoolType.SBO, 40).waiting(2, 45).thuiszitters(1)
                .open(SignalKind.LEVEL_4_WITHOUT_OPP, 3).open(SignalKind.ACTION_ITEM_OVERDUE, 1)
                .open(SignalKind.NO_CHANGE_OF_COURSE, 0);
        List<RiskSignal> signals = RULES.signals(figures(s), figures(s));
        assertThat(kinds(signals)).containsExactly("S TLV_WITHOUT_PLACE", "S THUISZITTERS", "S LEVEL_4_WITHOUT_OPP",
                "S ACTION_ITEM_OVERDUE");
        assertThat(signals.get(0).figures()).hasToString("{pupils=2, longestWaitDays=45}");
        assertThat(signals.get(1).figures()).hasToString("{pupils=1}");
        assertThat(signals.get(2).figures()).hasToString("{pupils=3, schoolPupils=40}");
        assertThat(signals.get(3).figures()).hasToString("{pupils=1, schoolPupils=40}");
    }

    @Test
    void everyOwnersSignalBecomesTheRiskSignalOfTheSameName() {
        School a = bao("A", 10);
        for (SignalKind kind : SignalKind.values()) {
            a = a.open(kind, 1);
        }
        List<RiskSignal> signals = RULES.signals(figures(a), figures(a));
        assertThat(signals).extracting(s -> s.kind().name())
                .containsExactly(Arrays.stream(SignalKind.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void aSchoolWithNothingToReportHasNoSignals() {
        School a = bao("A", 100).referrals(1, 0).calls(1, 0);
        School b = bao("B", 100).referrals(1, 0).calls(1, 0);
        assertThat(RULES.signals(figures(a, b), figures(a, b))).isEmpty();
    }

    @Test
    void oneSchoolsSignalsJudgedAgainstItsSwvAreTheSameAsInTheSwvsView() {
        School a = bao("A", 100).referrals(2, 2).calls(3, 2).waiting(1, 20);
        School b = bao("B", 100).referrals(1, 0).calls(1, 0).thuiszitters(1);
        School c = bao("C", 50);
        School d = bao("D", 50).referrals(0, 1);
        List<SchoolFigures> swv = figures(a, b, c, d);
        List<RiskSignal> all = RULES.signals(swv, swv);
        for (SchoolFigures school : swv) {
            assertThat(RULES.signals(List.of(school), swv)).as(school.schoolCode())
                    .isEqualTo(all.stream().filter(s -> s.schoolCode().equals(school.schoolCode())).toList());
        }
        assertThat(kinds(all)).containsExactly("A REFERS_ABOVE_SWV_AVERAGE", "A CALLS_ON_SWV_MORE",
                "A TLV_WITHOUT_PLACE", "B THUISZITTERS", "C NEVER_REFERS");
    }

    // ---- figures made by hand -------------------------------------------------------------------

    private static List<String> kinds(List<RiskSignal> signals) {
        return signals.stream().map(s -> s.schoolCode() + " " + s.kind()).toList();
    }

    private static School bao(String code, int pupils) {
        return new School(code, SchoolType.BAO, pupils);
    }

    private static List<SchoolFigures> figures(School... schools) {
        List<SchoolFigures> figures = new ArrayList<>();
        for (School s : schools) {
            figures.add(s.figures());
        }
        return figures;
    }

    /** One school's figures; referrals this school year count for the window too. */
    private record School(String code, SchoolType type, int pupils, int sbo, int so, int earlier, int botCases,
            int arrangementsStarted, int waiting, int longestWait, int thuiszitters, Map<SignalKind, Integer> open) {

        School(String code, SchoolType type, int pupils) {
            this(code, type, pupils, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
        }

        School referrals(int toSbo, int toSo) {
            return new School(code, type, pupils, toSbo, toSo, earlier, botCases, arrangementsStarted, waiting,
                    longestWait, thuiszitters, open);
        }

        /** Referrals in the earlier school years of the window. */
        School window(int earlierReferrals) {
            return new School(code, type, pupils, sbo, so, earlierReferrals, botCases, arrangementsStarted, waiting,
                    longestWait, thuiszitters, open);
        }

        School calls(int bot, int arrangements) {
            return new School(code, type, pupils, sbo, so, earlier, bot, arrangements, waiting, longestWait,
                    thuiszitters, open);
        }

        School waiting(int pupilsWaiting, int longestDays) {
            return new School(code, type, pupils, sbo, so, earlier, botCases, arrangementsStarted, pupilsWaiting,
                    longestDays, thuiszitters, open);
        }

        School thuiszitters(int n) {
            return new School(code, type, pupils, sbo, so, earlier, botCases, arrangementsStarted, waiting,
                    longestWait, n, open);
        }

        School open(SignalKind kind, int n) {
            Map<SignalKind, Integer> signals = new EnumMap<>(SignalKind.class);
            signals.putAll(open);
            signals.put(kind, n);
            return new School(code, type, pupils, sbo, so, earlier, botCases, arrangementsStarted, waiting,
                    longestWait, thuiszitters, signals);
        }

        SchoolFigures figures() {
            Map<SupportLevel, Integer> levels = new EnumMap<>(SupportLevel.class);
            levels.put(SupportLevel.LEVEL_1, pupils);
            Map<TlvCategory, Integer> granted = new EnumMap<>(TlvCategory.class);
            return new SchoolFigures(code, type, "B1", "PO1", pupils, sbo, so, sbo + so + earlier, levels, 0, open, 0,
                    arrangementsStarted, 0, granted, 0, 0, botCases, waiting, longestWait, thuiszitters);
        }
    }
}
