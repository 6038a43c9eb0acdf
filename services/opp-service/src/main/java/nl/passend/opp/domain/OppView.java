package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Hoorrecht: the pupil's or the parents' view on a version, or on one of its evaluations. Appended only. */
@Entity
@Table(name = "opp_view")
public class OppView {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "evaluation_id")
    public UUID evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ViewKind kind;

    @Column(nullable = false)
    public String text;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_role", nullable = false)
    public String recordedRole;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
