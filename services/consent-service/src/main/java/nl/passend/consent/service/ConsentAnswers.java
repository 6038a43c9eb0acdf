package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.passend.consent.domain.Channel;
import nl.passend.consent.domain.ConsentEntry;
import nl.passend.consent.domain.ConsentOutcomes;
import nl.passend.consent.domain.ConsentOutcomes.RuleViolation;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.domain.EntryKind;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryGuardian;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;

/**
 * Answers (consent given or refused) and withdrawals: a parent for themselves through the app, the
 * IB'er for a named guardian who answered on paper, by phone or in person. Each is a new line of the
 * append-only ledger; the request row stays locked until the outcome is derived again and published.
 */
@ApplicationScoped
public class ConsentAnswers {

    static final String[] ANSWERERS = {Roles.PARENT, Roles.IB};

    @Inject
    Clock clock;

    @Inject
    ConsentRequestRepository requests;

    @Inject
    ConsentEntryRepository entries;

    @Inject
    ConsentGuard guard;

    @Inject
    OutcomeChanges outcomeChanges;

    @Inject
    AuditLog audit;

    /** Who the statement is of and how it came: the parent's own through the app, or as the IB'er names it. */
    private record Speaker(UUID guardianId, Channel channel) {
    }

    @Transactional
    public RequestView state(UUID requestId, Statement statement) {
        ConsentRequest request = requests.lock(requestId)
                .orElseThrow(() -> Problems.notFound("consent request " + requestId));
        String role = guard.requestRole(request, ANSWERERS);
        Speaker speaker = role.equals(Roles.PARENT) ? parent(request, statement) : onBehalf(statement);
        List<ConsentEntry> ledger = entries.ofRequest(request.id);
        check(request, ledger, speaker, statement.kind());
        List<ConsentEntry> updated = new ArrayList<>(ledger);
        updated.add(append(request, speaker, statement.kind(), role));
        outcomeChanges.rederive(request, updated);
        audit.record(request.pupilId, role, statement.kind() == EntryKind.WITHDRAWN ? "consent.withdraw"
                : "consent.answer", request.purpose.name() + " " + statement.kind());
        return new RequestView(request, updated);
    }

    /** A parent answers only for themselves, and through the app. */
    private Speaker parent(ConsentRequest request, Statement statement) {
        DirectoryGuardian own = guard.ownGuardianship(request.pupilId).orElseThrow();
        if (statement.guardianId() != null && !statement.guardianId().equals(own.id)) {
            throw Problems.forbidden("a parent answers only for themselves");
        }
        if (statement.channel() != null && statement.channel() != Channel.APP) {
            throw Problems.unprocessable("invalid-channel", "a parent answers through the app (channel APP)");
        }
        return new Speaker(own.id, Channel.APP);
    }

    /** Staff record the answer of a named guardian, and how it reached them. */
    private static Speaker onBehalf(Statement statement) {
        if (statement.guardianId() == null || statement.channel() == null) {
            throw Problems.unprocessable("answer-on-behalf",
                    "staff recording a guardian's answer must name the guardianId and the channel it came by");
        }
        return new Speaker(statement.guardianId(), statement.channel());
    }

    private static void check(ConsentRequest request, List<ConsentEntry> ledger, Speaker speaker, EntryKind kind) {
        try {
            ConsentOutcomes.check(request.outcome, request.requiredGuardianIds(), OutcomeChanges.lines(ledger),
                    speaker.guardianId(), kind);
        } catch (RuleViolation e) {
            throw switch (e.violation()) {
                case NOT_REQUIRED -> Problems.of(403, "not-a-required-guardian", "Forbidden", e.getMessage());
                case EXPIRED -> Problems.conflict("request-expired", e.getMessage());
                case NOT_GIVEN -> Problems.conflict("consent-not-given", e.getMessage());
            };
        }
    }

    private ConsentEntry append(ConsentRequest request, Speaker speaker, EntryKind kind, String role) {
        ConsentEntry entry = new ConsentEntry();
        entry.id = UUID.randomUUID();
        entry.requestId = request.id;
        entry.guardianId = speaker.guardianId();
        entry.kind = kind;
        entry.channel = speaker.channel();
        entry.recordedBy = guard.subject();
        entry.recordedRole = role;
        entry.recordedAt = Instant.now(clock);
        entries.persist(entry);
        return entry;
    }
}
