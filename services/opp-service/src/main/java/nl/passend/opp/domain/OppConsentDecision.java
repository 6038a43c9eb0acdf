package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.platform.consent.ReceivedDecision;

/** A consent decision about one version as learned from passend.consent; {@code applied} says whether it changed anything. */
@Entity
@Table(name = "opp_consent_decision")
public class OppConsentDecision extends ReceivedDecision {

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    public static OppConsentDecision of(UUID planId, int versionNumber, UUID requestId, ConsentOutcome outcome,
            LocalDate decidedOn, boolean applied, Instant receivedAt) {
        OppConsentDecision decision = new OppConsentDecision();
        decision.received(requestId, outcome, decidedOn, applied, receivedAt);
        decision.planId = planId;
        decision.versionNumber = versionNumber;
        return decision;
    }
}
