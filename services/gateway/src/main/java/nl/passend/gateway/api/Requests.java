package nl.passend.gateway.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.passend.gateway.domain.CallbackUrls;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the gateway's own endpoints. */
public final class Requests {

    /** BRIN + vestiging, e.g. 12AB00. */
    public static final String SCHOOL_CODE = "^[0-9]{2}[A-Z]{2}[0-9]{2}$";

    private Requests() {
    }

    @Schema(description = "What a subscription delivers, and where")
    public record SubscriptionRequest(
            @NotNull @CallbackUrl @Size(max = CallbackUrls.MAX_LENGTH)
            @Schema(description = "Where the events are POSTed: an https URL on a public address")
            String callbackUrl,
            @NotEmpty @Size(max = 100)
            @Schema(description = "The CloudEvents types to deliver (the catalogue: api-specs/asyncapi/passend-events.yaml)")
            @EventTypes List<String> eventTypes,
            @NotEmpty @Size(max = 200)
            @Schema(description = "The schools whose events to deliver: each must be in the token's schools claim")
            @SchoolCodes List<String> schoolCodes) {
    }
}
