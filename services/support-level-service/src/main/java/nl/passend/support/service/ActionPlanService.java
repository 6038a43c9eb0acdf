package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.platform.security.PupilAccess;
import nl.passend.support.domain.ActionPlan;
import nl.passend.support.domain.PupilSupport;
import nl.passend.support.messaging.SupportEvents;
import nl.passend.support.persistence.ActionPlanRepository;
import nl.passend.support.persistence.PupilSupportRepository;

/** Handelingsplannen at level 3: the IB'er starts one for a pupil or a small group, evaluates it and ends it. */
@ApplicationScoped
public class ActionPlanService {

    @Inject
    PupilAccess access;

    @Inject
    Clock clock;

    @Inject
    ActionPlanRepository plans;

    @Inject
    PupilSupportRepository states;

    @Inject
    PupilDirectory directory;

    @Inject
    SupportGuard guard;

    @Inject
    SupportEvents events;

    @Inject
    AuditLog audit;

    public record NewActionPlan(List<UUID> pupilIds, SupportDomain domain, String goal, String approach,
            LocalDate startDate, LocalDate endDate) {
    }

    @Transactional
    public ActionPlan start(String schoolCode, NewActionPlan in) {
        String role = guard.school(schoolCode, Roles.IB);
        if (in.endDate().isBefore(in.startDate())) {
            throw Problems.unprocessable("end-before-start", "endDate " + in.endDate() + " lies before startDate "
                    + in.startDate());
        }
        Set<UUID> pupils = new TreeSet<>(in.pupilIds());
        if (pupils.size() != in.pupilIds().size()) {
            throw Problems.unprocessable("duplicate-pupil", "a pupil is named twice");
        }
        for (UUID pupilId : pupils) {
            DirectoryPupil pupil = directory.pupil(pupilId).orElse(null);
            if (pupil == null || !pupil.schoolCode.equals(schoolCode) || !access.stillThere(pupil)) {
                throw Problems.unprocessable("pupil-not-at-school", "pupil " + pupilId + " is not a pupil of " + schoolCode);
            }
            PupilSupport state = states.findById(pupilId);
            if (state == null || state.currentLevel != SupportLevel.LEVEL_3) {
                throw Problems.unprocessable("not-at-level-3", "a handelingsplan is for pupils at LEVEL_3; pupil "
                        + pupilId + " is at " + (state == null ? "no level yet" : state.currentLevel));
            }
        }
        ActionPlan plan = new ActionPlan();
        plan.id = UUID.randomUUID();
        plan.schoolCode = schoolCode;
        plan.domain = in.domain();
        plan.goal = in.goal();
        plan.approach = in.approach();
        plan.startsOn = in.startDate();
        plan.endsOn = in.endDate();
        plan.pupils.addAll(pupils);
        plan.createdBy = guard.subject();
        plan.createdAt = Instant.now(clock);
        plans.persist(plan);
        plans.flush();
        events.actionPlan(EventType.ACTION_PLAN_STARTED, plan, in.startDate());
        pupils.forEach(p -> audit.record(p, role, "support.action-plan.start", plan.id.toString()));
        return plan;
    }

    @Transactional
    public ActionPlan get(UUID id) {
        ActionPlan plan = plans.findByIdOptional(id).orElseThrow(() -> Problems.notFound("action plan " + id));
        String role = guard.schoolOf("action plan " + id, plan.schoolCode, plan.pupils, Roles.IB, Roles.DIRECTOR,
                Roles.TEACHER);
        plan.pupils.forEach(p -> audit.record(p, role, "support.action-plan.read", id.toString()));
        return plan;
    }

    /** The pupil's action plans, for the school's staff. */
    @Transactional
    public List<ActionPlan> ofPupil(UUID pupilId) {
        String role = guard.pupil(pupilId, Roles.IB, Roles.DIRECTOR, Roles.TEACHER);
        audit.record(pupilId, role, "support.action-plan.list");
        return plans.ofPupil(pupilId);
    }

    /** Records the evaluation; with {@code end} the plan ends (its end is published). */
    @Transactional
    public ActionPlan evaluate(UUID id, ExpectedVersion expected, String evaluation, LocalDate evaluatedOn, boolean end) {
        ActionPlan plan = plans.lock(id).orElseThrow(() -> Problems.notFound("action plan " + id));
        String role = guard.schoolOf("action plan " + id, plan.schoolCode, plan.pupils, Roles.IB);
        expected.require(plan.version);
        if (plan.ended) {
            throw Problems.conflict("action-plan-ended", "the action plan ended on " + plan.evaluatedOn);
        }
        if (evaluatedOn.isBefore(plan.startsOn) || evaluatedOn.isAfter(LocalDate.now(clock))) {
            throw Problems.unprocessable("invalid-evaluation-date", "evaluatedOn " + evaluatedOn
                    + " must lie between the start (" + plan.startsOn + ") and today");
        }
        plan.evaluation = evaluation;
        plan.evaluatedOn = evaluatedOn;
        plan.ended = end;
        plans.flush();
        if (end) {
            events.actionPlan(EventType.ACTION_PLAN_ENDED, plan, evaluatedOn);
        }
        plan.pupils.forEach(p -> audit.record(p, role, end ? "support.action-plan.end" : "support.action-plan.evaluate",
                id.toString()));
        return plan;
    }
}
