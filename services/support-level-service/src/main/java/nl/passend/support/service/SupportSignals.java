package nl.passend.support.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;
import nl.passend.platform.signal.SignalLedger;
import nl.passend.support.config.SupportConfig;
import nl.passend.support.domain.Intervention;
import nl.passend.support.domain.PupilSupport;
import nl.passend.support.domain.SupportRules;
import nl.passend.support.messaging.SupportEvents;
import nl.passend.support.persistence.InterventionRepository;
import nl.passend.support.persistence.PupilSupportRepository;

/**
 * The signals this service owns: a LEVEL_4 pupil without an established OPP after 6 weeks, and
 * intervening again and again without changing course. Listed per school on request; raised and
 * resolved as events by a job, each once (the platform's signal ledger, table support_signal).
 */
@ApplicationScoped
public class SupportSignals {

    static final String ACTOR = "support-level-service/signals";

    @Inject
    PupilAccess access;

    @Inject
    Clock clock;

    @Inject
    PupilSupportRepository states;

    @Inject
    InterventionRepository interventions;

    @Inject
    PupilDirectory directory;

    @Inject
    SupportGuard guard;

    @Inject
    SupportEvents events;

    @Inject
    SupportConfig config;

    @Inject
    AuditLog audit;

    @Inject
    SignalLedger ledger;

    /** One signal about one pupil; {@code domain} for NO_CHANGE_OF_COURSE. */
    public record Signal(UUID pupilId, String schoolCode, SupportSignalKind kind, SupportDomain domain, LocalDate since) {
        SignalLedger.Signal toLedger() {
            return new SignalLedger.Signal(pupilId, kind.name(), domain == null ? "" : domain.name(), schoolCode, since);
        }
    }

    /** A school's signals now, for its IB'er and director. */
    @Transactional
    public List<Signal> ofSchool(String schoolCode) {
        String role = guard.school(schoolCode, Roles.IB, Roles.DIRECTOR);
        List<Signal> signals = new ArrayList<>();
        for (PupilSupport state : states.atLevel4(schoolCode)) {
            level4(state).ifPresent(signals::add);
        }
        for (UUID pupilId : interventions.pupilsWithEvaluations(schoolCode)) {
            signals.addAll(noChangeOfCourse(pupilId, schoolCode));
        }
        // only the school's own pupils: one who moved on is another school's now, whatever was recorded here
        signals.removeIf(s -> directory.pupil(s.pupilId()).map(p -> !access.stillThere(p) || !p.schoolCode.equals(schoolCode))
                .orElse(true));
        signals.sort(Comparator.comparing(Signal::since).thenComparing(s -> s.pupilId().toString()));
        signals.stream().map(Signal::pupilId).distinct().forEach(p -> audit.record(p, role, "support.signal.list"));
        return signals;
    }

    @Scheduled(every = "${passend.support.signal-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        publish();
    }

    /** Raises each signal that holds and was not raised yet, and resolves each raised one that no longer holds. */
    public int publish() {
        return ledger.reconcile("support_signal", this::holdingNow, this::announce);
    }

    private List<SignalLedger.Signal> holdingNow() {
        List<Signal> current = new ArrayList<>();
        for (PupilSupport state : states.atLevel4()) {
            level4(state).ifPresent(current::add);
        }
        for (UUID pupilId : interventions.pupilsWithEvaluations()) {
            directory.pupil(pupilId).ifPresent(p -> current.addAll(noChangeOfCourse(pupilId, p.schoolCode)));
        }
        current.removeIf(s -> directory.pupil(s.pupilId()).map(p -> !access.stillThere(p)).orElse(true));
        return current.stream().map(Signal::toLedger).toList();
    }

    private void announce(boolean raised, SignalLedger.Signal s) {
        events.signal(raised, s.pupilId(), s.schoolCode(), SupportSignalKind.valueOf(s.kind()),
                s.subject().isEmpty() ? null : SupportDomain.valueOf(s.subject()), s.since());
        audit.recordSystem(s.pupilId(), ACTOR, raised ? "support.signal.raise" : "support.signal.resolve",
                s.kind() + " " + s.subject());
    }

    private java.util.Optional<Signal> level4(PupilSupport state) {
        Period within = Period.ofDays((int) config.oppWithin().toDays());
        if (SupportRules.level4WithoutOpp(state.level4Since, state.oppInForce, LocalDate.now(clock), within)) {
            return java.util.Optional.of(new Signal(state.pupilId, state.schoolCode, SupportSignalKind.LEVEL_4_WITHOUT_OPP,
                    null, state.level4Since.plus(within)));
        }
        return java.util.Optional.empty();
    }

    private List<Signal> noChangeOfCourse(UUID pupilId, String schoolCode) {
        PupilSupport state = states.findById(pupilId);
        LocalDate levelSince = state == null ? null : state.levelSince;
        List<SupportRules.Evaluated> evaluated = new ArrayList<>();
        for (Intervention i : interventions.ofPupil(pupilId)) {
            if (i.effect != null) {
                evaluated.add(new SupportRules.Evaluated(i.domain, i.effect, i.evaluatedOn));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate since = SupportRules.schoolYearStart(today);
        LocalDate from = levelSince != null && levelSince.isAfter(since) ? levelSince : since;
        return SupportRules.noChangeOfCourse(evaluated, levelSince, today, config.notAchievedThreshold()).stream()
                .map(d -> new Signal(pupilId, schoolCode, SupportSignalKind.NO_CHANGE_OF_COURSE, d, from)).toList();
    }
}
