package nl.passend.opp.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.config.OppConfig;
import nl.passend.opp.domain.DueReason;
import nl.passend.opp.domain.OppDue;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppRules;
import nl.passend.opp.messaging.OppEvents;
import nl.passend.opp.persistence.OppDueRepository;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.security.Roles;

/**
 * The overdue signal opp-service owns: OPPs not established within 6 weeks of their start, and plans
 * in force not evaluated in time. Listed per school; published once per due date as
 * {@code nl.passend.opp.overdue.v1}, and resolved by {@code overdue-resolved} when settled.
 */
@ApplicationScoped
public class OverdueSignals {

    static final String ACTOR = "opp-service/overdue";

    @Inject
    Clock clock;

    @Inject
    OppDueRepository dues;

    @Inject
    OppPlanRepository plans;

    @Inject
    PupilDirectory directory;

    @Inject
    OppGuard guard;

    @Inject
    OppEvents events;

    @Inject
    PupilLeavings leavings;

    @Inject
    OppConfig config;

    @Inject
    AuditLog audit;

    /** One overdue item: an establishment ({@code planId} of the open plan, if any) or an evaluation. */
    public record Overdue(UUID pupilId, UUID planId, OppDueKind kind, DueReason reason, LocalDate dueDate) {
    }

    /** A school's overdue plans, oldest due first: for its IB'er and director. */
    @jakarta.transaction.Transactional
    public List<Overdue> ofSchool(String schoolCode) {
        String role = guard.school(schoolCode, Roles.IB, Roles.DIRECTOR);
        LocalDate today = LocalDate.now(clock);
        List<Overdue> overdue = new ArrayList<>();
        for (OppDue due : dues.overdueOfSchool(schoolCode, today)) {
            UUID planId = plans.openOfPupil(due.pupilId).stream().findFirst().map(p -> p.id).orElse(null);
            overdue.add(new Overdue(due.pupilId, planId, OppDueKind.ESTABLISHMENT, due.reason, due.dueDate));
        }
        for (OppPlan plan : plans.inForceOfSchool(schoolCode)) {
            LocalDate due = evaluationDue(plan);
            if (due.isBefore(today)) {
                overdue.add(new Overdue(plan.pupilId, plan.id, OppDueKind.EVALUATION, null, due));
            }
        }
        overdue.sort(Comparator.comparing(Overdue::dueDate).thenComparing(o -> o.pupilId().toString()));
        overdue.stream().map(Overdue::pupilId).distinct().forEach(p -> audit.record(p, role, "opp.overdue.list"));
        return overdue;
    }

    @Scheduled(every = "${passend.opp.overdue-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        signal();
    }

    /** Publishes an overdue event for each item that became overdue since the last run; returns how many. */
    public int signal() {
        // leavings announced for a day that has come first: a pupil who left is no longer overdue here
        QuarkusTransaction.requiringNew().run(() -> leavings.leaveDue(ACTOR));
        LocalDate today = LocalDate.now(clock);
        int signalled = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> dues.unsignalledOverdue(today))) {
            signalled += QuarkusTransaction.requiringNew().call(() -> {
                OppDue due = dues.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (due == null || !due.open() || due.signalledAt != null || !due.dueDate.isBefore(today)) {
                    return 0;
                }
                due.signalledAt = Instant.now(clock);
                UUID planId = plans.openOfPupil(due.pupilId).stream().findFirst().map(p -> p.id).orElse(null);
                events.overdue(due.pupilId, due.schoolCode, planId, OppDueKind.ESTABLISHMENT, due.dueDate, false);
                audit.recordSystem(due.pupilId, ACTOR, "opp.overdue", "ESTABLISHMENT " + due.dueDate);
                return 1;
            });
        }
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> plans.inForceIds())) {
            signalled += QuarkusTransaction.requiringNew().call(() -> {
                OppPlan plan = plans.lock(id).orElse(null);
                if (plan == null || plan.closed() || plan.inForceSince == null) {
                    return 0;
                }
                LocalDate due = evaluationDue(plan);
                if (!due.isBefore(today) || due.equals(plan.evaluationSignalledDue)) {
                    return 0;
                }
                plan.evaluationSignalledDue = due;
                events.overdue(plan.pupilId, plan.schoolCode, plan.id, OppDueKind.EVALUATION, due, false);
                audit.recordSystem(plan.pupilId, ACTOR, "opp.overdue", "EVALUATION " + due);
                return 1;
            });
        }
        return signalled;
    }

    /** When the plan's next evaluation is due, by the minimum per year of its school's type. */
    public LocalDate evaluationDue(OppPlan plan) {
        SchoolType type = directory.school(plan.schoolCode).map(s -> s.schoolType).orElse(SchoolType.BAO);
        return OppRules.evaluationDue(plan.evaluationClockSince(), config.evaluationsPerYear().of(type));
    }
}
