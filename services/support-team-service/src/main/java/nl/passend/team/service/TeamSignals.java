package nl.passend.team.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;
import nl.passend.platform.signal.SignalLedger;
import nl.passend.team.config.TeamConfig;
import nl.passend.team.domain.ActionItem;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.domain.TeamRules.Discussion;
import nl.passend.team.messaging.TeamEvents;
import nl.passend.team.persistence.ActionItemRepository;
import nl.passend.team.persistence.TeamCaseRepository;

/**
 * The signals this service owns: a pupil discussed again and again without a change of approach, and
 * overdue action items. Listed per school on request; raised and resolved as events by a job, each once
 * (the platform's signal ledger, table team_signal).
 */
@ApplicationScoped
public class TeamSignals {

    static final String ACTOR = "support-team-service/signals";

    @Inject
    PupilAccess access;

    @Inject
    Clock clock;

    @Inject
    TeamCaseRepository cases;

    @Inject
    ActionItemRepository actionItems;

    @Inject
    PupilDirectory directory;

    @Inject
    TeamGuard guard;

    @Inject
    TeamEvents events;

    @Inject
    TeamConfig config;

    @Inject
    AuditLog audit;

    @Inject
    SignalLedger ledger;

    /** One signal about one pupil; {@code actionItemId} for ACTION_ITEM_OVERDUE. */
    public record Signal(UUID pupilId, String schoolCode, TeamSignalKind kind, UUID actionItemId, LocalDate since) {
        SignalLedger.Signal toLedger() {
            return new SignalLedger.Signal(pupilId, kind.name(), actionItemId == null ? "" : actionItemId.toString(),
                    schoolCode, since);
        }
    }

    /** A school's signals now, for its IB'er and director. */
    @Transactional
    public List<Signal> ofSchool(String schoolCode) {
        String role = guard.school(schoolCode, Roles.IB, Roles.DIRECTOR);
        List<Signal> signals = current(cases.discussedAt(schoolCode), actionItems.overdue(schoolCode, LocalDate.now(clock)));
        signals.removeIf(s -> !s.schoolCode().equals(schoolCode));
        signals.stream().map(Signal::pupilId).distinct().forEach(p -> audit.record(p, role, "team.signal.list"));
        return signals;
    }

    @Scheduled(every = "${passend.team.signal-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        publish();
    }

    /** Raises each signal that holds and was not raised yet, and resolves each raised one that no longer holds. */
    public int publish() {
        return ledger.reconcile("team_signal", () -> current(cases.discussed(), actionItems.overdue(LocalDate.now(clock)))
                .stream().map(Signal::toLedger).toList(), this::announce);
    }

    private void announce(boolean raised, SignalLedger.Signal s) {
        events.signal(raised, s.pupilId(), s.schoolCode(), TeamSignalKind.valueOf(s.kind()),
                s.subject().isEmpty() ? null : UUID.fromString(s.subject()), s.since());
        audit.recordSystem(s.pupilId(), ACTOR, raised ? "team.signal.raise" : "team.signal.resolve", s.kind());
    }

    /** The signals that hold for pupils still at the school where they were discussed. */
    private List<Signal> current(List<TeamCase> discussed, List<ActionItem> overdue) {
        LocalDate today = LocalDate.now(clock);
        Period window = Period.ofDays((int) config.repeatedWindow().toDays());
        Map<UUID, List<TeamCase>> byPupil = new LinkedHashMap<>();
        discussed.forEach(c -> byPupil.computeIfAbsent(c.pupilId, p -> new ArrayList<>()).add(c));
        List<Signal> signals = new ArrayList<>();
        byPupil.forEach((pupilId, list) -> {
            String school = currentSchool(pupilId);
            if (school == null) {
                return;
            }
            List<Discussion> discussions = list.stream().filter(c -> c.schoolCode.equals(school))
                    .map(c -> new Discussion(c.discussedOn, c.decisions.isEmpty() ? Set.of() : EnumSet.copyOf(c.decisions)))
                    .toList();
            TeamRules.discussedRepeatedly(discussions, today, config.repeatedDiscussions(), window)
                    .ifPresent(since -> signals.add(new Signal(pupilId, school, TeamSignalKind.DISCUSSED_REPEATEDLY, null, since)));
        });
        for (ActionItem item : overdue) {
            if (item.schoolCode.equals(currentSchool(item.pupilId))) {
                signals.add(new Signal(item.pupilId, item.schoolCode, TeamSignalKind.ACTION_ITEM_OVERDUE, item.id,
                        item.dueOn.plusDays(1)));
            }
        }
        signals.sort(Comparator.comparing(Signal::since).thenComparing(s -> s.pupilId().toString()));
        return signals;
    }

    /** The school the pupil is at now, or null once it left (its old school's signals end then). */
    private String currentSchool(UUID pupilId) {
        return directory.pupil(pupilId).filter(access::stillThere).map(p -> p.schoolCode).orElse(null);
    }
}
