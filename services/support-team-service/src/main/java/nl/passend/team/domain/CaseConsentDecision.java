package nl.passend.team.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.platform.consent.ReceivedDecision;

/** A consent decision about a case as learned from passend.consent; {@code applied} when it changed the case. */
@Entity
@Table(name = "case_consent_decision")
public class CaseConsentDecision extends ReceivedDecision {

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    public static CaseConsentDecision of(UUID caseId, ConsentPurpose purpose, UUID requestId, ConsentOutcome outcome,
            LocalDate decidedOn, boolean applied, Instant receivedAt) {
        CaseConsentDecision decision = new CaseConsentDecision();
        decision.received(requestId, outcome, decidedOn, applied, receivedAt);
        decision.caseId = caseId;
        decision.purpose = purpose;
        return decision;
    }
}
