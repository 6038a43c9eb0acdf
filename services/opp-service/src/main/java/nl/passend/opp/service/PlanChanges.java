package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.OppDueKind;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppConsentDecisionRepository;
import nl.passend.opp.persistence.OppDocumentRepository;
import nl.passend.opp.persistence.OppEvaluationRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.opp.persistence.OppViewRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;

/**
 * What every change of a plan does: it locks the plan's row, authorizes the caller for the pupil,
 * checks the version the caller changed against the plan's and raises it, so two writers cannot both
 * win; then it audits the change and answers the plan as it is now.
 */
@ApplicationScoped
class PlanChanges {

    @Inject
    Clock clock;

    @Inject
    OppPlanRepository plans;

    @Inject
    OppVersionRepository versions;

    @Inject
    OppEvaluationRepository evaluations;

    @Inject
    OppViewRepository views;

    @Inject
    OppDocumentRepository documents;

    @Inject
    OppConsentDecisionRepository decisions;

    @Inject
    OppGuard guard;

    @Inject
    OppEvents events;

    @Inject
    AuditLog audit;

    /** A plan locked for a change, and the role the caller changes it under. */
    record Locked(OppPlan plan, String role) {
    }

    /** Locks the plan, authorizes the caller for its pupil, and checks the expected version against the plan's. */
    Locked lock(UUID planId, ExpectedVersion expected, String... roles) {
        OppPlan plan = plans.lock(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
        String role = guard.plan(plan, roles);
        expected.require(plan.version);
        return new Locked(plan, role);
    }

    /** Raises the plan's version, audits the change and answers the plan as it is now. */
    PlanView changed(Locked locked, String action, String reason) {
        plans.bump(locked.plan());
        audit.record(locked.plan().pupilId, locked.role(), action, locked.plan().id + " " + reason);
        versions.flush();
        return view(locked.plan(), locked.role());
    }

    /** The plan's current version {@code number}; 409 when a newer one superseded it. */
    OppVersion current(OppPlan plan, int number) {
        OppVersion version = versions.of(plan.id, number)
                .orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + plan.id));
        if (number != plan.currentVersion) {
            throw Problems.conflict("not-current", "version " + number + " is superseded by version "
                    + plan.currentVersion);
        }
        return version;
    }

    /** An overdue evaluation that was signalled is settled once the plan is evaluated, established anew or closed. */
    void resolveEvaluationSignal(OppPlan plan) {
        if (plan.evaluationSignalledDue != null) {
            events.overdue(plan.pupilId, plan.schoolCode, plan.id, OppDueKind.EVALUATION, plan.evaluationSignalledDue, true);
            plan.evaluationSignalledDue = null;
        }
    }

    /** Today in the Netherlands: every date rule of the OPP counts in Dutch days. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    PlanView view(OppPlan plan, String role) {
        List<OppVersion> all = versions.ofPlan(plan.id);
        OppVersion current = all.stream().filter(v -> v.number == plan.currentVersion).findFirst().orElseThrow();
        return new PlanView(plan, all, documents.ofPlan(plan.id), versionView(current), role);
    }

    VersionView versionView(OppVersion version) {
        return new VersionView(version, evaluations.ofVersion(version.planId, version.number),
                views.ofVersion(version.planId, version.number), decisions.ofVersion(version.planId, version.number));
    }
}
