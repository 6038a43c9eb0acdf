package nl.passend.platform.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import nl.passend.events.codes.ProfessionalDiscipline;

/** A care professional linked to a pupil by the IB'er (need to know), by login. */
@Entity
@Table(name = "directory_professional")
public class DirectoryProfessional {
    @Id
    @Column(name = "link_id")
    public UUID linkId;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "discipline")
    public ProfessionalDiscipline discipline;
}
