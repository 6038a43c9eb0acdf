package nl.passend.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.consent.domain.ConsentEntry;

@ApplicationScoped
public class ConsentEntryRepository implements PanacheRepositoryBase<ConsentEntry, UUID> {

    /** The request's ledger in order of recording. */
    public List<ConsentEntry> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by seq", requestId);
    }
}
