package nl.passend.reporting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import nl.passend.reporting.domain.Rebuild;

@ApplicationScoped
public class RebuildRepository implements PanacheRepositoryBase<Rebuild, UUID> {

    /** A rebuild asked for or running, if any: there is only ever one at a time. */
    public Optional<Rebuild> unfinished() {
        return find("state <> ?1", Rebuild.State.FINISHED).firstResultOptional();
    }
}
