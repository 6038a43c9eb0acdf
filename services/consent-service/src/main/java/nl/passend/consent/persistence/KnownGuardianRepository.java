package nl.passend.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.consent.domain.KnownGuardian;

@ApplicationScoped
public class KnownGuardianRepository implements PanacheRepositoryBase<KnownGuardian, UUID> {

    public List<KnownGuardian> withAuthority(UUID pupilId) {
        return list("pupilId = ?1 and hasParentalAuthority = true", pupilId);
    }

    /** The caller's guardianship of the pupil, if the caller is one of its guardians. */
    public Optional<KnownGuardian> byAccount(UUID pupilId, String accountId) {
        return find("pupilId = ?1 and accountId = ?2", pupilId, accountId).firstResultOptional();
    }

    public List<KnownGuardian> ofAccount(String accountId) {
        return list("accountId", accountId);
    }
}
