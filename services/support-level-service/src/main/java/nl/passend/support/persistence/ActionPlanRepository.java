package nl.passend.support.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.support.domain.ActionPlan;

@ApplicationScoped
public class ActionPlanRepository implements PanacheRepositoryBase<ActionPlan, UUID> {

    public Optional<ActionPlan> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(ActionPlan.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<ActionPlan> ofPupil(UUID pupilId) {
        return list("select a from ActionPlan a where ?1 member of a.pupils order by a.startsOn desc, a.id", pupilId);
    }
}
