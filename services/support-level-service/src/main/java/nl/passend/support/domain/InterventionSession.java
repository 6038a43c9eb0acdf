package nl.passend.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One session held of an intervention, as the teacher app records it. */
@Entity
@Table(name = "intervention_session")
public class InterventionSession {
    @Id
    public UUID id;

    @Column(name = "intervention_id", nullable = false)
    public UUID interventionId;

    @Column(name = "app_id", nullable = false)
    public String appId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public int minutes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
