package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.passend.pupil.domain.Enrolment;

@ApplicationScoped
public class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {

    public List<Enrolment> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by startDate", pupilId);
    }

    public List<Enrolment> atSchool(String schoolCode, Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of()
                : list("schoolCode = ?1 and externalId in ?2", schoolCode, externalIds);
    }

    /** The pupils behind a school's external ids, without loading (and so caching) the enrolments. */
    public List<UUID> pupilIdsAt(String schoolCode, Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of()
                : getEntityManager().createQuery(
                        "select e.pupilId from Enrolment e where e.schoolCode = ?1 and e.externalId in ?2", UUID.class)
                        .setParameter(1, schoolCode).setParameter(2, externalIds).getResultList();
    }

    public List<Enrolment> ofPupils(Collection<UUID> pupilIds) {
        return pupilIds.isEmpty() ? List.of() : list("pupilId in ?1", pupilIds);
    }

    /** Pupils who left on or before the given date, with no enrolment still open: candidates for erasure. */
    public List<Enrolment> closedUpTo(LocalDate leftOnOrBefore) {
        // the outer row needs its own alias: an unqualified pupilId in the subquery would mean o.pupilId
        return getEntityManager().createQuery("""
                select e from Enrolment e where e.endDate <= :leftOn and not exists (
                  select 1 from Enrolment o where o.pupilId = e.pupilId and o.endDate is null)
                order by e.endDate""", Enrolment.class).setParameter("leftOn", leftOnOrBefore).getResultList();
    }
}
