package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.OppConsentRequest;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppConsentRequestRepository;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;

/**
 * From a draft to a plan in force: the authors ask the parents' consent to the action part (after the
 * agreement dialogue on the perspective), consent-service answers (ConsentOutcomes), and the director
 * establishes a consented version for the board.
 */
@ApplicationScoped
public class PlanEstablishment {

    @Inject
    Clock clock;

    @Inject
    OppConsentRequestRepository consentRequests;

    @Inject
    OppGuard guard;

    @Inject
    OppEvents events;

    @Inject
    OppDueDates dueDates;

    @Inject
    PlanChanges changes;

    /**
     * Asks the parents' consent to the action part of the current version: the request goes out on
     * passend.opp and the version is IN_DIALOGUE until the decision comes back. The agreement dialogue
     * on the perspective part comes first.
     */
    @Transactional
    public PlanView requestConsent(UUID planId, int number, ExpectedVersion expected) {
        PlanChanges.Locked locked = changes.lock(planId, expected, OppGuard.AUTHORS);
        OppPlan plan = locked.plan();
        OppVersion version = changes.current(plan, number);
        OppRules.checkConsentRequest(version.status, version.consentOutcome);
        PlanContent.AgreementDialogue dialogue = version.content.perspective().agreementDialogue();
        if (dialogue == null || dialogue.date() == null || dialogue.summary() == null || dialogue.summary().isBlank()) {
            throw Problems.unprocessable("agreement-dialogue-missing",
                    "record the agreement dialogue (OOGO) with the parents, date and summary, before asking their consent");
        }
        UUID requestId = UUID.randomUUID();
        boolean wasDraft = version.status == OppStatus.DRAFT;
        version.consentRequestId = requestId;
        version.consentOutcome = null;
        version.consentOutcomeOn = null;
        version.status = OppStatus.IN_DIALOGUE;
        plan.status = OppStatus.IN_DIALOGUE;
        OppConsentRequest request = new OppConsentRequest();
        request.requestId = requestId;
        request.planId = plan.id;
        request.versionNumber = number;
        request.requestedAt = Instant.now(clock);
        request.requestedBy = guard.subject();
        consentRequests.persist(request);
        events.consentRequested(plan, version, requestId, changes.today());
        if (wasDraft) {
            events.changed(EventType.OPP_IN_DIALOGUE, plan, version, changes.today());
        }
        return changes.changed(locked, "opp.consent.request", "v" + number + " " + requestId);
    }

    /** The director, for the board, establishes a version the parents consented to; who and when are recorded. */
    @Transactional
    public PlanView establish(UUID planId, int number, ExpectedVersion expected) {
        PlanChanges.Locked locked = changes.lock(planId, expected, Roles.DIRECTOR);
        OppPlan plan = locked.plan();
        OppVersion version = changes.current(plan, number);
        OppRules.checkEstablish(version.status);
        LocalDate today = changes.today();
        version.status = OppStatus.ESTABLISHED;
        version.establishedBy = guard.subject();
        version.establishedRole = locked.role();
        version.establishedAt = Instant.now(clock);
        plan.status = OppStatus.ESTABLISHED;
        plan.inForceVersion = number;
        plan.inForceSince = today;
        if (plan.firstEstablishedOn == null) {
            plan.firstEstablishedOn = today;
        }
        plan.attention = null;
        changes.resolveEvaluationSignal(plan);
        events.changed(EventType.OPP_ESTABLISHED, plan, version, today);
        dueDates.fulfil(plan.pupilId, today);
        return changes.changed(locked, "opp.establish", "v" + number);
    }
}
