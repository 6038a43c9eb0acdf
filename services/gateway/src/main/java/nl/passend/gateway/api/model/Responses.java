package nl.passend.gateway.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.passend.gateway.domain.ChangeKinds;
import nl.passend.gateway.domain.DeliveryStatus;
import nl.passend.gateway.domain.SubscriptionStatus;
import nl.passend.gateway.mapping.WebhookMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the gateway's own endpoints, as {@link WebhookMapper} makes them from the entities. */
public final class Responses {

    private Responses() {
    }

    @Schema(description = "A webhook subscription")
    public record SubscriptionResponse(
            UUID id,
            String callbackUrl,
            List<String> eventTypes,
            List<String> schoolCodes,
            @Schema(description = "ACTIVE: deliveries go out. FAILING: a delivery was given up after its last attempt; nothing goes out until POST .../resume, and new events wait, in order")
            SubscriptionStatus status,
            Instant failingSince,
            @Schema(description = "Which delivery was given up, and why")
            String failingReason,
            @Schema(description = "Until then the secret before the last rotation signs too (a second v1 signature)")
            Instant previousSecretValidUntil,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The signing secret (whsec_...): only in the answer to the create and to a rotation; keep it, it is never shown again")
            String secret) {
    }

    @Schema(description = "One event for one subscription, and how its delivery went")
    public record DeliveryResponse(
            @Schema(description = "The delivery's id: the X-Correlation-Id of each of its attempts")
            UUID id,
            @Schema(description = "The event's id: the webhook-id header")
            String eventId,
            String eventType,
            @Schema(description = "The event's subject: the pupil id for everything about one pupil")
            String subject,
            String schoolCode,
            @Schema(description = "PENDING: not yet delivered (its turn, its next attempt or a resume); DELIVERED: answered 2xx; FAILED: given up after the last attempt")
            DeliveryStatus status,
            @Schema(description = "Attempts so far (counted again from 0 when a resume sends a given-up delivery again)")
            int attempts,
            Instant createdAt,
            Instant lastAttemptAt,
            @Schema(description = "When a pending delivery is tried next (at the earliest: an earlier one of its pupil goes first); null once it is not pending")
            Instant nextAttemptAt,
            Instant deliveredAt,
            @Schema(description = "The callback's HTTP status at the last attempt, when it answered")
            Integer lastStatusCode,
            @Schema(description = "Why the last attempt failed: http-<status>, timeout, connect-timeout, connection-refused, unknown-host, blocked-address, tls, io-error")
            String lastError) {
    }

    @Schema(description = "One entry of a school's change feed: which object changed how and when, never its contents; read the object at href")
    public record ChangeResponse(
            @Schema(description = "The object's kind: pupil, enrolment, guardian, professional-link, support-level, intervention, action-plan, support-signal, opp, consent-request, meeting, case, arrangement, tlv, team-signal, school")
            String type,
            @Schema(description = "The object's id; null when it has none of its own, or its pupil has since been erased")
            String id,
            @Schema(description = "The pupil it is about; null when none, or when the pupil has since been erased (the ERASED entry keeps it)")
            UUID pupilId,
            @Schema(description = "UPSERTED: created or changed, read it at href; DELETED: gone; ERASED: the pupil and everything about it are erased, erase your copy")
            ChangeKinds.Change change,
            @Schema(description = "The object's version when the event carries one (an OPP's version number), else null")
            Integer version,
            @Schema(description = "The event's time")
            Instant time,
            @Schema(description = "The event's CloudEvents type, as in webhooks")
            String eventType,
            @Schema(description = "Where to read the object, below the gateway, when known and it is there")
            String href) {
    }
}
