package nl.passend.consent.api.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import nl.passend.consent.domain.Channel;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies; only the resource reads them (it makes the services' input itself), so they stay beside it. */
public final class Requests {

    private Requests() {
    }

    /** A guardian's answer to a request. */
    public enum Answer {
        GIVEN,
        REFUSED
    }

    @Schema(description = "What the consent is about: an OPP version, a case on a meeting's agenda, or the pupil's file")
    public record Subject(@NotNull ConsentSubjectType type, @NotNull UUID id, @NotNull @Min(1) Integer version) {
    }

    @Schema(description = "A consent request recorded by staff, e.g. to share the file with the SWV or youth care")
    public record RecordRequest(
            @NotNull @Schema(description = "the requester's own id for the request; sending it again changes nothing") UUID requestId,
            @NotNull ConsentPurpose purpose,
            @NotNull UUID pupilId,
            @NotNull @Valid Subject subject) {
    }

    @Schema(description = "A guardian's answer. A parent answers for themselves (guardianId and channel may be left out); the IB'er records an answer given on paper, by phone or in person, naming the guardian and the channel.")
    public record AnswerRequest(@NotNull Answer answer, UUID guardianId, Channel channel) {
    }

    @Schema(description = "The withdrawal of a consent given. A parent withdraws their own; the IB'er records one naming the guardian and the channel.")
    public record WithdrawalRequest(UUID guardianId, Channel channel) {
    }
}
