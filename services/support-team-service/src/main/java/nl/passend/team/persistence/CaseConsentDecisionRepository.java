package nl.passend.team.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.passend.team.domain.CaseConsentDecision;

@ApplicationScoped
public class CaseConsentDecisionRepository implements PanacheRepositoryBase<CaseConsentDecision, UUID> {

    /** Every decision received about the case, in the order received. */
    public java.util.List<CaseConsentDecision> ofCase(UUID caseId) {
        return list("caseId = ?1 order by receivedAt, id", caseId);
    }
}
