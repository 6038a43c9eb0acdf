package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.passend.events.codes.ProfessionalDiscipline;

/** A care professional the IB'er linked to a pupil: the professional's need to know. */
@Entity
@Table(name = "professional_link")
public class ProfessionalLink {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProfessionalDiscipline discipline;

    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;
}
