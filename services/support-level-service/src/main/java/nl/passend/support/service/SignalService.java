package nl.passend.support.service;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.security.Roles;
import nl.passend.platform.security.PupilAccess;
import nl.passend.support.config.SupportConfig;
import nl.passend.support.domain.Intervention;
import nl.passend.support.domain.PupilSupport;
import nl.passend.support.domain.SupportRules;
import nl.passend.support.messaging.SupportEvents;
import nl.passend.support.persistence.InterventionRepository;
import nl.passend.support.persistence.PupilSupportRepository;

/**
 * The signals this service owns: a LEVEL_4 pupil without an established OPP after 6 weeks, and
 * intervening without changing course (seed 003). Listed per school on request; raised and
 * resolved as events by a job, each once.
 */
@ApplicationScoped
public class SignalService {

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
    EntityManager em;

    /** One signal about one pupil; {@code domain} for NO_CHANGE_OF_COURSE. */
    public record Signal(UUID pupilId, String schoolCode, SupportSignalKind kind, SupportDomain domain, LocalDate since) {
        String domainKey() {
            return domain == null ? "" : domain.name();
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
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> now = new HashSet<>();
            List<Signal> current = new ArrayList<>();
            for (PupilSupport state : states.atLevel4()) {
                level4(state).ifPresent(current::add);
            }
            for (UUID pupilId : interventions.pupilsWithEvaluations()) {
                directory.pupil(pupilId).ifPresent(p -> current.addAll(noChangeOfCourse(pupilId, p.schoolCode)));
            }
            current.removeIf(s -> directory.pupil(s.pupilId()).map(p -> !access.stillThere(p)).orElse(true));
            int changes = 0;
            for (Signal s : current) {
                now.add(key(s.pupilId(), s.kind().name(), s.domainKey()));
                int inserted = em.createNativeQuery("insert into support_signal (pupil_id, kind, domain, school_code, since,"
                        + " raised_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, s.pupilId()).setParameter(2, s.kind().name()).setParameter(3, s.domainKey())
                        .setParameter(4, s.schoolCode()).setParameter(5, s.since()).setParameter(6, Instant.now())
                        .executeUpdate();
                if (inserted == 1) {
                    events.signal(true, s.pupilId(), s.schoolCode(), s.kind(), s.domain(), s.since());
                    audit.recordSystem(s.pupilId(), ACTOR, "support.signal.raise", s.kind() + " " + s.domainKey());
                    changes++;
                }
            }
            @SuppressWarnings("unchecked")
            List<Object[]> raised = em.createNativeQuery(
                    "select pupil_id, kind, domain, school_code, since from support_signal for update").getResultList();
            for (Object[] row : raised) {
                UUID pupilId = (UUID) row[0];
                String kind = (String) row[1];
                String domain = (String) row[2];
                if (!now.contains(key(pupilId, kind, domain))) {
                    em.createNativeQuery("delete from support_signal where pupil_id = ?1 and kind = ?2 and domain = ?3")
                            .setParameter(1, pupilId).setParameter(2, kind).setParameter(3, domain).executeUpdate();
                    events.signal(false, pupilId, (String) row[3], SupportSignalKind.valueOf(kind),
                            domain.isEmpty() ? null : SupportDomain.valueOf(domain), toDate(row[4]));
                    audit.recordSystem(pupilId, ACTOR, "support.signal.resolve", kind + " " + domain);
                    changes++;
                }
            }
            return changes;
        });
    }

    /**
     * An OPP of the pupil was established (true) or closed (false), from passend.opp. Written under the
     * row's lock but without a new version: the level's ETag is the IB'er's, and an OPP established
     * meanwhile must not turn their level change into a 412.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void oppInForce(UUID pupilId, String schoolCode, boolean inForce) {
        PupilSupport state = states.lock(pupilId, schoolCode);
        em.createNativeQuery("update pupil_support set opp_in_force = ?1 where pupil_id = ?2")
                .setParameter(1, inForce).setParameter(2, pupilId).executeUpdate();
        em.refresh(state); // so that a later change in this transaction writes the new value, not the old
    }

    /**
     * A pupil enrolled at another school starts afresh there: its current level (and so its signals)
     * belongs to the new school, which sets it; the old school's entries stay in the history.
     */
    void enrolled(@Observes DirectoryChange.Enrolled enrolled) {
        PupilSupport state = states.findById(enrolled.pupilId());
        if (state != null && !state.schoolCode.equals(enrolled.schoolCode())) {
            state.schoolCode = enrolled.schoolCode();
            state.currentLevel = null;
            state.currentEntryId = null;
            state.levelSince = null;
            state.level4Since = null;
            audit.recordSystem(enrolled.pupilId(), enrolled.source(), "support.level.school-change",
                    enrolled.schoolCode());
        }
    }

    /** Erasure after the retention period: everything held about the pupil goes. */
    void erased(@Observes DirectoryChange.Erased erased) {
        UUID pupilId = erased.pupilId();
        for (String sql : List.of(
                "delete from intervention_session where intervention_id in (select intervention_id from intervention_pupil"
                        + " where pupil_id = ?1) and intervention_id not in (select intervention_id from intervention_pupil"
                        + " where pupil_id <> ?1)",
                "delete from intervention_pupil where pupil_id = ?1",
                "delete from intervention i where not exists (select 1 from intervention_pupil p where p.intervention_id = i.id)",
                "delete from action_plan_pupil where pupil_id = ?1",
                "delete from action_plan a where not exists (select 1 from action_plan_pupil p where p.action_plan_id = a.id)",
                "delete from support_signal where pupil_id = ?1",
                "delete from pupil_support where pupil_id = ?1",
                "delete from audit_log where pupil_id = ?1")) {
            jakarta.persistence.Query delete = em.createNativeQuery(sql);
            if (sql.contains("?1")) { // the sweeps of interventions and plans left without pupils take none
                delete.setParameter(1, pupilId);
            }
            delete.executeUpdate();
        }
        // the append-only history goes too: erasure is the one exception, declared for this transaction only
        em.createNativeQuery("select set_config('passend.erasing', 'yes', true)").getSingleResult();
        em.createNativeQuery("delete from level_entry where pupil_id = ?1").setParameter(1, pupilId).executeUpdate();
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

    private static String key(UUID pupilId, String kind, String domain) {
        return pupilId + "|" + kind + "|" + domain;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
