package nl.passend.team.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.team.domain.ActionItem;

@ApplicationScoped
public class ActionItemRepository implements PanacheRepositoryBase<ActionItem, UUID> {

    public Optional<ActionItem> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(ActionItem.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<ActionItem> ofCase(UUID caseId) {
        return list("caseId = ?1 order by dueOn, id", caseId);
    }

    public List<ActionItem> overdue(String schoolCode, LocalDate today) {
        return list("schoolCode = ?1 and doneOn is null and dueOn < ?2 order by dueOn, id", schoolCode, today);
    }

    public List<ActionItem> overdue(LocalDate today) {
        return list("doneOn is null and dueOn < ?1 order by dueOn, id", today);
    }
}
