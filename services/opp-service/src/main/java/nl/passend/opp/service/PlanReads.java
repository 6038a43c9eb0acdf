package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.opp.domain.OppAsOf;
import nl.passend.opp.domain.OppAsOf.PlanAsOf;
import nl.passend.opp.domain.OppAsOf.VersionAsOf;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.persistence.OppConsentDecisionRepository;
import nl.passend.opp.persistence.OppConsentRequestRepository;
import nl.passend.opp.persistence.OppDocumentRepository;
import nl.passend.opp.persistence.OppEvaluationRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.opp.persistence.OppViewRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;

/**
 * Reading plans, now or as they stood at the end of a day: authorized for the pupil and audited in
 * the same transaction. The school's staff see the plans of their own school only, not those of a
 * school the pupil came from.
 */
@ApplicationScoped
public class PlanReads {

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
    PlanChanges changes;

    @Inject
    AuditLog audit;

    @Transactional
    public PlanView get(UUID planId) {
        OppPlan plan = plan(planId);
        String role = guard.plan(plan, OppGuard.READERS);
        audit.record(plan.pupilId, role, "opp.read", planId.toString());
        return changes.view(plan, role);
    }

    @Transactional
    public List<OppPlan> ofPupil(UUID pupilId) {
        String role = guard.pupil(pupilId, OppGuard.READERS);
        audit.record(pupilId, role, "opp.list");
        return ownSchoolsPlans(pupilId, role);
    }

    @Transactional
    public VersionView version(UUID planId, int number) {
        OppPlan plan = plan(planId);
        String role = guard.plan(plan, OppGuard.READERS);
        OppVersion version = versions.of(planId, number)
                .orElseThrow(() -> Problems.notFound("version " + number + " of OPP " + planId));
        audit.record(plan.pupilId, role, "opp.version.read", planId + " v" + number);
        return changes.versionView(version);
    }

    /**
     * The plan as it stood at the end of the day; 404 when it had not been drawn up by then.
     * Authorized as the read now, and audited with the day.
     */
    @Transactional
    public PlanAsOf get(UUID planId, AsOf asOf) {
        OppPlan plan = plan(planId);
        String role = guard.plan(plan, OppGuard.READERS);
        audit.record(plan.pupilId, role, "opp.read", planId + " " + asOf.audit());
        return asOf(plan, asOf).orElseThrow(() -> notYet("OPP " + planId, asOf));
    }

    /** One version as it stood at the end of the day; 404 when it had not been drawn up by then. */
    @Transactional
    public VersionAsOf version(UUID planId, int number, AsOf asOf) {
        OppPlan plan = plan(planId);
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
        return ownSchoolsPlans(pupilId, role).stream().map(p -> asOf(p, asOf)).flatMap(Optional::stream).toList();
    }

    private OppPlan plan(UUID planId) {
        return plans.findByIdOptional(planId).orElseThrow(() -> Problems.notFound("OPP " + planId));
    }

    /** The pupil's plans the role sees: staff those of the pupil's school now, a parent or professional all. */
    private List<OppPlan> ownSchoolsPlans(UUID pupilId, String role) {
        String school = guard.knownPupil(pupilId).schoolCode;
        return plans.ofPupil(pupilId).stream()
                .filter(p -> !OppGuard.isStaff(role) || p.schoolCode.equals(school)).toList();
    }

    private Optional<PlanAsOf> asOf(OppPlan plan, AsOf asOf) {
        return OppAsOf.of(new OppAsOf.Recorded(plan, versions.ofPlan(plan.id), consentRequests.ofPlan(plan.id),
                decisions.ofPlan(plan.id), evaluations.ofPlan(plan.id), views.ofPlan(plan.id),
                documents.ofPlan(plan.id)), asOf);
    }

    private static RuntimeException notYet(String what, AsOf asOf) {
        return Problems.of(404, "not-found", "Not found", what + " had not been drawn up by the end of " + asOf);
    }
}
