package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;

/** The latest outcome of one SHARE_WITH_SWV request about a pupil, from passend.consent. */
@Entity
@Table(name = "pupil_share_consent")
public class ShareConsent {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentOutcome outcome;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
