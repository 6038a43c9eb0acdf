package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.domain.OppDocument;

@ApplicationScoped
public class OppDocumentRepository implements PanacheRepositoryBase<OppDocument, UUID> {

    public List<OppDocument> ofPlan(UUID planId) {
        return list("planId = ?1 order by addedAt, id", planId);
    }
}
