package nl.passend.platform.consent;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;

/**
 * A consent decision as a requester received it, kept whether or not it changed anything
 * ({@code applied}): a service's record of what consent-service told it and when. Each requester keeps
 * its own table of them, with the columns of its subject.
 */
@MappedSuperclass
public abstract class ReceivedDecision {
    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentOutcome outcome;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(nullable = false)
    public boolean applied;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Fills the common columns of a new record. */
    protected void received(UUID requestId, ConsentOutcome outcome, LocalDate decidedOn, boolean applied,
            Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.outcome = outcome;
        this.decidedOn = decidedOn;
        this.applied = applied;
        this.receivedAt = receivedAt;
    }
}
