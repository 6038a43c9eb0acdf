package nl.passend.reporting.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.reporting.domain.SchoolFigures;
import nl.passend.reporting.domain.SchoolYear;
import nl.passend.reporting.domain.SignalKind;
import nl.passend.reporting.persistence.FigureQueries.School;

/**
 * The counts of {@link FigureSql} for a set of schools, a school year and a count date, one query per
 * figure for all the schools at once; then each school's {@link SchoolFigures} from them (0 where a
 * query found nothing).
 */
final class SchoolCounts {

    private final EntityManager em;
    private final List<String> codes;
    private final SchoolYear year;
    private final LocalDate countDate;
    private final LocalDate windowStart;

    private final Map<String, Integer> pupils;
    private final Map<String, Map<String, Integer>> referrals;
    private final Map<String, Integer> referralsInWindow;
    private final Map<String, Map<String, Integer>> levels;
    private final Map<String, Integer> activeOpps;
    private final Map<String, Map<String, Integer>> openSignals;
    private final Map<String, Integer> arrangementsActive;
    private final Map<String, Integer> arrangementsStarted;
    private final Map<String, Integer> tlvsRequested;
    private final Map<String, Map<String, Integer>> tlvsDecided;
    private final Map<String, Integer> discussedThreeTimes;
    private final Map<String, Integer> botCases;
    private final Map<String, Map<String, Integer>> tlvWithoutPlace;
    private final Map<String, Integer> thuiszitters;

    /** Runs every query; {@code windowStart} is the first day "never refers" looks back to. */
    SchoolCounts(EntityManager em, List<String> codes, SchoolYear year, LocalDate countDate, LocalDate windowStart) {
        this.em = em;
        this.codes = codes;
        this.year = year;
        this.countDate = countDate;
        this.windowStart = windowStart;
        pupils = counts(FigureSql.PUPILS);
        referrals = keyedCounts(FigureSql.REFERRALS);
        referralsInWindow = counts(FigureSql.REFERRALS_IN_WINDOW);
        levels = keyedCounts(FigureSql.LEVELS);
        activeOpps = counts(FigureSql.ACTIVE_OPPS);
        openSignals = keyedCounts(FigureSql.OPEN_SIGNALS);
        arrangementsActive = counts(FigureSql.ARRANGEMENTS_ACTIVE);
        arrangementsStarted = counts(FigureSql.ARRANGEMENTS_STARTED);
        tlvsRequested = counts(FigureSql.TLVS_REQUESTED);
        tlvsDecided = keyedCounts(FigureSql.TLVS_DECIDED);
        discussedThreeTimes = counts(FigureSql.DISCUSSED_THREE_TIMES);
        botCases = counts(FigureSql.BOT_CASES);
        tlvWithoutPlace = keyedCounts(FigureSql.TLV_WITHOUT_PLACE_COUNTS);
        thuiszitters = counts(FigureSql.THUISZITTERS);
    }

    SchoolFigures of(School s) {
        String code = s.schoolCode();
        Map<String, Integer> ref = referrals.getOrDefault(code, Map.of());
        Map<String, Integer> decided = tlvsDecided.getOrDefault(code, Map.of());
        Map<String, Integer> waiting = tlvWithoutPlace.getOrDefault(code, Map.of());
        return new SchoolFigures(code, s.schoolType(), s.boardCode(), s.swvCode(), pupils.getOrDefault(code, 0),
                ref.getOrDefault("SBO", 0), ref.getOrDefault("SO", 0), referralsInWindow.getOrDefault(code, 0),
                levels(code), activeOpps.getOrDefault(code, 0), openSignals(code),
                arrangementsActive.getOrDefault(code, 0), arrangementsStarted.getOrDefault(code, 0),
                tlvsRequested.getOrDefault(code, 0), granted(decided), decided.getOrDefault("REFUSED", 0),
                discussedThreeTimes.getOrDefault(code, 0), botCases.getOrDefault(code, 0),
                waiting.getOrDefault("pupils", 0), waiting.getOrDefault("longestWaitDays", 0),
                thuiszitters.getOrDefault(code, 0));
    }

    private Map<SupportLevel, Integer> levels(String code) {
        Map<SupportLevel, Integer> perLevel = new EnumMap<>(SupportLevel.class);
        for (SupportLevel level : SupportLevel.values()) {
            perLevel.put(level, levels.getOrDefault(code, Map.of()).getOrDefault(level.name(), 0));
        }
        return perLevel;
    }

    private Map<SignalKind, Integer> openSignals(String code) {
        Map<SignalKind, Integer> open = new EnumMap<>(SignalKind.class);
        openSignals.getOrDefault(code, Map.of()).forEach((kind, n) -> open.put(SignalKind.valueOf(kind), n));
        return open;
    }

    private static Map<TlvCategory, Integer> granted(Map<String, Integer> decided) {
        Map<TlvCategory, Integer> granted = new EnumMap<>(TlvCategory.class);
        for (TlvCategory category : TlvCategory.values()) {
            granted.put(category, decided.getOrDefault(category.name(), 0));
        }
        return granted;
    }

    private Map<String, Integer> counts(String sql) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : rows(sql)) {
            counts.put((String) row[0], FigureQueries.number(row[1]));
        }
        return counts;
    }

    private Map<String, Map<String, Integer>> keyedCounts(String sql) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Object[] row : rows(sql)) {
            counts.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1],
                    FigureQueries.number(row[2]));
        }
        return counts;
    }

    /** The query's rows, with the parameters it names bound. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        Query query = em.createNativeQuery(sql).setParameter("codes", codes);
        if (sql.contains(":d")) {
            query.setParameter("d", countDate);
        }
        if (sql.contains(":ys")) {
            query.setParameter("ys", year.firstDay());
        }
        if (sql.contains(":ye")) {
            query.setParameter("ye", year.lastDay());
        }
        if (sql.contains(":ws")) {
            query.setParameter("ws", windowStart);
        }
        return query.getResultList();
    }
}
