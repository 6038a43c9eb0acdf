package nl.passend.gateway.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.passend.events.EventType;
import nl.passend.gateway.api.model.Responses.ChangeResponse;
import nl.passend.gateway.mapping.WebhookMapper;
import nl.passend.gateway.service.ChangeFeed;
import nl.passend.gateway.service.ChangeFeed.ChangePage;
import nl.passend.platform.http.Page;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One change feed per school for student information systems: every event about the school as an entry, in the
 * order the gateway received them, after an opaque cursor (services/gateway/README.md). One of the gateway's own
 * paths ({@code passend.gateway.own-paths}).
 */
@Path("/api/v1/schools/{code}/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "What changed at your schools, as one feed to poll: the same events as the webhooks, without contents")
public class ChangeResource {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;
    private static final String CURSOR_PREFIX = "changes:";

    @Inject
    ChangeFeed feed;

    @Inject
    WebhookMapper mapper;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "listSchoolChanges", summary = "A school's changes, in the order they arrived",
            description = "Each entry names an object of the school (its kind, id, pupil), what happened to it (UPSERTED, DELETED, ERASED), when, and the event type; read the object itself at href. Pass nextCursor back as cursor: the next page starts after the last entry, and a page with no new entries keeps the cursor, so poll with it. A cursor never skips an entry that was still being written. The school must be in your token's schools claim (404 otherwise). After a pupil's erasure its earlier entries have no ids any more and an ERASED entry carries the pupil id.")
    public Page<ChangeResponse> list(@PathParam("code") String code,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page; none: from the start") String cursor,
            @QueryParam("types") @Parameter(description = "only these event types, comma-separated, e.g. nl.passend.pupil.enrolled.v1,nl.passend.opp.established.v1")
            String types,
            @QueryParam("size") @Parameter(description = "page size",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            String size) {
        ChangePage page = feed.page(caller.schools(), code, decode(cursor), eventTypes(types),
                Params.integer(size, "size", 1, MAX_SIZE, DEFAULT_SIZE));
        return new Page<>(mapper.toChangeResponses(page.entries()), encode(page.last()), page.hasMore());
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            long seq = raw.startsWith(CURSOR_PREFIX) ? Long.parseLong(raw.substring(CURSOR_PREFIX.length())) : -1;
            if (seq >= 0) {
                return seq;
            }
        } catch (IllegalArgumentException e) {
            // below: not one of ours
        }
        throw Problems.badRequest("invalid-cursor", "cursor is not one this API handed out");
    }

    private static Set<String> eventTypes(String types) {
        Set<String> wanted = new LinkedHashSet<>();
        if (types == null) {
            return wanted;
        }
        for (String type : types.split(",")) {
            String each = type.strip();
            if (each.isEmpty()) {
                continue;
            }
            if (EventType.byType(each).isEmpty()) {
                throw Problems.badRequest("invalid-parameter", "types: '" + each
                        + "' is not an event type of Passend's catalogue (api-specs/asyncapi/passend-events.yaml)");
            }
            wanted.add(each);
        }
        return wanted;
    }
}
