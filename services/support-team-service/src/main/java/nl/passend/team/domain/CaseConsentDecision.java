package nl.passend.team.domain;

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
import nl.passend.events.codes.ConsentPurpose;

/** A consent decision about a case as learned from passend.consent; {@code applied} when it changed the case. */
@Entity
@Table(name = "case_consent_decision")
public class CaseConsentDecision {
    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

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
