package nl.passend.support.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.support.domain.InterventionSession;

@ApplicationScoped
public class InterventionSessionRepository implements PanacheRepositoryBase<InterventionSession, UUID> {

    public Optional<InterventionSession> byAppId(UUID interventionId, String appId) {
        return find("interventionId = ?1 and appId = ?2", interventionId, appId).firstResultOptional();
    }

    public List<InterventionSession> ofIntervention(UUID interventionId) {
        return list("interventionId = ?1 order by heldOn, id", interventionId);
    }
}
