package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.DestinationDecision;
import nl.passend.opp.domain.OppDocument;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.domain.PlanContent.Goal;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppDocumentRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.PupilAccess;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Drawing up a plan: the first version, changes to a draft, a new version after the last one left
 * DRAFT (an established version is never edited), and documents linked to the plan. The authors are
 * the teacher with the IB'er.
 */
@ApplicationScoped
public class PlanDrafting {

    @Inject
    Clock clock;

    @Inject
    PupilAccess access;

    @Inject
    PupilDirectory directory;

    @Inject
    OppPlanRepository plans;

    @Inject
    OppVersionRepository versions;

    @Inject
    OppDocumentRepository documents;

    @Inject
    OppGuard guard;

    @Inject
    OppEvents events;

    @Inject
    PlanChanges changes;

    @Inject
    AuditLog audit;

    /** A new plan, version 1 as a draft. A pupil has one open plan at a time: it is revised by new versions. */
    @Transactional
    public PlanView create(UUID pupilId, Draft draft) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, OppGuard.AUTHORS);
        if (!access.stillThere(pupil)) {
            throw Problems.conflict("pupil-left", "the pupil left " + pupil.schoolCode + " on " + pupil.leftOn);
        }
        if (!plans.openOfPupilLocked(pupilId).isEmpty()) {
            throw planExists();
        }
        checkContent(draft.content());
        OppPlan plan = new OppPlan();
        plan.id = UUID.randomUUID();
        plan.pupilId = pupilId;
        plan.schoolCode = pupil.schoolCode;
        plan.currentVersion = 1;
        plan.status = OppStatus.DRAFT;
        plan.createdBy = guard.subject();
        plan.createdAt = Instant.now(clock);
        insertOpenPlan(plan);
        OppVersion version = newVersion(plan, 1, draft);
        events.changed(EventType.OPP_DRAFTED, plan, version, changes.today());
        audit.record(pupilId, role, "opp.create", plan.id.toString());
        plans.flush();
        return changes.view(plan, role);
    }

    /** Changes the content of the current version while it is a draft. */
    @Transactional
    public PlanView editDraft(UUID planId, int number, ExpectedVersion expected, Draft draft) {
        PlanChanges.Locked locked = changes.lock(planId, expected, OppGuard.AUTHORS);
        OppVersion version = changes.current(locked.plan(), number);
        OppRules.checkEdit(version.status);
        checkContent(draft.content());
        OppVersion previous = number > 1 ? versions.of(planId, number - 1).orElse(null) : null;
        checkDestination(locked.plan(), previous, draft);
        version.content = withGoalIds(draft.content());
        version.expectedDestination = draft.content().perspective().expectedDestination();
        setDecision(version, draft.destinationDecision());
        return changes.changed(locked, "opp.edit", "v" + number);
    }

    /** A new version after the current one left DRAFT: established versions are never edited. */
    @Transactional
    public PlanView revise(UUID planId, ExpectedVersion expected, Draft draft) {
        PlanChanges.Locked locked = changes.lock(planId, expected, OppGuard.AUTHORS);
        OppPlan plan = locked.plan();
        OppRules.checkNewVersion(plan.status);
        checkContent(draft.content());
        OppVersion previous = versions.of(plan.id, plan.currentVersion).orElseThrow();
        checkDestination(plan, previous, draft);
        previous.supersededAt = Instant.now(clock);
        versions.flush();
        int number = plan.currentVersion + 1;
        plan.currentVersion = number;
        plan.status = OppStatus.DRAFT;
        OppVersion version = newVersion(plan, number, draft);
        events.changed(EventType.OPP_DRAFTED, plan, version, changes.today());
        return changes.changed(locked, "opp.revise", "v" + number);
    }

    /** Links a document (a report, a test result) to the plan by reference. */
    @Transactional
    public PlanView addDocument(UUID planId, ExpectedVersion expected, String title, String kind, String uri) {
        PlanChanges.Locked locked = changes.lock(planId, expected, OppGuard.AUTHORS);
        OppDocument document = new OppDocument();
        document.id = UUID.randomUUID();
        document.planId = planId;
        document.title = title;
        document.kind = kind;
        document.uri = uri;
        document.addedBy = guard.subject();
        document.addedAt = Instant.now(clock);
        documents.persist(document);
        return changes.changed(locked, "opp.document.add", document.id.toString());
    }

    /**
     * Inserts a new open plan at once. A parallel create for the same pupil passes the check above
     * too (there is no row yet to lock); the unique index opp_plan_one_open then refuses the later
     * insert, which is the same answer as when the requests came one after the other.
     */
    private void insertOpenPlan(OppPlan plan) {
        plans.persist(plan);
        try {
            plans.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException violation
                        && "opp_plan_one_open".equals(violation.getConstraintName())) {
                    throw planExists();
                }
            }
            throw e;
        }
    }

    private static RuntimeException planExists() {
        return Problems.conflict("plan-exists",
                "the pupil has an open OPP: revise it as a new version instead of starting another");
    }

    private OppVersion newVersion(OppPlan plan, int number, Draft draft) {
        OppVersion version = new OppVersion();
        version.id = UUID.randomUUID();
        version.planId = plan.id;
        version.number = number;
        version.status = OppStatus.DRAFT;
        version.content = withGoalIds(draft.content());
        version.expectedDestination = draft.content().perspective().expectedDestination();
        setDecision(version, draft.destinationDecision());
        version.createdBy = guard.subject();
        version.createdAt = Instant.now(clock);
        versions.persist(version);
        return version;
    }

    private static void setDecision(OppVersion version, DestinationDecision decision) {
        version.destinationDecidedOn = decision == null ? null : decision.date();
        version.destinationDecisionRef = decision == null ? null : decision.reference();
    }

    /** A change of the expected destination against the version before, where the school type requires a decision. */
    private void checkDestination(OppPlan plan, OppVersion previous, Draft draft) {
        if (previous == null) {
            return;
        }
        var type = directory.school(plan.schoolCode).map(s -> s.schoolType).orElse(null);
        OppRules.checkDestinationChange(type, previous.expectedDestination,
                draft.content().perspective().expectedDestination(), draft.destinationDecision());
    }

    private static void checkContent(PlanContent content) {
        List<String> problems = OppRules.goalProblems(content.goals());
        if (!problems.isEmpty()) {
            throw Problems.unprocessable("invalid-goal", String.join("; ", problems));
        }
    }

    /** Every goal keeps its id across versions (evaluations refer to it); a new goal gets one. */
    private static PlanContent withGoalIds(PlanContent content) {
        List<Goal> goals = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Goal g : content.goals()) {
            UUID id = g.id() != null && seen.add(g.id()) ? g.id() : UUID.randomUUID();
            goals.add(new Goal(id, g.kind(), g.domain(), g.description(), g.measure(), g.targetDate(), g.referenceLevel()));
        }
        return new PlanContent(content.perspective(), content.actionPart(), List.copyOf(goals));
    }
}
