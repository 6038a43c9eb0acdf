package nl.passend.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.passend.consent.domain.KnownPupil;

@ApplicationScoped
public class KnownPupilRepository implements PanacheRepositoryBase<KnownPupil, UUID> {
}
