package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.domain.OppEvaluation;

@ApplicationScoped
public class OppEvaluationRepository implements PanacheRepositoryBase<OppEvaluation, UUID> {

    public List<OppEvaluation> ofVersion(UUID planId, int versionNumber) {
        return list("planId = ?1 and versionNumber = ?2 order by evaluatedOn, recordedAt", planId, versionNumber);
    }

    public List<OppEvaluation> ofPlan(UUID planId) {
        return list("planId = ?1 order by evaluatedOn, recordedAt", planId);
    }
}
