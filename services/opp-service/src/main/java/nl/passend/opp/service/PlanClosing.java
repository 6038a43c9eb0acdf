package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.opp.persistence.OppVersionRepository;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.security.Roles;

/** Closing a plan: the school decides it is no longer needed, or the pupil left (PupilLeavings). */
@ApplicationScoped
public class PlanClosing {

    @Inject
    OppPlanRepository plans;

    @Inject
    OppVersionRepository versions;

    @Inject
    OppEvents events;

    @Inject
    PlanChanges changes;

    /** Closes the plan: no longer needed, or the pupil left. */
    @Transactional
    public PlanView close(UUID planId, ExpectedVersion expected, OppCloseReason reason) {
        PlanChanges.Locked locked = changes.lock(planId, expected, Roles.IB, Roles.DIRECTOR);
        OppRules.checkClose(locked.plan().status);
        closeLocked(locked.plan(), reason, changes.today());
        return changes.changed(locked, "opp.close", reason.name());
    }

    /** Closes a locked plan, e.g. when the pupil left; the caller audits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeLocked(OppPlan plan, OppCloseReason reason, LocalDate on) {
        OppVersion version = versions.of(plan.id, plan.currentVersion).orElseThrow();
        version.status = OppStatus.CLOSED;
        plan.status = OppStatus.CLOSED;
        plan.closedOn = on;
        plan.closeReason = reason;
        changes.resolveEvaluationSignal(plan);
        events.changed(EventType.OPP_CLOSED, plan, version, on);
        plans.bump(plan);
    }
}
