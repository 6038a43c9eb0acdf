package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.GoalProgress;
import nl.passend.opp.domain.OppEvaluation;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.OppView;
import nl.passend.opp.domain.ViewKind;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppEvaluationRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.opp.persistence.OppViewRepository;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.platform.time.Clocks;

/**
 * Evaluating the plan in force, progress on each of its goals with what changes, and the pupil's and
 * the parents' views (hoorrecht) on a version, with an evaluation or on their own.
 */
@ApplicationScoped
public class PlanEvaluation {

    @Inject
    Clock clock;

    @Inject
    OppVersionRepository versions;

    @Inject
    OppEvaluationRepository evaluations;

    @Inject
    OppViewRepository views;

    @Inject
    OppGuard guard;

    @Inject
    OppEvents events;

    @Inject
    PlanChanges changes;

    /** An evaluation of the version in force: progress on each of its goals, what changes, and the views. */
    @Transactional
    public PlanView evaluate(UUID planId, int number, ExpectedVersion expected, EvaluationDraft draft) {
        PlanChanges.Locked locked = changes.lock(planId, expected, OppGuard.AUTHORS);
        OppPlan plan = locked.plan();
        OppVersion version = versions.of(planId, number)
                .orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + planId));
        OppRules.checkEvaluate(version.status);
        if (plan.closed()) {
            throw Problems.conflict("plan-closed", "the plan is closed");
        }
        if (plan.inForceVersion == null || plan.inForceVersion != number) {
            throw Problems.conflict("not-in-force", "version " + number + " is no longer in force; evaluate version "
                    + plan.inForceVersion);
        }
        checkEvaluation(version, draft);
        OppEvaluation evaluation = record(planId, number, draft, locked.role());
        if (draft.pupilView() != null && !draft.pupilView().isBlank()) {
            addView(plan, number, evaluation.id, ViewKind.PUPIL, draft.pupilView(), locked.role());
        }
        if (draft.parentView() != null && !draft.parentView().isBlank()) {
            addView(plan, number, evaluation.id, ViewKind.PARENTS, draft.parentView(), locked.role());
        }
        version.status = OppStatus.EVALUATED;
        if (plan.currentVersion == number) {
            plan.status = OppStatus.EVALUATED;
        }
        if (plan.lastEvaluatedOn == null || draft.evaluatedOn().isAfter(plan.lastEvaluatedOn)) {
            plan.lastEvaluatedOn = draft.evaluatedOn();
        }
        changes.resolveEvaluationSignal(plan);
        events.changed(EventType.OPP_EVALUATED, plan, version, draft.evaluatedOn());
        return changes.changed(locked, "opp.evaluate", "v" + number);
    }

    /** Hoorrecht: the pupil's or the parents' view on a version. A parent records only the parents' view. */
    @Transactional
    public PlanView addView(UUID planId, int number, ExpectedVersion expected, ViewKind kind, String text) {
        PlanChanges.Locked locked = changes.lock(planId, expected, Roles.IB, Roles.TEACHER, Roles.PARENT);
        if (locked.role().equals(Roles.PARENT) && kind != ViewKind.PARENTS) {
            throw Problems.forbidden("a parent records the parents' view; the pupil's view is recorded by the school");
        }
        if (locked.plan().closed()) {
            throw Problems.conflict("plan-closed", "the plan is closed");
        }
        versions.of(planId, number).orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + planId));
        addView(locked.plan(), number, null, kind, text, locked.role());
        return changes.changed(locked, "opp.view.add", "v" + number + " " + kind);
    }

    private OppEvaluation record(UUID planId, int number, EvaluationDraft draft, String role) {
        OppEvaluation evaluation = new OppEvaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.planId = planId;
        evaluation.versionNumber = number;
        evaluation.evaluatedOn = draft.evaluatedOn();
        evaluation.goalProgress = List.copyOf(draft.goalProgress());
        evaluation.changes = draft.changes();
        evaluation.recordedBy = guard.subject();
        evaluation.recordedRole = role;
        evaluation.recordedAt = Instant.now(clock);
        evaluations.persist(evaluation);
        return evaluation;
    }

    /** Not in the future, not before the version was established, and progress on every goal exactly once. */
    private void checkEvaluation(OppVersion version, EvaluationDraft draft) {
        if (draft.evaluatedOn().isAfter(changes.today())) {
            throw Problems.unprocessable("evaluation-in-future", "evaluatedOn " + draft.evaluatedOn() + " lies in the future");
        }
        LocalDate established = LocalDate.ofInstant(version.establishedAt, Clocks.NL);
        if (draft.evaluatedOn().isBefore(established)) {
            throw Problems.unprocessable("evaluation-before-establishment",
                    "evaluatedOn " + draft.evaluatedOn() + " lies before the version was established (" + established + ")");
        }
        Set<UUID> goals = new HashSet<>();
        version.content.goals().forEach(g -> goals.add(g.id()));
        Set<UUID> reported = new HashSet<>();
        for (GoalProgress p : draft.goalProgress()) {
            if (!goals.contains(p.goalId())) {
                throw Problems.unprocessable("unknown-goal", "goal " + p.goalId() + " is not a goal of version "
                        + version.number);
            }
            if (!reported.add(p.goalId())) {
                throw Problems.unprocessable("duplicate-goal", "goal " + p.goalId() + " is reported twice");
            }
        }
        if (!reported.equals(goals)) {
            throw Problems.unprocessable("goal-missing", "an evaluation records progress on every goal of the version ("
                    + goals.size() + " goals, " + reported.size() + " reported)");
        }
    }

    private void addView(OppPlan plan, int number, UUID evaluationId, ViewKind kind, String text, String role) {
        OppView view = new OppView();
        view.id = UUID.randomUUID();
        view.planId = plan.id;
        view.versionNumber = number;
        view.evaluationId = evaluationId;
        view.kind = kind;
        view.text = text;
        view.recordedBy = guard.subject();
        view.recordedRole = role;
        view.recordedAt = Instant.now(clock);
        views.persist(view);
    }
}
