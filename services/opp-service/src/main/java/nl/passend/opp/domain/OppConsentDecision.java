package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;

/** A consent decision about one version as learned from passend.consent; {@code applied} says whether it changed anything. */
@Entity
@Table(name = "opp_consent_decision")
public class OppConsentDecision {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

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
}
