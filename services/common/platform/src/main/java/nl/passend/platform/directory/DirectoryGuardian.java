package nl.passend.platform.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A guardian of a pupil: parental authority and login, nothing else. */
@Entity
@Table(name = "directory_guardian")
public class DirectoryGuardian {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    /** The guardian's login subject; null until pupil-service links it. */
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "has_parental_authority", nullable = false)
    public boolean hasParentalAuthority;
}
