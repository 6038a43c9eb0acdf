package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.passend.consent.config.ConsentConfig;
import nl.passend.consent.domain.Channel;
import nl.passend.consent.domain.ConsentAsOf;
import nl.passend.consent.domain.ConsentAsOf.RequestAsOf;
import nl.passend.consent.domain.ConsentEntry;
import nl.passend.consent.domain.ConsentOutcomes;
import nl.passend.consent.domain.ConsentOutcomes.RuleViolation;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.domain.EntryKind;
import nl.passend.consent.messaging.ConsentEvents;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryGuardian;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;

/**
 * The consent ledger's use cases: intake of requests (from events and staff), answers and
 * withdrawals, and the queries. Each write locks the request row, appends to the ledger, derives the
 * outcome again and publishes a change of outcome through the outbox, all in one transaction.
 */
@ApplicationScoped
public class ConsentService {

    static final String[] READERS = {Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT};
    static final String[] REQUESTERS = {Roles.ADMIN, Roles.IB, Roles.DIRECTOR};
    static final String[] ANSWERERS = {Roles.PARENT, Roles.IB};
    static final String[] CHECKERS = {Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SIS_CLIENT};

    @Inject
    ConsentRequestRepository requests;

    @Inject
    ConsentEntryRepository entries;

    @Inject
    PupilDirectory directory;

    @Inject
    ConsentEvents events;

    @Inject
    ConsentConfig config;

    @Inject
    ConsentGuard guard;

    @Inject
    AuditLog audit;

    /** A request as it arrives, from an event or from staff. */
    public record NewRequest(UUID requestId, ConsentPurpose purpose, UUID pupilId, String schoolCode,
            ConsentSubjectType subjectType, UUID subjectId, int subjectVersion, String requestedBy) {
    }

    /** A request with its ledger. */
    public record RequestView(ConsentRequest request, List<ConsentEntry> entries) {
    }

    /** A stored request and whether this call stored it. */
    public record Intake(RequestView view, boolean created) {
    }

    public enum Answer {
        GIVEN,
        REFUSED
    }

    /** What a guardian (or the IB'er for a guardian) says. */
    public record Statement(EntryKind kind, UUID guardianId, Channel channel) {
    }

    /**
     * Stores a request once. The same requestId again with the same content changes nothing; with
     * other content it is a conflict. Required guardians: every known guardian with parental authority.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Intake intake(NewRequest in) {
        ConsentRequest existing = requests.findById(in.requestId());
        if (existing != null) {
            if (!sameRequest(existing, in)) {
                throw Problems.conflict("request-id-taken", "consent request " + in.requestId()
                        + " exists already with another purpose, pupil or subject");
            }
            return new Intake(view(existing), false);
        }
        ConsentRequest request = new ConsentRequest();
        request.id = in.requestId();
        request.purpose = in.purpose();
        request.pupilId = in.pupilId();
        request.schoolCode = in.schoolCode();
        request.subjectType = in.subjectType();
        request.subjectId = in.subjectId();
        request.subjectVersion = in.subjectVersion();
        request.requestedBy = in.requestedBy();
        request.requestedAt = Instant.now();
        request.expiresAt = request.requestedAt.plus(config.expireAfter());
        request.outcome = ConsentOutcome.OPEN;
        directory.guardiansWithAuthority(in.pupilId()).forEach(g -> request.requiredGuardians.add(g.id));
        requests.persist(request);
        return new Intake(new RequestView(request, List.of()), true);
    }

    /** A request received as an event from the requesting service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(NewRequest in) {
        Intake intake = intake(in);
        if (intake.created()) {
            audit.recordSystem(in.pupilId(), in.requestedBy(), "consent.request.create", in.purpose().name());
        }
    }

    /** A request recorded by staff (e.g. SHARE_WITH_SWV), for a pupil of their school. */
    @Transactional
    public Intake record(UUID requestId, ConsentPurpose purpose, UUID pupilId, ConsentSubjectType subjectType,
            UUID subjectId, int subjectVersion) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, pupil.schoolCode, REQUESTERS);
        Intake intake = intake(new NewRequest(requestId, purpose, pupilId, pupil.schoolCode, subjectType, subjectId,
                subjectVersion, guard.subject()));
        audit.record(pupilId, role, intake.created() ? "consent.request.create" : "consent.request.read",
                purpose.name());
        return intake;
    }

    /** An answer or withdrawal; the request row stays locked until the outcome is derived and published. */
    @Transactional
    public RequestView state(UUID requestId, Statement statement) {
        ConsentRequest request = requests.lock(requestId)
                .orElseThrow(() -> Problems.notFound("consent request " + requestId));
        String role = guard.pupil(request.pupilId, schoolOf(request), ANSWERERS);
        UUID guardianId;
        Channel channel;
        if (role.equals(Roles.PARENT)) {
            DirectoryGuardian own = guard.ownGuardianship(request.pupilId).orElseThrow();
            if (statement.guardianId() != null && !statement.guardianId().equals(own.id)) {
                throw Problems.forbidden("a parent answers only for themselves");
            }
            if (statement.channel() != null && statement.channel() != Channel.APP) {
                throw Problems.unprocessable("invalid-channel", "a parent answers through the app (channel APP)");
            }
            guardianId = own.id;
            channel = Channel.APP;
        } else {
            if (statement.guardianId() == null || statement.channel() == null) {
                throw Problems.unprocessable("answer-on-behalf",
                        "staff recording a guardian's answer must name the guardianId and the channel it came by");
            }
            guardianId = statement.guardianId();
            channel = statement.channel();
        }
        List<ConsentEntry> ledger = entries.ofRequest(request.id);
        try {
            ConsentOutcomes.check(request.outcome, request.requiredGuardians, lines(ledger), guardianId,
                    statement.kind());
        } catch (RuleViolation e) {
            throw switch (e.violation()) {
                case NOT_REQUIRED -> Problems.of(403, "not-a-required-guardian", "Forbidden", e.getMessage());
                case EXPIRED -> Problems.conflict("request-expired", e.getMessage());
                case NOT_GIVEN -> Problems.conflict("consent-not-given", e.getMessage());
            };
        }
        ConsentEntry entry = new ConsentEntry();
        entry.id = UUID.randomUUID();
        entry.requestId = request.id;
        entry.guardianId = guardianId;
        entry.kind = statement.kind();
        entry.channel = channel;
        entry.recordedBy = guard.subject();
        entry.recordedRole = role;
        entry.recordedAt = Instant.now();
        entries.persist(entry);
        List<ConsentEntry> updated = new java.util.ArrayList<>(ledger);
        updated.add(entry);
        rederive(request, updated);
        audit.record(request.pupilId, role, statement.kind() == EntryKind.WITHDRAWN ? "consent.withdraw"
                : "consent.answer", request.purpose.name() + " " + statement.kind());
        return new RequestView(request, updated);
    }

    @Transactional
    public RequestView get(UUID requestId) {
        ConsentRequest request = requests.findByIdOptional(requestId)
                .orElseThrow(() -> Problems.notFound("consent request " + requestId));
        String role = guard.pupil(request.pupilId, schoolOf(request), READERS);
        audit.record(request.pupilId, role, "consent.request.read");
        return view(request);
    }

    /** Every request about one pupil, newest first: the pupil's school's staff and the pupil's parents. */
    @Transactional
    public List<RequestView> ofPupil(UUID pupilId) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, pupil.schoolCode, READERS);
        audit.record(pupilId, role, "consent.list");
        return requests.ofPupil(pupilId).stream().map(this::view).toList();
    }

    /** A request as it stood at the end of the day; 404 when it had not been made by then. Authorized and audited as {@link #get(UUID)}. */
    @Transactional
    public RequestAsOf get(UUID requestId, AsOf asOf) {
        ConsentRequest request = requests.findByIdOptional(requestId)
                .orElseThrow(() -> Problems.notFound("consent request " + requestId));
        String role = guard.pupil(request.pupilId, schoolOf(request), READERS);
        audit.record(request.pupilId, role, "consent.request.read", asOf.audit());
        return asOf(request, asOf).orElseThrow(() -> Problems.of(404, "not-found", "Not found",
                "consent request " + requestId + " had not been made by the end of " + asOf));
    }

    /** The pupil's requests as they stood at the end of the day, newest first; those made later are left out. */
    @Transactional
    public List<RequestAsOf> ofPupil(UUID pupilId, AsOf asOf) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, pupil.schoolCode, READERS);
        audit.record(pupilId, role, "consent.list", asOf.audit());
        return requests.ofPupil(pupilId).stream().map(r -> asOf(r, asOf)).flatMap(java.util.Optional::stream)
                .toList();
    }

    private java.util.Optional<RequestAsOf> asOf(ConsentRequest request, AsOf asOf) {
        return ConsentAsOf.of(request, requests.requiredOf(request.id), entries.ofRequest(request.id), asOf);
    }

    /** The open requests waiting for the calling parent's answer. */
    @Transactional
    public List<RequestView> openForMe() {
        List<UUID> mine = directory.guardiansOfAccount(guard.subject()).stream().map(g -> g.id).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<RequestView> views = requests.openForGuardians(mine, 200).stream().map(this::view).toList();
        views.stream().map(v -> v.request().pupilId).distinct()
                .forEach(p -> audit.record(p, Roles.PARENT, "consent.list.open"));
        return views;
    }

    /** A school's open requests, for its IB'er and director. */
    @Transactional
    public List<RequestView> openOfSchool(String schoolCode) {
        String role = guard.school(schoolCode, Roles.IB, Roles.DIRECTOR, Roles.ADMIN);
        List<RequestView> views = requests.openOfSchool(schoolCode, 200).stream().map(this::view).toList();
        views.stream().map(v -> v.request().pupilId).distinct()
                .forEach(p -> audit.record(p, role, "consent.list.open"));
        return views;
    }

    /** The latest request for this purpose on this subject version, if any: valid when it is GRANTED. */
    @Transactional
    public java.util.Optional<ConsentRequest> latest(UUID pupilId, ConsentPurpose purpose,
            ConsentSubjectType subjectType, UUID subjectId, int subjectVersion) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, pupil.schoolCode, CHECKERS);
        audit.record(pupilId, role, "consent.check", purpose.name());
        return requests.latestFor(pupilId, purpose, subjectType, subjectId, subjectVersion);
    }

    /** Derives the outcome again; a change to anything but OPEN is published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rederive(ConsentRequest request, List<ConsentEntry> ledger) {
        ConsentOutcome next = ConsentOutcomes.derive(request.requiredGuardians, lines(ledger),
                request.outcome == ConsentOutcome.EXPIRED);
        if (next != request.outcome) {
            request.outcome = next;
            request.outcomeAt = Instant.now();
            if (next != ConsentOutcome.OPEN) {
                events.decided(request);
            }
        }
    }

    public RequestView view(ConsentRequest request) {
        return new RequestView(request, entries.ofRequest(request.id));
    }

    /** The pupil's current school when known, else the school the request named. */
    String schoolOf(ConsentRequest request) {
        return directory.pupil(request.pupilId).map(p -> p.schoolCode).orElse(request.schoolCode);
    }

    static List<ConsentOutcomes.Entry> lines(List<ConsentEntry> ledger) {
        return ledger.stream().map(e -> new ConsentOutcomes.Entry(e.guardianId, e.kind)).toList();
    }

    private static boolean sameRequest(ConsentRequest r, NewRequest in) {
        return r.purpose == in.purpose() && r.pupilId.equals(in.pupilId()) && r.subjectType == in.subjectType()
                && r.subjectId.equals(in.subjectId()) && r.subjectVersion == in.subjectVersion()
                && Objects.equals(r.schoolCode, in.schoolCode());
    }
}
