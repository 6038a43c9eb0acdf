package nl.passend.gateway.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
}
