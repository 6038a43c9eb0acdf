package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.MalformedEventException;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.opp.domain.Attention;
import nl.passend.opp.domain.OppConsentDecision;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.domain.OppRules.ConsentEffect;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.ShareConsent;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppConsentDecisionRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.opp.persistence.ShareConsentRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.consent.ConsentRequester;

/**
 * This service's side of the consent exchange: OPP_ACTION_PART decisions about an OPP version move its
 * lifecycle; SHARE_WITH_SWV decisions open or close the pupil's plans to the SWV consultant.
 */
@ApplicationScoped
public class ConsentOutcomes implements ConsentRequester {

    @Inject
    Clock clock;

    @Inject
    OppPlanRepository plans;

    @Inject
    OppVersionRepository versions;

    @Inject
    OppConsentDecisionRepository decisions;

    @Inject
    ShareConsentRepository shareConsents;

    @Inject
    OppEvents events;

    @Inject
    AuditLog audit;

    @Override
    public Set<ConsentPurpose> purposes() {
        return Set.of(ConsentPurpose.OPP_ACTION_PART, ConsentPurpose.SHARE_WITH_SWV);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(ConsentDecided e, EventEnvelope event) {
        String source = event.source();
        if (e.purpose() == ConsentPurpose.SHARE_WITH_SWV) {
            if (e.pupilId() == null) {
                throw new MalformedEventException("SHARE_WITH_SWV decision " + e.requestId() + " names no pupil");
            }
            shareWithSwv(e.pupilId(), e.requestId(), e.outcome(), event.time().toInstant(), source);
        } else if (e.subject() == null || e.subject().type() != ConsentSubjectType.OPP || e.subject().id() == null) {
            throw new MalformedEventException("OPP_ACTION_PART decision " + e.requestId() + " is not about an OPP");
        } else {
            actionPart(e.subject().id(), e.subject().version(), e.requestId(), e.outcome(), e.effectiveDate(), source);
        }
    }

    /**
     * A decision about the action part of one version. Every decision is recorded; only one about the
     * plan's current version and its latest request changes the version (a superseded version or an
     * older request changes nothing but the record).
     */
    private void actionPart(UUID planId, int versionNumber, UUID requestId, ConsentOutcome outcome,
            LocalDate decidedOn, String source) {
        OppPlan plan = plans.lock(planId).orElse(null);
        if (plan == null) {
            return; // a plan erased with its pupil, or another installation's: nothing to record it on
        }
        OppVersion version = versions.of(planId, versionNumber).orElse(null);
        LocalDate on = decidedOn != null ? decidedOn : LocalDate.now(clock);
        boolean current = version != null && versionNumber == plan.currentVersion && version.supersededAt == null
                && requestId.equals(version.consentRequestId);
        boolean applied = false;
        if (current && outcome != ConsentOutcome.OPEN) {
            OppStatus before = version.status;
            ConsentEffect effect = OppRules.onDecision(before, outcome);
            version.consentOutcome = outcome;
            version.consentOutcomeOn = on;
            version.status = effect.status();
            plan.status = effect.status();
            if (effect.flagWithdrawn()) {
                plan.attention = Attention.CONSENT_WITHDRAWN;
                events.changed(EventType.OPP_CONSENT_WITHDRAWN, plan, version, on);
            } else if (effect.clearFlag()) {
                plan.attention = null;
            }
            if (before != effect.status()) {
                events.changed(effect.status() == OppStatus.CONSENTED ? EventType.OPP_CONSENTED
                        : EventType.OPP_IN_DIALOGUE, plan, version, on);
            }
            applied = true;
            plans.bump(plan);
        }
        decisions.persist(OppConsentDecision.of(planId, versionNumber, requestId, outcome, on, applied,
                Instant.now(clock)));
        audit.recordSystem(plan.pupilId, source, "opp.consent.decision",
                "version " + versionNumber + " " + outcome + (applied ? "" : " (recorded only)"));
    }

    /** A decision about sharing the pupil's file with the SWV; the latest decision counts. */
    private void shareWithSwv(UUID pupilId, UUID requestId, ConsentOutcome outcome, Instant decidedAt, String source) {
        ShareConsent consent = shareConsents.findById(requestId);
        boolean isNew = consent == null;
        if (isNew) {
            consent = new ShareConsent();
            consent.requestId = requestId;
            consent.pupilId = pupilId;
        }
        consent.outcome = outcome;
        consent.decidedAt = decidedAt;
        if (isNew) {
            shareConsents.persist(consent); // after the fields: an assigned-id entity is inserted as it is at persist
        }
        audit.recordSystem(pupilId, source, "opp.share-consent", outcome.name());
    }
}
