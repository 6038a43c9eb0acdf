package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.domain.OppView;

@ApplicationScoped
public class OppViewRepository implements PanacheRepositoryBase<OppView, UUID> {

    public List<OppView> ofVersion(UUID planId, int versionNumber) {
        return list("planId = ?1 and versionNumber = ?2 order by recordedAt, id", planId, versionNumber);
    }

    public List<OppView> ofPlan(UUID planId) {
        return list("planId = ?1 order by recordedAt, id", planId);
    }
}
