package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.MalformedEventException;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.consent.ConsentRequester;
import nl.passend.team.domain.CaseConsentDecision;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.persistence.CaseConsentDecisionRepository;
import nl.passend.team.persistence.TeamCaseRepository;

/**
 * This service's side of the consent exchange: DISCUSS_IN_SUPPORT_TEAM decides whether a case may be
 * named, ASSESSMENT is recorded with the case that asked it. Every decision is recorded; only one that
 * answers the case's latest request of its purpose changes the case.
 */
@ApplicationScoped
public class CaseConsents implements ConsentRequester {

    @Inject
    Clock clock;

    @Inject
    TeamCaseRepository cases;

    @Inject
    CaseConsentDecisionRepository decisions;

    @Inject
    AuditLog audit;

    @Override
    public Set<ConsentPurpose> purposes() {
        return Set.of(ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentPurpose.ASSESSMENT);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(ConsentDecided e, EventEnvelope event) {
        String source = event.source();
        if (e.purpose() == ConsentPurpose.ASSESSMENT) {
            // asked about the case or, for an anonymous case, about the pupil: found by the request id
            cases.find("assessmentRequestId", e.requestId()).firstResultOptional().ifPresent(
                    c -> decided(c.id, ConsentPurpose.ASSESSMENT, e.requestId(), e.outcome(), e.effectiveDate(), source));
            return;
        }
        if (e.subject() == null || e.subject().type() != ConsentSubjectType.MEETING_CASE) {
            return; // not about a case of this service
        }
        if (e.subject().id() == null) {
            throw new MalformedEventException("decision " + e.requestId() + " about a case names no case");
        }
        decided(e.subject().id(), e.purpose(), e.requestId(), e.outcome(), e.effectiveDate(), source);
    }

    /**
     * A decision about a case. GRANTED lets it be named; REFUSED, EXPIRED and WITHDRAWN keep or make it
     * anonymous.
     */
    private void decided(UUID caseId, ConsentPurpose purpose, UUID requestId, ConsentOutcome outcome,
            LocalDate decidedOn, String source) {
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
        decisions.persist(CaseConsentDecision.of(caseId, purpose, requestId, outcome, on, applied, Instant.now(clock)));
        audit.recordSystem(c.pupilId, source, "team.case.consent-decision",
                purpose + " " + outcome + (applied ? "" : " (recorded only)"));
    }
}
