package nl.passend.reporting.persistence;

/**
 * The queries behind a school's figures, each answering per school code in {@code :codes}: stocks on
 * the count date {@code :d}, flows from the school year's first day {@code :ys} to its last
 * {@code :ye}. A query answers (school, count) or (school, key, count).
 */
final class FigureSql {

    /** Enrolled on :d: started on or before it and not yet left (who left on :d no longer counts). */
    private static final String ENROLLED_ON = "start_date <= :d and (end_date is null or end_date > :d)";

    /** A granted TLV valid on :d whose pupil has no place in SBO or SO on :d. */
    private static final String TLV_WITHOUT_PLACE = """
            t.school_code in :codes and t.outcome = 'GRANTED' and t.decided_on <= :d
              and (t.end_date is null or t.end_date >= :d)
              and not exists (select 1 from enrolment e join school s on s.school_code = e.school_code
                              where e.pupil_id = t.pupil_id and s.school_type in ('SBO', 'SO')
                                and e.start_date <= :d and (e.end_date is null or e.end_date > :d))
            """;

    static final String PUPILS = """
            select school_code, count(distinct pupil_id) from enrolment
            where school_code in :codes and %s group by 1
            """.formatted(ENROLLED_ON);

    /** Per destination, SBO or SO. */
    static final String REFERRALS = """
            select school_code, destination, count(*) from enrolment
            where school_code in :codes and end_date between :ys and :ye and destination in ('SBO', 'SO') group by 1, 2
            """;

    /** Referrals from the first day of the window :ws (school years back) to the end of this school year. */
    static final String REFERRALS_IN_WINDOW = """
            select school_code, count(*) from enrolment
            where school_code in :codes and end_date between :ws and :ye and destination in ('SBO', 'SO') group by 1
            """;

    /** Per level: each pupil's latest level not corrected later; without one, LEVEL_1. */
    static final String LEVELS = """
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
            """.formatted(ENROLLED_ON);

    /** OPPs established or evaluated, and not closed, on :d. */
    static final String ACTIVE_OPPS = """
            select o.school_code, count(distinct o.plan_id) from opp_event o
            where o.school_code in :codes and o.effective_date <= :d and o.status in ('ESTABLISHED', 'EVALUATED')
              and not exists (select 1 from opp_event c where c.plan_id = o.plan_id and c.status = 'CLOSED'
                              and c.effective_date <= :d)
            group by 1
            """;

    /** Per kind: the signals whose latest event on :d raised them. */
    static final String OPEN_SIGNALS = """
            select school_code, kind, count(*) from (
                select distinct on (pupil_id, kind, signal_key) school_code, kind, raised from signal_event
                where school_code in :codes and effective_date <= :d
                order by pupil_id, kind, signal_key, effective_date desc, recorded_at desc, raised) s
            where raised group by 1, 2
            """;

    static final String ARRANGEMENTS_ACTIVE = """
            select school_code, count(*) from arrangement
            where school_code in :codes and start_date <= :d and (end_date is null or end_date >= :d) group by 1
            """;

    static final String ARRANGEMENTS_STARTED = """
            select school_code, count(*) from arrangement
            where school_code in :codes and start_date between :ys and :ye group by 1
            """;

    static final String TLVS_REQUESTED = """
            select school_code, count(*) from tlv
            where school_code in :codes and requested_on between :ys and :ye group by 1
            """;

    /** Per category when granted, REFUSED when refused. */
    static final String TLVS_DECIDED = """
            select school_code, case when outcome = 'GRANTED' then category else outcome end, count(*) from tlv
            where school_code in :codes and decided_on between :ys and :ye group by 1, 2
            """;

    /** Pupils discussed by name three or more times in the school year. */
    static final String DISCUSSED_THREE_TIMES = """
            select school_code, count(*) from (
                select school_code, pupil_id from case_discussed
                where school_code in :codes and pupil_id is not null and discussed_on between :ys and :ye
                group by 1, 2 having count(*) >= 3) p
            group by 1
            """;

    static final String BOT_CASES = """
            select school_code, count(*) from case_discussed
            where school_code in :codes and meeting_type = 'BOT' and discussed_on between :ys and :ye group by 1
            """;

    /** Keys 'pupils' (with a TLV and no place) and 'longestWaitDays' (since the decision). */
    static final String TLV_WITHOUT_PLACE_COUNTS = """
            select t.school_code, 'pupils', count(distinct t.pupil_id) from tlv t
            where %s group by 1
            union all
            select t.school_code, 'longestWaitDays', max(:d - t.decided_on) from tlv t
            where %s group by 1
            """.formatted(TLV_WITHOUT_PLACE, TLV_WITHOUT_PLACE);

    /** Pupils who left for no school (NONE_AT_HOME) and have no new place by :d. */
    static final String THUISZITTERS = """
            select e.school_code, count(distinct e.pupil_id) from enrolment e
            where e.school_code in :codes and e.destination = 'NONE_AT_HOME' and e.end_date <= :d
              and not exists (select 1 from enrolment n where n.pupil_id = e.pupil_id
                              and n.start_date >= e.end_date and n.start_date <= :d)
            group by 1
            """;

    private FigureSql() {
    }
}
