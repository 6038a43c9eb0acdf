package nl.passend.team.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.security.PupilAccess;
import nl.passend.team.config.TeamConfig;
import nl.passend.team.domain.ActionItem;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.domain.TeamRules.Discussion;
import nl.passend.team.messaging.TeamEvents;
import nl.passend.team.persistence.ActionItemRepository;
import nl.passend.team.persistence.TeamCaseRepository;

/**
 * The signals this service owns (seed 003): a pupil discussed repeatedly without a change of
 * approach, and overdue action items. Listed per school on request; raised and resolved as events by
 * a job, each once. Also what happens to a pupil's data on erasure.
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
    EntityManager em;

    /** One signal about one pupil; {@code actionItemId} for ACTION_ITEM_OVERDUE. */
    public record Signal(UUID pupilId, String schoolCode, TeamSignalKind kind, UUID actionItemId, LocalDate since) {
        String subject() {
            return actionItemId == null ? "" : actionItemId.toString();
        }
    }

    /** A school's signals now, for its IB'er and director. */
    @Transactional
    public List<Signal> ofSchool(String schoolCode) {
        String role = guard.school(schoolCode, nl.passend.platform.security.Roles.IB, nl.passend.platform.security.Roles.DIRECTOR);
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
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Signal> current = current(cases.discussed(), actionItems.overdue(LocalDate.now(clock)));
            Set<String> now = new HashSet<>();
            int changes = 0;
            for (Signal s : current) {
                now.add(key(s.pupilId(), s.kind().name(), s.subject()));
                int inserted = em.createNativeQuery("insert into team_signal (pupil_id, kind, subject, school_code, since,"
                        + " raised_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, s.pupilId()).setParameter(2, s.kind().name()).setParameter(3, s.subject())
                        .setParameter(4, s.schoolCode()).setParameter(5, s.since()).setParameter(6, Instant.now())
                        .executeUpdate();
                if (inserted == 1) {
                    events.signal(true, s.pupilId(), s.schoolCode(), s.kind(), s.actionItemId(), s.since());
                    audit.recordSystem(s.pupilId(), ACTOR, "team.signal.raise", s.kind().name());
                    changes++;
                }
            }
            @SuppressWarnings("unchecked")
            List<Object[]> raised = em.createNativeQuery(
                    "select pupil_id, kind, subject, school_code, since from team_signal for update").getResultList();
            for (Object[] row : raised) {
                UUID pupilId = (UUID) row[0];
                String kind = (String) row[1];
                String subject = (String) row[2];
                if (!now.contains(key(pupilId, kind, subject))) {
                    em.createNativeQuery("delete from team_signal where pupil_id = ?1 and kind = ?2 and subject = ?3")
                            .setParameter(1, pupilId).setParameter(2, kind).setParameter(3, subject).executeUpdate();
                    events.signal(false, pupilId, (String) row[3], TeamSignalKind.valueOf(kind),
                            subject.isEmpty() ? null : UUID.fromString(subject), toDate(row[4]));
                    audit.recordSystem(pupilId, ACTOR, "team.signal.resolve", kind);
                    changes++;
                }
            }
            return changes;
        });
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

    /** Erasure after the retention period: everything held about the pupil goes; a meeting keeps its other cases. */
    void erased(@Observes DirectoryChange.Erased erased) {
        UUID pupilId = erased.pupilId();
        for (String sql : List.of(
                "delete from action_item where pupil_id = ?1",
                "update arrangement set case_id = null where case_id in (select id from team_case where pupil_id = ?1)",
                "delete from case_consent_decision where case_id in (select id from team_case where pupil_id = ?1)",
                "delete from team_case where pupil_id = ?1",
                "delete from arrangement where pupil_id = ?1",
                "delete from tlv_request where pupil_id = ?1",
                "delete from team_signal where pupil_id = ?1",
                "delete from audit_log where pupil_id = ?1")) {
            em.createNativeQuery(sql).setParameter(1, pupilId).executeUpdate();
        }
    }

    private static String key(UUID pupilId, String kind, String subject) {
        return pupilId + "|" + kind + "|" + subject;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
