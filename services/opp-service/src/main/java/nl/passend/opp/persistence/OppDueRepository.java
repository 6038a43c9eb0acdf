package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.opp.domain.OppDue;

@ApplicationScoped
public class OppDueRepository implements PanacheRepositoryBase<OppDue, UUID> {

    public Optional<OppDue> bySource(String sourceRef) {
        return find("sourceRef", sourceRef).firstResultOptional();
    }

    public List<OppDue> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by startDate, id", pupilId);
    }

    public List<OppDue> openOfPupil(UUID pupilId) {
        return list("pupilId = ?1 and fulfilledOn is null and droppedOn is null order by dueDate, id", pupilId);
    }

    /** Open clocks of a school past their due date. */
    public List<OppDue> overdueOfSchool(String schoolCode, LocalDate today) {
        return list("schoolCode = ?1 and fulfilledOn is null and droppedOn is null and dueDate < ?2 order by dueDate, id",
                schoolCode, today);
    }

    /** Open clocks anywhere past their due date that no overdue event went out for yet. */
    public List<UUID> unsignalledOverdue(LocalDate today) {
        return getEntityManager().createQuery("select d.id from OppDue d where d.fulfilledOn is null and d.droppedOn is null"
                + " and d.dueDate < ?1 and d.signalledAt is null order by d.dueDate, d.id", UUID.class)
                .setParameter(1, today).getResultList();
    }
}
