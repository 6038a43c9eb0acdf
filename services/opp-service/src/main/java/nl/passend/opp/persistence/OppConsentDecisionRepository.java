package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.domain.OppConsentDecision;

@ApplicationScoped
public class OppConsentDecisionRepository implements PanacheRepositoryBase<OppConsentDecision, UUID> {

    public List<OppConsentDecision> ofVersion(UUID planId, int versionNumber) {
        return list("planId = ?1 and versionNumber = ?2 order by receivedAt, id", planId, versionNumber);
    }

    public List<OppConsentDecision> ofPlan(UUID planId) {
        return list("planId = ?1 order by receivedAt, id", planId);
    }
}
