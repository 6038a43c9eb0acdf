package nl.passend.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.passend.gateway.api.Requests.SubscriptionRequest;
import nl.passend.gateway.api.model.Responses.DeliveryResponse;
import nl.passend.gateway.api.model.Responses.SubscriptionResponse;
import nl.passend.gateway.domain.ClientIds;
import nl.passend.gateway.domain.DeliveryStatus;
import nl.passend.gateway.domain.Subscription;
import nl.passend.gateway.mapping.WebhookMapper;
import nl.passend.gateway.service.SubscriptionService.Client;
import nl.passend.gateway.service.SubscriptionService.Terms;
import nl.passend.gateway.service.SubscriptionService.View;
import nl.passend.gateway.service.SubscriptionService;
import nl.passend.platform.http.ETags;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions of a student information system (role sis-client): the events of its schools POSTed
 * to its callback URL, signed (services/gateway/README.md). A client sees and changes only its own
 * subscriptions (the token's azp); another's is answered 404. One of the gateway's own paths
 * ({@code passend.gateway.own-paths}).
 */
@Path("/api/v1/subscriptions")
@RolesAllowed(Roles.SIS_CLIENT)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook subscriptions", description = "Events of your schools POSTed to your callback URL, signed as the Standard Webhooks specification says, retried with backoff, at least once and in order per pupil")
public class SubscriptionResource {

    @Inject
    SubscriptionService service;

    @Inject
    WebhookMapper mapper;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @POST
    @Operation(operationId = "createSubscription", summary = "Subscribe a callback URL to event types of your schools",
            description = "Every event of one of the types about one of the schools is POSTed to the callback as a CloudEvent (structured mode, application/cloudevents+json), with the headers webhook-id (the event id), webhook-timestamp and webhook-signature (HMAC-SHA256, Standard Webhooks) and X-Correlation-Id (the delivery id). The answer carries the signing secret, once. Each school must be in your token's schools claim (403 otherwise).")
    @APIResponse(responseCode = "201", description = "Subscribed; the body has the signing secret",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response create(@NotNull @Valid SubscriptionRequest request, @Context UriInfo uri) {
        View view = service.create(client(), terms(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.subscription().id.toString()).build())
                .tag(ETags.of(view.subscription().version))
                .entity(mapper.toResponse(view.subscription(), view.secret())).build();
    }

    @GET
    @Operation(operationId = "listSubscriptions", summary = "Your subscriptions, oldest first",
            description = "Every subscription of the calling client (at most 25 by default), without secrets.")
    public List<SubscriptionResponse> list() {
        return mapper.toResponses(service.list(client()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSubscription", summary = "One of your subscriptions",
            description = "With its status: FAILING, and why, when a delivery was given up. Another client's subscription is answered 404.")
    @APIResponse(responseCode = "200", description = "The subscription; its ETag is the If-Match for a change",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response get(@PathParam("id") String id) {
        return ok(service.get(client(), Params.uuid(id, "id")), null);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateSubscription", summary = "Change a subscription's callback URL, event types and schools",
            description = "Its status and secret stay. Deliveries already made for it keep the callback URL of the moment they are sent.")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid SubscriptionRequest request) {
        return ok(service.update(client(), Params.uuid(id, "id"), ETags.expected(ifMatch), terms(request)), null);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteSubscription", summary = "Unsubscribe", description = "Its deliveries that have not gone out are dropped. With If-Match, only when that is the current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(client(), Params.uuid(id, "id"), ETags.expected(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "rotateSubscriptionSecret", summary = "Rotate the signing secret",
            description = "The answer carries the new secret, once. For the grace period (24 hours by default) every delivery is signed with both the new and the previous secret (two v1 signatures in webhook-signature), so that the receiver can switch without losing one.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response rotateSecret(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        View view = service.rotateSecret(client(), Params.uuid(id, "id"), ETags.expected(ifMatch));
        return ok(view.subscription(), view.secret());
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "resumeSubscription", summary = "Resume a FAILING subscription",
            description = "After a delivery was given up (its last attempt failed) the subscription is FAILING: nothing goes out, new events wait in order. Resuming makes it ACTIVE and sends what waited, oldest first per pupil; the given-up deliveries go again first, unless redeliverFailed=false leaves them given up.")
    @APIResponse(responseCode = "200", description = "ACTIVE again",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    public Response resume(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("redeliverFailed") @Parameter(description = "Send the given-up deliveries again (default true)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) String redeliverFailed) {
        return ok(service.resume(client(), Params.uuid(id, "id"), ETags.expected(ifMatch), bool(redeliverFailed, "redeliverFailed", true)),
                null);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listSubscriptionDeliveries", summary = "A subscription's latest deliveries, newest first",
            description = "Each with its status, attempts, and the status code and error of its last attempt. Delivered ones are kept 7 days, given-up ones 30 days.")
    public List<DeliveryResponse> deliveries(@PathParam("id") String id,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = DeliveryStatus.class)) String status,
            @QueryParam("size") @Parameter(description = "How many, at most 200 (default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String size) {
        DeliveryStatus only = status == null || status.isBlank() ? null
                : Params.enumValue(DeliveryStatus.class, status, "status");
        return mapper.toDeliveryResponses(service.deliveries(client(), Params.uuid(id, "id"), only,
                Params.integer(size, "size", 1, 200, 50)));
    }

    private static boolean bool(String value, String name, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalidParameter(name, name + " must be true or false, not '" + value + "'");
        };
    }

    private Response ok(Subscription subscription, String secret) {
        return Response.ok(mapper.toResponse(subscription, secret)).tag(ETags.of(subscription.version)).build();
    }

    private Client client() {
        return new Client(ClientIds.of(token::getClaim), caller.schools());
    }

    private static Terms terms(SubscriptionRequest request) {
        return new Terms(request.callbackUrl(), request.eventTypes(), request.schoolCodes());
    }
}
