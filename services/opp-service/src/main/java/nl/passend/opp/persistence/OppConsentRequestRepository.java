package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.domain.OppConsentRequest;

@ApplicationScoped
public class OppConsentRequestRepository implements PanacheRepositoryBase<OppConsentRequest, UUID> {

    public List<OppConsentRequest> ofPlan(UUID planId) {
        return list("planId = ?1 order by requestedAt, requestId", planId);
    }
}
