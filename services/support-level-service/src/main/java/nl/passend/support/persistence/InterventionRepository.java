package nl.passend.support.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.support.domain.Intervention;

@ApplicationScoped
public class InterventionRepository implements PanacheRepositoryBase<Intervention, UUID> {

    public Optional<Intervention> byAppId(String schoolCode, String appId) {
        return find("schoolCode = ?1 and appId = ?2", schoolCode, appId).firstResultOptional();
    }

    public List<Intervention> ofPupil(UUID pupilId) {
        return list("select i from Intervention i where ?1 member of i.pupils order by i.startsOn desc, i.id", pupilId);
    }

    /** The pupils of a school with at least one evaluated intervention: candidates for the no-change-of-course signal. */
    public List<UUID> pupilsWithEvaluations(String schoolCode) {
        return getEntityManager().createQuery("select distinct p from Intervention i join i.pupils p"
                + " where i.schoolCode = ?1 and i.effect is not null order by p", UUID.class)
                .setParameter(1, schoolCode).getResultList();
    }

    /** The same, for every school: the signal job. */
    public List<UUID> pupilsWithEvaluations() {
        return getEntityManager().createQuery("select distinct p from Intervention i join i.pupils p"
                + " where i.effect is not null order by p", UUID.class).getResultList();
    }
}
