package nl.passend.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import nl.passend.platform.http.Params;
import nl.passend.platform.security.Roles;
import nl.passend.reporting.api.model.Responses.FeedStatus;
import nl.passend.reporting.api.model.Responses.RebuildStatus;
import nl.passend.reporting.api.model.Responses;
import nl.passend.reporting.domain.Rebuild;
import nl.passend.reporting.service.Rebuilds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operating the projections: how far the feed is, and rebuilding them by replaying every topic. */
@Path("/")
@Tag(name = "Projections")
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    @Inject
    Rebuilds rebuilds;

    @Inject
    Clock clock;

    @POST
    @Path("rebuilds")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestRebuild", summary = "Rebuild the projections from the topics", description = "Empties the projections and replays every topic from its beginning; events about erased pupils are skipped, published reports stay. 202 with the rebuild, whose progress GET /rebuilds/{id} shows; 409 rebuild-running while one is under way.")
    @APIResponse(responseCode = "202", description = "The rebuild, started; Location is its progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    public Response request() {
        Rebuild r = rebuilds.request();
        return Response.accepted(status(r)).location(URI.create("/rebuilds/" + r.id)).build();
    }

    @GET
    @Path("rebuilds/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRebuild", summary = "A rebuild's progress", description = "State REQUESTED, RUNNING or FINISHED, events replayed of the total, and the rate.")
    public RebuildStatus rebuild(@PathParam("id") String id) {
        return status(rebuilds.get(Params.uuid(id, "id")));
    }

    @GET
    @Path("feed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFeedStatus", summary = "How far the projections are", description = "The records on the topics not applied yet, and the next offset per topic partition.")
    public FeedStatus feed() {
        return new FeedStatus(rebuilds.behind(), rebuilds.positions());
    }

    private RebuildStatus status(Rebuild r) {
        return new RebuildStatus(r.id, r.state, r.requestedAt, r.startedAt, r.finishedAt, r.eventsTotal,
                r.eventsApplied, r.percent(), r.eventsPerSecond(Instant.now(clock)));
    }
}
