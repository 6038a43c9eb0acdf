package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.platform.security.PupilAccess;
import nl.passend.support.domain.GivenBy;
import nl.passend.support.domain.Intervention;
import nl.passend.support.domain.InterventionSession;
import nl.passend.support.domain.SupportAsOf;
import nl.passend.support.domain.SupportRules;
import nl.passend.support.messaging.SupportEvents;
import nl.passend.support.persistence.InterventionRepository;
import nl.passend.support.persistence.InterventionSessionRepository;

/**
 * Interventions as teachers' apps record them: many at once, idempotent on the app's own id,
 * all or nothing; and their evaluation afterwards.
 */
@ApplicationScoped
public class InterventionService {

    /** The most items (interventions plus sessions) one batch may hold. */
    public static final int MAX_BATCH = 500;

    @Inject
    PupilAccess access;

    @Inject
    Clock clock;

    @Inject
    InterventionRepository interventions;

    @Inject
    InterventionSessionRepository sessions;

    @Inject
    PupilDirectory directory;

    @Inject
    SupportGuard guard;

    @Inject
    SupportEvents events;

    @Inject
    AuditLog audit;

    public record NewIntervention(String appId, List<UUID> pupilIds, SupportDomain domain, SupportLevel level,
            InterventionKind kind, LocalDate startDate, LocalDate endDate, int frequencyPerWeek, int minutesPerSession,
            GivenBy givenBy) {
    }

    public record NewSession(String appId, String interventionAppId, LocalDate heldOn, int minutes) {
    }

    public enum Outcome {
        CREATED,
        UNCHANGED
    }

    public record ItemResult(String appId, UUID id, Outcome outcome) {
    }

    public record BatchResult(List<ItemResult> interventions, List<ItemResult> sessions) {
    }

    /** An intervention with its sessions and the pupils of its group the caller may see (a parent: only their child). */
    public record InterventionView(Intervention intervention, List<InterventionSession> sessions, Set<UUID> visiblePupils,
            boolean showsEvaluation) {

        public InterventionView(Intervention intervention, List<InterventionSession> sessions, Set<UUID> visiblePupils) {
            this(intervention, sessions, visiblePupils, true);
        }
    }

    @Transactional
    public BatchResult batch(String schoolCode, List<NewIntervention> newInterventions, List<NewSession> newSessions) {
        String role = guard.school(schoolCode, Roles.TEACHER, Roles.IB);
        if (newInterventions.size() + newSessions.size() > MAX_BATCH) {
            throw Problems.badRequest("batch-too-large", "a batch holds at most " + MAX_BATCH + " items, not "
                    + (newInterventions.size() + newSessions.size()));
        }
        Map<String, Intervention> byAppId = new HashMap<>();
        List<ItemResult> interventionResults = new ArrayList<>();
        for (int i = 0; i < newInterventions.size(); i++) {
            NewIntervention in = newInterventions.get(i);
            if (byAppId.containsKey(in.appId())) {
                throw Problems.unprocessable("duplicate-app-id", "interventions[" + i + "]: appId " + in.appId()
                        + " appears twice in the batch");
            }
            try {
                SupportRules.checkIntervention(in.startDate(), in.endDate(), in.frequencyPerWeek(), in.minutesPerSession());
            } catch (nl.passend.platform.problem.RuleViolation e) {
                throw new nl.passend.platform.problem.RuleViolation(e.kind(), e.slug(),
                        "interventions[" + i + "]: " + e.getMessage());
            }
            checkPupils(schoolCode, in.pupilIds(), "interventions[" + i + "]");
            String hash = hash(in);
            Intervention existing = interventions.byAppId(schoolCode, in.appId()).orElse(null);
            if (existing != null) {
                if (!existing.contentHash.equals(hash)) {
                    throw Problems.conflict("app-id-reused", "interventions[" + i + "]: appId " + in.appId()
                            + " was recorded before with other content");
                }
                byAppId.put(in.appId(), existing);
                interventionResults.add(new ItemResult(in.appId(), existing.id, Outcome.UNCHANGED));
                continue;
            }
            Intervention created = create(schoolCode, in, hash, role);
            byAppId.put(in.appId(), created);
            interventionResults.add(new ItemResult(in.appId(), created.id, Outcome.CREATED));
        }
        List<ItemResult> sessionResults = new ArrayList<>();
        for (int i = 0; i < newSessions.size(); i++) {
            sessionResults.add(session(schoolCode, newSessions.get(i), byAppId, "sessions[" + i + "]", role));
        }
        return new BatchResult(interventionResults, sessionResults);
    }

    @Transactional
    public List<InterventionView> ofPupil(UUID pupilId) {
        return ofPupil(pupilId, null);
    }

    /**
     * The pupil's interventions; with {@code asOf} those recorded by the end of that day that had
     * started by then, each with the sessions held and recorded by then, and its evaluation only when
     * evaluated by then. Audited with the day.
     */
    @Transactional
    public List<InterventionView> ofPupil(UUID pupilId, AsOf asOf) {
        String role = guard.pupil(pupilId, SupportGuard.READERS);
        audit.record(pupilId, role, "support.intervention.list", asOf == null ? null : asOf.audit());
        boolean staff = SupportGuard.isStaff(role);
        // a school's staff see their own school's interventions, not those of a school the pupil came from
        String school = guard.knownPupil(pupilId).schoolCode;
        return interventions.ofPupil(pupilId).stream().filter(i -> !staff || i.schoolCode.equals(school))
                .filter(i -> asOf == null || SupportAsOf.shows(i, asOf))
                .map(i -> new InterventionView(i, sessionsOf(i, asOf), staff ? i.pupils : Set.of(pupilId),
                        asOf == null || SupportAsOf.showsEvaluation(i, asOf)))
                .toList();
    }

    private List<InterventionSession> sessionsOf(Intervention intervention, AsOf asOf) {
        List<InterventionSession> all = sessions.ofIntervention(intervention.id);
        return asOf == null ? all : all.stream().filter(s -> SupportAsOf.shows(s, asOf)).toList();
    }

    @Transactional
    public InterventionView get(UUID id) {
        Intervention intervention = interventions.findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("intervention " + id));
        Set<UUID> visible = readable(intervention, "support.intervention.read");
        return new InterventionView(intervention, sessions.ofIntervention(id), visible);
    }

    /** The evaluation afterwards: its effect, a short note, and when; once. */
    @Transactional
    public InterventionView evaluate(UUID id, ExpectedVersion expected, InterventionEffect effect, String note,
            LocalDate evaluatedOn) {
        Intervention intervention = interventions.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("intervention " + id));
        String role = guard.schoolOf("intervention " + id, intervention.schoolCode, intervention.pupils, Roles.TEACHER,
                Roles.IB);
        expected.require(intervention.version);
        if (intervention.effect != null) {
            throw Problems.conflict("already-evaluated", "the intervention was evaluated on " + intervention.evaluatedOn);
        }
        if (evaluatedOn.isAfter(LocalDate.now(clock)) || evaluatedOn.isBefore(intervention.startsOn)) {
            throw Problems.unprocessable("invalid-evaluation-date", "evaluatedOn " + evaluatedOn
                    + " must lie between the start (" + intervention.startsOn + ") and today");
        }
        intervention.effect = effect;
        intervention.evaluationNote = note;
        intervention.evaluatedOn = evaluatedOn;
        intervention.evaluatedBy = guard.subject();
        interventions.flush();
        events.intervention(EventType.INTERVENTION_EVALUATED, intervention, evaluatedOn);
        intervention.pupils.forEach(p -> audit.record(p, role, "support.intervention.evaluate", effect.name()));
        return new InterventionView(intervention, sessions.ofIntervention(id), intervention.pupils);
    }

    private Intervention create(String schoolCode, NewIntervention in, String hash, String role) {
        Intervention i = new Intervention();
        i.id = UUID.randomUUID();
        i.schoolCode = schoolCode;
        i.appId = in.appId();
        i.contentHash = hash;
        i.domain = in.domain();
        i.level = in.level();
        i.kind = in.kind();
        i.startsOn = in.startDate();
        i.endsOn = in.endDate();
        i.frequencyPerWeek = in.frequencyPerWeek();
        i.minutesPerSession = in.minutesPerSession();
        i.givenBy = in.givenBy();
        i.pupils.addAll(new TreeSet<>(in.pupilIds()));
        i.recordedBy = guard.subject();
        i.recordedRole = role;
        i.recordedAt = Instant.now(clock);
        interventions.persist(i);
        events.intervention(EventType.INTERVENTION_RECORDED, i, in.startDate());
        i.pupils.forEach(p -> audit.record(p, role, "support.intervention.record", i.domain + " " + i.kind));
        return i;
    }

    private ItemResult session(String schoolCode, NewSession in, Map<String, Intervention> batch, String where,
            String role) {
        Intervention intervention = batch.get(in.interventionAppId());
        if (intervention == null) {
            intervention = interventions.byAppId(schoolCode, in.interventionAppId()).orElseThrow(() -> Problems
                    .unprocessable("unknown-intervention", where + ": no intervention with appId " + in.interventionAppId()));
        }
        if (in.heldOn().isBefore(intervention.startsOn) || (intervention.endsOn != null
                && in.heldOn().isAfter(intervention.endsOn))) {
            throw Problems.unprocessable("session-outside-period", where + ": heldOn " + in.heldOn()
                    + " lies outside the intervention's period");
        }
        if (in.minutes() < 1 || in.minutes() > 480) {
            throw Problems.unprocessable("invalid-dosage", where + ": minutes must be 1 to 480, not " + in.minutes());
        }
        InterventionSession existing = sessions.byAppId(intervention.id, in.appId()).orElse(null);
        if (existing != null) {
            if (!existing.heldOn.equals(in.heldOn()) || existing.minutes != in.minutes()) {
                throw Problems.conflict("app-id-reused", where + ": session appId " + in.appId()
                        + " was recorded before with other content");
            }
            return new ItemResult(in.appId(), existing.id, Outcome.UNCHANGED);
        }
        InterventionSession s = new InterventionSession();
        s.id = UUID.randomUUID();
        s.interventionId = intervention.id;
        s.appId = in.appId();
        s.heldOn = in.heldOn();
        s.minutes = in.minutes();
        s.recordedBy = guard.subject();
        s.recordedAt = Instant.now(clock);
        sessions.persist(s);
        Intervention of = intervention;
        of.pupils.forEach(p -> audit.record(p, role, "support.intervention.session",
                of.domain + " " + of.kind + " " + in.heldOn()));
        return new ItemResult(in.appId(), s.id, Outcome.CREATED);
    }

    /** Every pupil is known, of this school and still there: an app cannot record for another school's pupil. */
    private void checkPupils(String schoolCode, List<UUID> pupilIds, String where) {
        Set<UUID> distinct = new TreeSet<>(pupilIds);
        if (distinct.size() != pupilIds.size()) {
            throw Problems.unprocessable("duplicate-pupil", where + ": a pupil is named twice");
        }
        for (UUID pupilId : pupilIds) {
            DirectoryPupil pupil = directory.pupil(pupilId).orElse(null);
            if (pupil == null || !pupil.schoolCode.equals(schoolCode)) {
                throw Problems.unprocessable("pupil-not-at-school", where + ": pupil " + pupilId
                        + " is not a pupil of " + schoolCode);
            }
            if (!access.stillThere(pupil)) {
                throw Problems.conflict("pupil-left", where + ": pupil " + pupilId + " left on " + pupil.leftOn);
            }
        }
    }

    /** The pupils of the intervention the caller may see, each read audited; 404 when none. */
    private Set<UUID> readable(Intervention intervention, String action) {
        Set<UUID> visible = new TreeSet<>();
        for (UUID pupilId : intervention.pupils) {
            try {
                audit.record(pupilId, guard.pupil(pupilId, SupportGuard.READERS), action);
                visible.add(pupilId);
            } catch (io.quarkiverse.resteasy.problem.HttpProblem notVisible) {
                // another child of the group: not this caller's to see
            }
        }
        if (visible.isEmpty()) {
            throw Problems.notFound("intervention " + intervention.id);
        }
        return visible;
    }

    /** A digest of what an intervention says, to tell a repeat from another intervention under a used appId. */
    static String hash(NewIntervention in) {
        String canonical = String.join("|", new TreeSet<>(in.pupilIds().stream().map(UUID::toString).toList()).toString(),
                String.valueOf(in.domain()), String.valueOf(in.level()), String.valueOf(in.kind()),
                String.valueOf(in.startDate()), String.valueOf(in.endDate()), Integer.toString(in.frequencyPerWeek()),
                Integer.toString(in.minutesPerSession()), String.valueOf(in.givenBy()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
