package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.platform.audit.AuditLog;
import nl.passend.team.domain.CaseConsentDecision;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.persistence.CaseConsentDecisionRepository;
import nl.passend.team.persistence.TeamCaseRepository;

/** What the consent decisions learned from passend.consent do to cases. */
@ApplicationScoped
public class CaseConsents {

    @Inject
    Clock clock;

    @Inject
    TeamCaseRepository cases;

    @Inject
    CaseConsentDecisionRepository decisions;

    @Inject
    AuditLog audit;

    /**
     * A decision about a case. Every decision is recorded; only one answering the case's latest
     * request of that purpose changes the case. GRANTED lets it be named; REFUSED, EXPIRED and
     * WITHDRAWN keep or make it anonymous.
     */
    /** An ASSESSMENT decision, about the case that asked it (found by its request id); none is another requester's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assessmentDecided(UUID requestId, ConsentOutcome outcome, LocalDate decidedOn, String source) {
        cases.find("assessmentRequestId", requestId).firstResultOptional()
                .ifPresent(c -> decided(c.id, ConsentPurpose.ASSESSMENT, requestId, outcome, decidedOn, source));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(UUID caseId, ConsentPurpose purpose, UUID requestId, ConsentOutcome outcome, LocalDate decidedOn,
            String source) {
        TeamCase c = cases.lock(caseId).orElse(null);
        if (c == null) {
            return; // a case erased with its pupil, or another installation's: nothing to record it on
        }
        LocalDate on = decidedOn != null ? decidedOn : LocalDate.now(clock);
        boolean applied = false;
        if (purpose == ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM && requestId.equals(c.consentRequestId)) {
            c.consentOutcome = outcome;
            c.consentOutcomeOn = on;
            applied = true;
        } else if (purpose == ConsentPurpose.ASSESSMENT && requestId.equals(c.assessmentRequestId)) {
            c.assessmentOutcome = outcome;
            applied = true;
        }
        CaseConsentDecision decision = new CaseConsentDecision();
        decision.id = UUID.randomUUID();
        decision.caseId = caseId;
        decision.requestId = requestId;
        decision.purpose = purpose;
        decision.outcome = outcome;
        decision.decidedOn = on;
        decision.applied = applied;
        decision.receivedAt = Instant.now();
        decisions.persist(decision);
        audit.recordSystem(c.pupilId, source, "team.case.consent-decision",
                purpose + " " + outcome + (applied ? "" : " (recorded only)"));
    }
}
