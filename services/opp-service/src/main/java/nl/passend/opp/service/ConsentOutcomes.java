package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.OppStatus;
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

/** What the consent decisions learned from passend.consent do to plans and to the SWV consultant's access. */
@ApplicationScoped
public class ConsentOutcomes {

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

    /**
     * A decision about the action part of one version. Every decision is recorded; only one about the
     * plan's current version and its latest request changes the version (a superseded version or an
     * older request changes nothing but the record).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void actionPart(UUID planId, int versionNumber, UUID requestId, ConsentOutcome outcome,
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
        OppConsentDecision decision = new OppConsentDecision();
        decision.id = UUID.randomUUID();
        decision.planId = planId;
        decision.versionNumber = versionNumber;
        decision.requestId = requestId;
        decision.outcome = outcome;
        decision.decidedOn = on;
        decision.applied = applied;
        decision.receivedAt = Instant.now();
        decisions.persist(decision);
        audit.recordSystem(plan.pupilId, source, "opp.consent.decision",
                "version " + versionNumber + " " + outcome + (applied ? "" : " (recorded only)"));
    }

    /** A decision about sharing the pupil's file with the SWV; the latest decision counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shareWithSwv(UUID pupilId, UUID requestId, ConsentOutcome outcome, Instant decidedAt, String source) {
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
