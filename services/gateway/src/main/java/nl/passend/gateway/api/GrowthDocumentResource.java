package nl.passend.gateway.api;

import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import nl.passend.gateway.service.GrowthDocuments;
import nl.passend.gateway.service.OnBehalfOf;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The groeidocument of one pupil, composed by the gateway from the services (one of its own paths). */
@Path("/api/v1/pupils/{pupilId}/growth-document")
@Authenticated
@Tag(name = "Growth document", description = "A pupil's groeidocument in one answer, as far as the caller may see it, now or as it stood on a day")
public class GrowthDocumentResource {

    @Inject
    Clock clock;

    @Inject
    GrowthDocuments documents;

    @Inject
    RoutingContext request;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getGrowthDocument", summary = "A pupil's groeidocument",
            description = "The pupil (pupil-service), the support level and its history and the interventions (support-level-service), the OPPs and the current one whole with its goals (opp-service), the cases of meetings that discussed the pupil (support-team-service) and the consent requests (consent-service), each read from its service with the caller's token, so each part only as far as the caller may see it; every read is audited by its service. The pupil must be visible (else that service's 403 or 404). Any other part the caller may not see, or whose service is down or too slow, is {\"available\": false, \"status\": <403|404|503|504>} instead. With asOf=yyyy-MM-dd every part is the file as it stood at the end of that day (for a BOT meeting or a TLV decision); what that means per part is in each service's contract.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = GrowthDocumentSchema.class)))
    public Response get(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = "Show the file as it stood at the end of this day (yyyy-MM-dd, not in the future)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        GrowthDocuments.Result result = documents.compose(Params.uuid(pupilId, "pupilId"), AsOf.parse(asOf, clock),
                new OnBehalfOf(token.getRawToken(), request.get(GatewayRoutes.CORRELATION_ID)));
        if (result.status() == 200) {
            return Response.ok(result.body(), MediaType.APPLICATION_JSON).build();
        }
        if (result.status() == 503 || result.status() == 504 || result.body() == null) {
            throw Problems.of(result.status() == 504 ? 504 : 503, result.status() == 504 ? "service-timeout" : "service-unavailable",
                    "pupil-service unavailable", "pupil-service did not answer; the growth document needs the pupil");
        }
        // the pupil refused (403, 404, 401): pupil-service's own problem, unchanged
        return Response.status(result.status()).type("application/problem+json").entity(result.body()).build();
    }

    /** The document's shape, for the contract; parts are the services' own schemas (see their contracts). */
    @Schema(name = "GrowthDocument")
    public record GrowthDocumentSchema(
            @Schema(format = "uuid") String pupilId,
            @Schema(format = "date", nullable = true) String asOf,
            @Schema(format = "date-time") String composedAt,
            @Schema(description = "pupil-service's pupil") Object pupil,
            @Schema(description = "support-level-service's current level, or unavailable") Object supportLevel,
            @Schema(description = "support-level-service's level history, or unavailable") Object supportLevelHistory,
            @Schema(description = "support-level-service's interventions, or unavailable") Object interventions,
            @Schema(description = "opp-service's plans of the pupil, or unavailable") Object opps,
            @Schema(description = "opp-service's current plan whole (versions, goals), null without a plan, or unavailable") Object opp,
            @Schema(description = "support-team-service's cases of meetings that discussed the pupil, or unavailable") Object cases,
            @Schema(description = "consent-service's consent requests, or unavailable") Object consents) {
    }
}
