package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.DestinationDecision;
import nl.passend.opp.domain.OppAsOf;
import nl.passend.opp.domain.OppAsOf.PlanAsOf;
import nl.passend.opp.domain.OppAsOf.VersionAsOf;
import nl.passend.opp.domain.OppConsentRequest;
import nl.passend.opp.domain.GoalProgress;
import nl.passend.opp.domain.OppDocument;
import nl.passend.opp.domain.OppEvaluation;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.OppView;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.domain.PlanContent.Goal;
import nl.passend.opp.domain.ViewKind;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppConsentDecisionRepository;
import nl.passend.opp.persistence.OppConsentRequestRepository;
import nl.passend.opp.persistence.OppDocumentRepository;
import nl.passend.opp.persistence.OppEvaluationRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.opp.persistence.OppViewRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;
import nl.passend.platform.time.Clocks;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The OPP's use cases. Every change locks the plan's row, checks If-Match against the plan's
 * version and raises that version, so two writers cannot both win; every read and write is
 * authorized for the pupil and audited in the same transaction.
 */
@ApplicationScoped
public class OppService {


    @Inject
    PupilAccess access;

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
    OppConsentRequestRepository consentRequests;

    @Inject
    OppGuard guard;

    @Inject
    PupilDirectory directory;

    @Inject
    OppEvents events;

    @Inject
    OppClock dueDates;

    @Inject
    AuditLog audit;

    /** A version's content as the authors send it, with the commissie van begeleiding's decision when the destination changes. */
    public record Draft(PlanContent content, DestinationDecision destinationDecision) {
    }

    public record EvaluationDraft(LocalDate evaluatedOn, List<GoalProgress> goalProgress, String changes,
            String pupilView, String parentView) {
    }

    /** A plan with its versions and documents, and the role it was read under. */
    public record PlanView(OppPlan plan, List<OppVersion> versions, List<OppDocument> documents, VersionView current,
            String role) {
    }

    /** One version with everything recorded about it. */
    public record VersionView(OppVersion version, List<OppEvaluation> evaluations, List<OppView> views,
            List<nl.passend.opp.domain.OppConsentDecision> decisions) {
    }

    // ---- reads -----------------------------------------------------------------------------

    @Transactional
    public PlanView get(UUID planId) {
        OppPlan plan = plans.findByIdOptional(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
        String role = guard.plan(plan, OppGuard.READERS);
        audit.record(plan.pupilId, role, "opp.read", planId.toString());
        return view(plan, role);
    }

    @Transactional
    public List<OppPlan> ofPupil(UUID pupilId) {
        String role = guard.pupil(pupilId, OppGuard.READERS);
        audit.record(pupilId, role, "opp.list");
        // staff see the plans of their own school only, not those of a school the pupil came from
        String school = guard.knownPupil(pupilId).schoolCode;
        return plans.ofPupil(pupilId).stream()
                .filter(p -> !OppGuard.isStaff(role) || p.schoolCode.equals(school)).toList();
    }

    @Transactional
    public VersionView version(UUID planId, int number) {
        OppPlan plan = plans.findByIdOptional(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
        String role = guard.plan(plan, OppGuard.READERS);
        OppVersion version = versions.of(planId, number)
                .orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + planId));
        audit.record(plan.pupilId, role, "opp.version.read", planId + " v" + number);
        return versionView(version);
    }

    // ---- reads as of a day -------------------------------------------------------------------

    /**
     * The plan as it stood at the end of the day; 404 when it had not been drawn up by then.
     * Authorized as the read now, and audited with the day.
     */
    @Transactional
    public PlanAsOf get(UUID planId, AsOf asOf) {
        OppPlan plan = plans.findByIdOptional(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
        String role = guard.plan(plan, OppGuard.READERS);
        audit.record(plan.pupilId, role, "opp.read", planId + " " + asOf.audit());
        return asOf(plan, asOf).orElseThrow(() -> notYet("OPP " + planId, asOf));
    }

    /** One version as it stood at the end of the day; 404 when it had not been drawn up by then. */
    @Transactional
    public VersionAsOf version(UUID planId, int number, AsOf asOf) {
        OppPlan plan = plans.findByIdOptional(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
        String role = guard.plan(plan, OppGuard.READERS);
        versions.of(planId, number).orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + planId));
        audit.record(plan.pupilId, role, "opp.version.read", planId + " v" + number + " " + asOf.audit());
        return asOf(plan, asOf).flatMap(p -> p.version(number))
                .orElseThrow(() -> notYet("version " + number + " of OPP " + planId, asOf));
    }

    /** The pupil's plans as they stood at the end of the day, newest first; those drawn up later are left out. */
    @Transactional
    public List<PlanAsOf> ofPupil(UUID pupilId, AsOf asOf) {
        String role = guard.pupil(pupilId, OppGuard.READERS);
        audit.record(pupilId, role, "opp.list", asOf.audit());
        String school = guard.knownPupil(pupilId).schoolCode;
        return plans.ofPupil(pupilId).stream()
                .filter(p -> !OppGuard.isStaff(role) || p.schoolCode.equals(school))
                .map(p -> asOf(p, asOf)).flatMap(Optional::stream).toList();
    }

    private Optional<PlanAsOf> asOf(OppPlan plan, AsOf asOf) {
        return OppAsOf.of(new OppAsOf.Recorded(plan, versions.ofPlan(plan.id), consentRequests.ofPlan(plan.id),
                decisions.ofPlan(plan.id), evaluations.ofPlan(plan.id), views.ofPlan(plan.id),
                documents.ofPlan(plan.id)), asOf);
    }

    private static RuntimeException notYet(String what, AsOf asOf) {
        return Problems.of(404, "not-found", "Not found", what + " had not been drawn up by the end of " + asOf);
    }

    // ---- the authors' changes ----------------------------------------------------------------

    /** A new plan, version 1 as a draft. A pupil has one open plan at a time: it is revised by new versions. */
    @Transactional
    public PlanView create(UUID pupilId, Draft draft) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, OppGuard.AUTHORS);
        if (!access.stillThere(pupil)) {
            throw Problems.conflict("pupil-left", "the pupil left " + pupil.schoolCode + " on " + pupil.leftOn);
        }
        if (!plans.openOfPupilLocked(pupilId).isEmpty()) {
            throw Problems.conflict("plan-exists",
                    "the pupil has an open OPP: revise it as a new version instead of starting another");
        }
        checkContent(draft.content());
        OppPlan plan = new OppPlan();
        plan.id = UUID.randomUUID();
        plan.pupilId = pupilId;
        plan.schoolCode = pupil.schoolCode;
        plan.currentVersion = 1;
        plan.status = OppStatus.DRAFT;
        plan.createdBy = guard.subject();
        plan.createdAt = Instant.now();
        insertOpenPlan(plan);
        OppVersion version = newVersion(plan, 1, draft);
        events.changed(EventType.OPP_DRAFTED, plan, version, today());
        audit.record(pupilId, role, "opp.create", plan.id.toString());
        plans.flush();
        return view(plan, role);
    }

    /** Changes the content of the current version while it is a draft. */
    @Transactional
    public PlanView editDraft(UUID planId, int number, ExpectedVersion expected, Draft draft) {
        Locked locked = lock(planId, expected, OppGuard.AUTHORS);
        OppVersion version = current(locked.plan(), number);
        OppRules.checkEdit(version.status);
        checkContent(draft.content());
        checkDestination(locked.plan(), previousDestinationVersion(locked.plan(), number), draft);
        version.content = withGoalIds(draft.content());
        version.expectedDestination = draft.content().perspective().expectedDestination();
        setDecision(version, draft.destinationDecision());
        return changed(locked, "opp.edit", "v" + number);
    }

    /** A new version after the current one left DRAFT: established versions are never edited. */
    @Transactional
    public PlanView revise(UUID planId, ExpectedVersion expected, Draft draft) {
        Locked locked = lock(planId, expected, OppGuard.AUTHORS);
        OppPlan plan = locked.plan();
        OppRules.checkNewVersion(plan.status);
        checkContent(draft.content());
        OppVersion previous = versions.of(plan.id, plan.currentVersion).orElseThrow();
        checkDestination(plan, previous, draft);
        previous.supersededAt = Instant.now();
        versions.flush();
        int number = plan.currentVersion + 1;
        plan.currentVersion = number;
        plan.status = OppStatus.DRAFT;
        OppVersion version = newVersion(plan, number, draft);
        events.changed(EventType.OPP_DRAFTED, plan, version, today());
        return changed(locked, "opp.revise", "v" + number);
    }

    /**
     * Asks the parents' consent to the action part of the current version: the request goes out on
     * passend.opp and the version is IN_DIALOGUE until the decision comes back. The OOGO on the
     * perspective part comes first.
     */
    @Transactional
    public PlanView requestConsent(UUID planId, int number, ExpectedVersion expected) {
        Locked locked = lock(planId, expected, OppGuard.AUTHORS);
        OppPlan plan = locked.plan();
        OppVersion version = current(plan, number);
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
        request.requestedAt = Instant.now();
        request.requestedBy = guard.subject();
        consentRequests.persist(request);
        events.consentRequested(plan, version, requestId, today());
        if (wasDraft) {
            events.changed(EventType.OPP_IN_DIALOGUE, plan, version, today());
        }
        return changed(locked, "opp.consent.request", "v" + number + " " + requestId);
    }

    /** The director, for the board, establishes a version the parents consented to; who and when are recorded. */
    @Transactional
    public PlanView establish(UUID planId, int number, ExpectedVersion expected) {
        Locked locked = lock(planId, expected, Roles.DIRECTOR);
        OppPlan plan = locked.plan();
        OppVersion version = current(plan, number);
        OppRules.checkEstablish(version.status);
        LocalDate today = today();
        version.status = OppStatus.ESTABLISHED;
        version.establishedBy = guard.subject();
        version.establishedRole = locked.role();
        version.establishedAt = Instant.now();
        plan.status = OppStatus.ESTABLISHED;
        plan.inForceVersion = number;
        plan.inForceSince = today;
        if (plan.firstEstablishedOn == null) {
            plan.firstEstablishedOn = today;
        }
        plan.attention = null;
        resolveEvaluationSignal(plan);
        events.changed(EventType.OPP_ESTABLISHED, plan, version, today);
        dueDates.fulfil(plan.pupilId, today);
        return changed(locked, "opp.establish", "v" + number);
    }

    /** An evaluation of the version in force: progress on each of its goals, what changes, and the views. */
    @Transactional
    public PlanView evaluate(UUID planId, int number, ExpectedVersion expected, EvaluationDraft draft) {
        Locked locked = lock(planId, expected, OppGuard.AUTHORS);
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
        OppEvaluation evaluation = new OppEvaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.planId = planId;
        evaluation.versionNumber = number;
        evaluation.evaluatedOn = draft.evaluatedOn();
        evaluation.goalProgress = List.copyOf(draft.goalProgress());
        evaluation.changes = draft.changes();
        evaluation.recordedBy = guard.subject();
        evaluation.recordedRole = locked.role();
        evaluation.recordedAt = Instant.now();
        evaluations.persist(evaluation);
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
        resolveEvaluationSignal(plan);
        events.changed(EventType.OPP_EVALUATED, plan, version, draft.evaluatedOn());
        return changed(locked, "opp.evaluate", "v" + number);
    }

    /** Hoorrecht: the pupil's or the parents' view on a version. A parent records only the parents' view. */
    @Transactional
    public PlanView addView(UUID planId, int number, ExpectedVersion expected, ViewKind kind, String text) {
        Locked locked = lock(planId, expected, Roles.IB, Roles.TEACHER, Roles.PARENT);
        if (locked.role().equals(Roles.PARENT) && kind != ViewKind.PARENTS) {
            throw Problems.forbidden("a parent records the parents' view; the pupil's view is recorded by the school");
        }
        if (locked.plan().closed()) {
            throw Problems.conflict("plan-closed", "the plan is closed");
        }
        versions.of(planId, number).orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + planId));
        addView(locked.plan(), number, null, kind, text, locked.role());
        return changed(locked, "opp.view.add", "v" + number + " " + kind);
    }

    /** Links a document (a report, a test result) to the plan by reference. */
    @Transactional
    public PlanView addDocument(UUID planId, ExpectedVersion expected, String title, String kind, String uri) {
        Locked locked = lock(planId, expected, OppGuard.AUTHORS);
        OppDocument document = new OppDocument();
        document.id = UUID.randomUUID();
        document.planId = planId;
        document.title = title;
        document.kind = kind;
        document.uri = uri;
        document.addedBy = guard.subject();
        document.addedAt = Instant.now();
        documents.persist(document);
        return changed(locked, "opp.document.add", document.id.toString());
    }

    /** Closes the plan: no longer needed, or the pupil left. */
    @Transactional
    public PlanView close(UUID planId, ExpectedVersion expected, OppCloseReason reason) {
        Locked locked = lock(planId, expected, Roles.IB, Roles.DIRECTOR);
        OppRules.checkClose(locked.plan().status);
        closeLocked(locked.plan(), reason, today());
        return changed(locked, "opp.close", reason.name());
    }

    /** Closes a locked plan, e.g. when the pupil left; the caller audits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeLocked(OppPlan plan, OppCloseReason reason, LocalDate on) {
        OppVersion version = versions.of(plan.id, plan.currentVersion).orElseThrow();
        version.status = OppStatus.CLOSED;
        plan.status = OppStatus.CLOSED;
        plan.closedOn = on;
        plan.closeReason = reason;
        resolveEvaluationSignal(plan);
        events.changed(EventType.OPP_CLOSED, plan, version, on);
        plans.bump(plan);
    }

    // ---- helpers -----------------------------------------------------------------------------

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
                    throw Problems.conflict("plan-exists",
                            "the pupil has an open OPP: revise it as a new version instead of starting another");
                }
            }
            throw e;
        }
    }

    private record Locked(OppPlan plan, String role) {
    }

    /** Locks the plan, authorizes the caller for its pupil, and checks If-Match against the plan's version. */
    private Locked lock(UUID planId, ExpectedVersion expected, String... roles) {
        OppPlan plan = plans.lock(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
        String role = guard.plan(plan, roles);
        expected.require(plan.version);
        return new Locked(plan, role);
    }

    private PlanView changed(Locked locked, String action, String reason) {
        plans.bump(locked.plan());
        audit.record(locked.plan().pupilId, locked.role(), action, locked.plan().id + " " + reason);
        versions.flush();
        return view(locked.plan(), locked.role());
    }

    private OppVersion current(OppPlan plan, int number) {
        OppVersion version = versions.of(plan.id, number)
                .orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + plan.id));
        if (number != plan.currentVersion) {
            throw Problems.conflict("not-current", "version " + number + " is superseded by version "
                    + plan.currentVersion);
        }
        return version;
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
        version.createdAt = Instant.now();
        versions.persist(version);
        return version;
    }

    private static void setDecision(OppVersion version, DestinationDecision decision) {
        version.destinationDecidedOn = decision == null ? null : decision.date();
        version.destinationDecisionRef = decision == null ? null : decision.reference();
    }

    /** The version a draft's destination is compared with: the one before it. */
    private OppVersion previousDestinationVersion(OppPlan plan, int number) {
        return number > 1 ? versions.of(plan.id, number - 1).orElse(null) : null;
    }

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

    private void checkEvaluation(OppVersion version, EvaluationDraft draft) {
        LocalDate today = today();
        if (draft.evaluatedOn().isAfter(today)) {
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
        view.recordedAt = Instant.now();
        views.persist(view);
    }

    private void resolveEvaluationSignal(OppPlan plan) {
        if (plan.evaluationSignalledDue != null) {
            events.overdue(plan.pupilId, plan.schoolCode, plan.id, OppDueKind.EVALUATION, plan.evaluationSignalledDue, true);
            plan.evaluationSignalledDue = null;
        }
    }

    /** Today in the Netherlands: every date rule of the OPP counts in Dutch days, whatever the server's zone. */
    private LocalDate today() {
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
