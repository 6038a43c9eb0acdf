package nl.passend.reporting.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.reporting.domain.SchoolFigures;
import nl.passend.reporting.domain.SchoolYear;
import nl.passend.reporting.domain.SignalKind;

/**
 * The figures of schools, read from the projections for a count date (stocks) and a school year
 * (flows). "Enrolled on a date" means started on or before it and not yet left: a pupil who left on
 * that date is no longer counted, as in pupil-service.
 */
@ApplicationScoped
public class FigureQueries {

    private static final String ENROLLED_ON = "start_date <= :d and (end_date is null or end_date > :d)";

    @Inject
    EntityManager em;

    /** A school as the projections know it. */
    public record School(String schoolCode, SchoolType schoolType, String boardCode, String swvCode) {
    }

    public List<School> schoolsOfSwv(String swvCode) {
        return schools("swv_code = :v", swvCode);
    }

    public List<School> schoolsOfBoard(String boardCode) {
        return schools("board_code = :v", boardCode);
    }

    public Optional<School> school(String schoolCode) {
        return schools("school_code = :v", schoolCode).stream().findFirst();
    }

    private List<School> schools(String where, String value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select school_code, school_type, board_code, swv_code from school where "
                + where + " and school_type is not null order by school_code").setParameter("v", value).getResultList();
        return rows.stream().map(r -> new School((String) r[0], SchoolType.valueOf((String) r[1]), (String) r[2],
                (String) r[3])).toList();
    }

    /** The figures of each school, in the order given. */
    public List<SchoolFigures> figures(List<School> schools, SchoolYear year, LocalDate countDate, int windowYears) {
        if (schools.isEmpty()) {
            return List.of();
        }
        List<String> codes = schools.stream().map(School::schoolCode).toList();
        Map<String, Integer> pupils = counts("""
                select school_code, count(distinct pupil_id) from enrolment
                where school_code in :codes and %s group by 1
                """.formatted(ENROLLED_ON), codes, year, countDate);
        Map<String, Map<String, Integer>> referrals = keyedCounts("""
                select school_code, destination, count(*) from enrolment
                where school_code in :codes and end_date between :ys and :ye and destination in ('SBO', 'SO') group by 1, 2
                """, codes, year, countDate);
        Map<String, Integer> referralsInWindow = counts("""
                select school_code, count(*) from enrolment
                where school_code in :codes and end_date between :ws and :ye and destination in ('SBO', 'SO') group by 1
                """, codes, year, countDate, "ws", year.minus(windowYears - 1).firstDay());
        Map<String, Map<String, Integer>> levels = keyedCounts("""
                with enrolled as (
                    select distinct on (pupil_id) pupil_id, school_code from enrolment
                    where school_code in :codes and %s order by pupil_id, start_date desc),
                current_level as (
                    select distinct on (c.pupil_id) c.pupil_id, c.level from level_change c
                    join enrolled e on e.pupil_id = c.pupil_id
                    where c.effective_date <= :d
                      and not exists (select 1 from level_change k where k.corrects_change_id = c.change_id)
                    order by c.pupil_id, c.effective_date desc, c.recorded_at desc)
                select e.school_code, coalesce(l.level, 'LEVEL_1'), count(*)
                from enrolled e left join current_level l on l.pupil_id = e.pupil_id group by 1, 2
                """.formatted(ENROLLED_ON), codes, year, countDate);
        Map<String, Integer> activeOpps = counts("""
                select o.school_code, count(distinct o.plan_id) from opp_event o
                where o.school_code in :codes and o.effective_date <= :d and o.status in ('ESTABLISHED', 'EVALUATED')
                  and not exists (select 1 from opp_event c where c.plan_id = o.plan_id and c.status = 'CLOSED'
                                  and c.effective_date <= :d)
                group by 1
                """, codes, year, countDate);
        Map<String, Map<String, Integer>> signals = keyedCounts("""
                select school_code, kind, count(*) from (
                    select distinct on (pupil_id, kind, signal_key) school_code, kind, raised from signal_event
                    where school_code in :codes and effective_date <= :d
                    order by pupil_id, kind, signal_key, effective_date desc, recorded_at desc, raised) s
                where raised group by 1, 2
                """, codes, year, countDate);
        Map<String, Integer> arrangementsActive = counts("""
                select school_code, count(*) from arrangement
                where school_code in :codes and start_date <= :d and (end_date is null or end_date >= :d) group by 1
                """, codes, year, countDate);
        Map<String, Integer> arrangementsStarted = counts("""
                select school_code, count(*) from arrangement
                where school_code in :codes and start_date between :ys and :ye group by 1
                """, codes, year, countDate);
        Map<String, Integer> tlvsRequested = counts("""
                select school_code, count(*) from tlv
                where school_code in :codes and requested_on between :ys and :ye group by 1
                """, codes, year, countDate);
        Map<String, Map<String, Integer>> tlvsDecided = keyedCounts("""
                select school_code, case when outcome = 'GRANTED' then category else outcome end, count(*) from tlv
                where school_code in :codes and decided_on between :ys and :ye group by 1, 2
                """, codes, year, countDate);
        Map<String, Integer> discussedThreeTimes = counts("""
                select school_code, count(*) from (
                    select school_code, pupil_id from case_discussed
                    where school_code in :codes and pupil_id is not null and discussed_on between :ys and :ye
                    group by 1, 2 having count(*) >= 3) p
                group by 1
                """, codes, year, countDate);
        Map<String, Integer> botCases = counts("""
                select school_code, count(*) from case_discussed
                where school_code in :codes and meeting_type = 'BOT' and discussed_on between :ys and :ye group by 1
                """, codes, year, countDate);
        Map<String, Map<String, Integer>> tlvWithoutPlace = keyedCounts("""
                select t.school_code, 'pupils', count(distinct t.pupil_id) from tlv t
                where %s group by 1
                union all
                select t.school_code, 'longestWaitDays', max(:d - t.decided_on) from tlv t
                where %s group by 1
                """.formatted(TLV_WITHOUT_PLACE, TLV_WITHOUT_PLACE), codes, year, countDate);
        Map<String, Integer> thuiszitters = counts("""
                select e.school_code, count(distinct e.pupil_id) from enrolment e
                where e.school_code in :codes and e.destination = 'NONE_AT_HOME' and e.end_date <= :d
                  and not exists (select 1 from enrolment n where n.pupil_id = e.pupil_id
                                  and n.start_date >= e.end_date and n.start_date <= :d)
                group by 1
                """, codes, year, countDate);

        List<SchoolFigures> figures = new ArrayList<>();
        for (School s : schools) {
            String code = s.schoolCode();
            Map<String, Integer> ref = referrals.getOrDefault(code, Map.of());
            Map<SupportLevel, Integer> levelCounts = new EnumMap<>(SupportLevel.class);
            for (SupportLevel level : SupportLevel.values()) {
                levelCounts.put(level, levels.getOrDefault(code, Map.of()).getOrDefault(level.name(), 0));
            }
            Map<SignalKind, Integer> open = new EnumMap<>(SignalKind.class);
            signals.getOrDefault(code, Map.of()).forEach((kind, n) -> open.put(SignalKind.valueOf(kind), n));
            Map<TlvCategory, Integer> granted = new EnumMap<>(TlvCategory.class);
            for (TlvCategory category : TlvCategory.values()) {
                granted.put(category, tlvsDecided.getOrDefault(code, Map.of()).getOrDefault(category.name(), 0));
            }
            Map<String, Integer> waiting = tlvWithoutPlace.getOrDefault(code, Map.of());
            figures.add(new SchoolFigures(code, s.schoolType(), s.boardCode(), s.swvCode(), pupils.getOrDefault(code, 0),
                    ref.getOrDefault("SBO", 0), ref.getOrDefault("SO", 0), referralsInWindow.getOrDefault(code, 0),
                    levelCounts, activeOpps.getOrDefault(code, 0), open, arrangementsActive.getOrDefault(code, 0),
                    arrangementsStarted.getOrDefault(code, 0), tlvsRequested.getOrDefault(code, 0), granted,
                    tlvsDecided.getOrDefault(code, Map.of()).getOrDefault("REFUSED", 0),
                    discussedThreeTimes.getOrDefault(code, 0), botCases.getOrDefault(code, 0),
                    waiting.getOrDefault("pupils", 0), waiting.getOrDefault("longestWaitDays", 0),
                    thuiszitters.getOrDefault(code, 0)));
        }
        return figures;
    }

    /** A granted TLV valid on :d whose pupil has no place in SBO or SO on :d. */
    private static final String TLV_WITHOUT_PLACE = """
            t.school_code in :codes and t.outcome = 'GRANTED' and t.decided_on <= :d
              and (t.end_date is null or t.end_date >= :d)
              and not exists (select 1 from enrolment e join school s on s.school_code = e.school_code
                              where e.pupil_id = t.pupil_id and s.school_type in ('SBO', 'SO')
                                and e.start_date <= :d and (e.end_date is null or e.end_date > :d))
            """;

    /** Pupils on the count date at the SWV's schools by type; SO pupils counted for the SWV that issued their TLV. */
    public record Participation(int bao, int sbo, int so, int soWithoutKnownTlv) {
    }

    public Participation participation(String swvCode, LocalDate countDate) {
        Object[] regular = (Object[]) em.createNativeQuery("""
                select count(distinct e.pupil_id) filter (where s.school_type = 'BAO'),
                       count(distinct e.pupil_id) filter (where s.school_type = 'SBO')
                from enrolment e join school s on s.school_code = e.school_code
                where s.swv_code = :swv and e.start_date <= :d and (e.end_date is null or e.end_date > :d)
                """)
                .setParameter("swv", swvCode).setParameter("d", countDate).getSingleResult();
        Object[] so = (Object[]) em.createNativeQuery("""
                with so_pupils as (
                    select distinct on (e.pupil_id) e.pupil_id, s.swv_code as school_swv
                    from enrolment e join school s on s.school_code = e.school_code
                    where s.school_type = 'SO' and e.start_date <= :d and (e.end_date is null or e.end_date > :d)
                    order by e.pupil_id, e.start_date desc),
                issuing as (
                    select distinct on (t.pupil_id) t.pupil_id, t.issuing_swv_code from tlv t
                    join so_pupils p on p.pupil_id = t.pupil_id
                    where t.outcome = 'GRANTED' and t.category like 'SO%' and t.decided_on <= :d
                    order by t.pupil_id, t.decided_on desc)
                select count(*) filter (where coalesce(i.issuing_swv_code, p.school_swv) = :swv),
                       count(*) filter (where i.issuing_swv_code is null and p.school_swv = :swv)
                from so_pupils p left join issuing i on i.pupil_id = p.pupil_id
                """).setParameter("swv", swvCode).setParameter("d", countDate).getSingleResult();
        return new Participation(number(regular[0]), number(regular[1]), number(so[0]), number(so[1]));
    }

    private Map<String, Integer> counts(String sql, Collection<String> codes, SchoolYear year, LocalDate countDate,
            Object... extra) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : rows(sql, codes, year, countDate, extra)) {
            counts.put((String) row[0], number(row[1]));
        }
        return counts;
    }

    private Map<String, Map<String, Integer>> keyedCounts(String sql, Collection<String> codes, SchoolYear year,
            LocalDate countDate) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Object[] row : rows(sql, codes, year, countDate)) {
            counts.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], number(row[2]));
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Collection<String> codes, SchoolYear year, LocalDate countDate,
            Object... extra) {
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
        for (int i = 0; i < extra.length; i += 2) {
            query.setParameter((String) extra[i], extra[i + 1]);
        }
        return query.getResultList();
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
