package nl.passend.support.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.persistence.Versioned;

/** A support action for a pupil or a small group: what, at which level, when, how much, by whom; later its effect. */
@Entity
@Table(name = "intervention")
public class Intervention extends Versioned {
    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** The teacher app's own id of the intervention: a batch sent again changes nothing. */
    @Column(name = "app_id", nullable = false)
    public String appId;

    /** A digest of what the app sent, to tell a repeat from another intervention under a used id. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupportDomain domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupportLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InterventionKind kind;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "frequency_per_week", nullable = false)
    public int frequencyPerWeek;

    @Column(name = "minutes_per_session", nullable = false)
    public int minutesPerSession;

    @Enumerated(EnumType.STRING)
    @Column(name = "given_by", nullable = false)
    public GivenBy givenBy;

    @Enumerated(EnumType.STRING)
    public InterventionEffect effect;

    @Column(name = "evaluation_note")
    public String evaluationNote;

    @Column(name = "evaluated_on")
    public LocalDate evaluatedOn;

    @Column(name = "evaluated_by")
    public String evaluatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "intervention_pupil", joinColumns = @JoinColumn(name = "intervention_id"))
    @Column(name = "pupil_id")
    public Set<UUID> pupils = new LinkedHashSet<>();

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_role", nullable = false)
    public String recordedRole;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
