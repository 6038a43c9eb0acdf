package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.passend.pupil.domain.Guardian;

@ApplicationScoped
public class GuardianRepository implements PanacheRepositoryBase<Guardian, UUID> {

    public List<Guardian> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by externalId", pupilId);
    }

    public List<Guardian> ofPupils(Collection<UUID> pupilIds) {
        return pupilIds.isEmpty() ? List.of() : list("pupilId in ?1", pupilIds);
    }

    public List<Guardian> ofAccount(String accountId) {
        return list("accountId", accountId);
    }
}
