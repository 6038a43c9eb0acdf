package nl.passend.team.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.team.domain.Arrangement;

@ApplicationScoped
public class ArrangementRepository implements PanacheRepositoryBase<Arrangement, UUID> {

    public Optional<Arrangement> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Arrangement.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<Arrangement> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by startsOn desc, id", pupilId);
    }
}
