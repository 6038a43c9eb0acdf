package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

/** A parent or carer of a pupil; only one with parental authority (gezag) gives consent. */
@Entity
public class Guardian {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "has_parental_authority", nullable = false)
    public boolean hasParentalAuthority;

    /** The guardian's login: the identity provider's subject id, linked by the IB'er. */
    @Column(name = "account_id")
    public String accountId;

    @Version
    public long version;
}
