package nl.passend.reporting.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.passend.events.codes.SchoolType;
import nl.passend.reporting.domain.SchoolFigures;
import nl.passend.reporting.domain.SchoolYear;

/**
 * The figures of schools, read from the projections for a count date (stocks) and a school year
 * (flows). "Enrolled on a date" means started on or before it and not yet left: a pupil who left on
 * that date is no longer counted, as in pupil-service.
 */
@ApplicationScoped
public class FigureQueries {

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

    /** The figures of each school, in the order given; "never refers" looks back {@code windowYears} school years. */
    public List<SchoolFigures> figures(List<School> schools, SchoolYear year, LocalDate countDate, int windowYears) {
        if (schools.isEmpty()) {
            return List.of();
        }
        List<String> codes = schools.stream().map(School::schoolCode).toList();
        SchoolCounts counts = new SchoolCounts(em, codes, year, countDate, year.minus(windowYears - 1).firstDay());
        return schools.stream().map(counts::of).toList();
    }

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

    static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
