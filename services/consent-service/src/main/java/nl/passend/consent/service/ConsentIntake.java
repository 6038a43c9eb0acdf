package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.passend.consent.config.ConsentConfig;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;

/**
 * Receiving consent requests: from the requesting services' events, and recorded by staff. Each
 * request is stored once, keyed by the requester's requestId; every guardian of the pupil with
 * parental authority must answer it, and it expires after {@code passend.consent.expire-after}.
 */
@ApplicationScoped
public class ConsentIntake {

    static final String[] REQUESTERS = {Roles.ADMIN, Roles.IB, Roles.DIRECTOR};

    @Inject
    Clock clock;

    @Inject
    ConsentRequestRepository requests;

    @Inject
    ConsentEntryRepository entries;

    @Inject
    PupilDirectory directory;

    @Inject
    ConsentConfig config;

    @Inject
    ConsentGuard guard;

    @Inject
    AuditLog audit;

    /** A stored request and whether this call stored it. */
    public record Intake(RequestView view, boolean created) {
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
        String role = guard.consentRole(pupilId, pupil.schoolCode, REQUESTERS);
        Intake intake = intake(new NewRequest(requestId, purpose, pupilId, pupil.schoolCode, subjectType, subjectId,
                subjectVersion, guard.subject()));
        audit.record(pupilId, role, intake.created() ? "consent.request.create" : "consent.request.read",
                purpose.name());
        return intake;
    }

    /**
     * Stores a request once. The same requestId again with the same content changes nothing; with
     * other content it is a conflict. Required guardians: every known guardian with parental authority.
     */
    private Intake intake(NewRequest in) {
        ConsentRequest existing = requests.findById(in.requestId());
        if (existing != null) {
            if (!sameRequest(existing, in)) {
                throw Problems.conflict("request-id-taken", "consent request " + in.requestId()
                        + " exists already with another purpose, pupil or subject");
            }
            return new Intake(new RequestView(existing, entries.ofRequest(existing.id)), false);
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
        request.requestedAt = Instant.now(clock);
        request.expiresAt = request.requestedAt.plus(config.expireAfter());
        request.outcome = ConsentOutcome.OPEN;
        directory.guardiansWithAuthority(in.pupilId()).forEach(g -> request.require(g.id, request.requestedAt));
        requests.persist(request);
        return new Intake(new RequestView(request, List.of()), true);
    }

    private static boolean sameRequest(ConsentRequest r, NewRequest in) {
        return r.purpose == in.purpose() && r.pupilId.equals(in.pupilId()) && r.subjectType == in.subjectType()
                && r.subjectId.equals(in.subjectId()) && r.subjectVersion == in.subjectVersion()
                && Objects.equals(r.schoolCode, in.schoolCode());
    }
}
