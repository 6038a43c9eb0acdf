package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.opp.domain.OppVersion;

@ApplicationScoped
public class OppVersionRepository implements PanacheRepositoryBase<OppVersion, UUID> {

    public Optional<OppVersion> of(UUID planId, int number) {
        return find("planId = ?1 and number = ?2", planId, number).firstResultOptional();
    }

    public List<OppVersion> ofPlan(UUID planId) {
        return list("planId = ?1 order by number", planId);
    }
}
