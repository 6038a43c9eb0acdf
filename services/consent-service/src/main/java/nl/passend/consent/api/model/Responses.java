package nl.passend.consent.api.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.passend.consent.domain.Channel;
import nl.passend.consent.domain.EntryKind;
import nl.passend.consent.mapping.ConsentMapper;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response bodies: records mapped from the entities, never the entities themselves. They live with the
 * mapper that makes them ({@link ConsentMapper}): the resource uses both, and neither looks back at it.
 */
public final class Responses {

    private Responses() {
    }

    public record SubjectResponse(ConsentSubjectType type, UUID id, int version) {
    }

    @Schema(description = "One line of the append-only ledger")
    public record EntryResponse(UUID guardianId, EntryKind kind, Channel channel,
            @Schema(description = "the account that recorded it: the parent, or the IB'er for an answer on paper") String recordedBy,
            String recordedRole, Instant recordedAt) {
    }

    @Schema(description = "A consent request, its required guardians, its ledger and its derived outcome")
    public record ConsentRequestResponse(UUID id, ConsentPurpose purpose, UUID pupilId, String schoolCode,
            SubjectResponse subject, ConsentOutcome outcome, Instant outcomeAt, Instant requestedAt,
            Instant expiresAt, String requestedBy,
            @Schema(description = "the guardians with parental authority whose answer is needed") List<UUID> requiredGuardians,
            List<EntryResponse> entries) {
    }

    @Schema(description = "Whether consent for the purpose on this subject version is valid now")
    public record ConsentCheckResponse(boolean valid,
            @Schema(description = "the latest request for it, if any") UUID requestId,
            @Schema(description = "that request's outcome") ConsentOutcome outcome) {
    }
}
