package nl.passend.pupil.api;

import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.Cursor;
import nl.passend.platform.http.ETags;
import nl.passend.platform.http.Page;
import nl.passend.platform.http.Params;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.api.model.Requests.AccountLink;
import nl.passend.pupil.api.model.Requests.Leaving;
import nl.passend.pupil.api.model.Requests.ProfessionalLinkRequest;
import nl.passend.pupil.api.model.Requests.PupilBatchRequest;
import nl.passend.pupil.api.model.Requests.PupilUpdate;
import nl.passend.pupil.api.model.Responses.AccessLogEntry;
import nl.passend.pupil.api.model.Responses.BatchResult;
import nl.passend.pupil.api.model.Responses.EnrolmentResponse;
import nl.passend.pupil.api.model.Responses.GuardianResponse;
import nl.passend.pupil.api.model.Responses.ProfessionalLinkResponse;
import nl.passend.pupil.api.model.Responses.PupilResponse;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.mapping.PupilMapper;
import nl.passend.pupil.mapping.PupilRequestMapper;
import nl.passend.pupil.service.GuardianAccounts;
import nl.passend.pupil.service.ProfessionalLinks;
import nl.passend.pupil.service.PupilChanges;
import nl.passend.pupil.service.PupilPage;
import nl.passend.pupil.service.PupilReads;
import nl.passend.pupil.service.PupilSync;
import nl.passend.pupil.service.PupilView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pupils: the student information system's batch upsert and delta sync, and per-pupil reads and
 * changes. Every pupil is checked against the caller (school, own child, linked professional); one
 * the caller may not see is answered 404.
 */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pupils")
public class PupilResource {

    static final String[] READERS = {Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR, Roles.TEACHER,
            Roles.CARE_PROFESSIONAL, Roles.PARENT};

    static final String AS_OF_RULES = " A day yyyy-MM-dd, today at the latest: a later day, or anything but a date, is answered 400 (empty is the same as absent). Who may read it is decided as for the read without asOf, and the read is audited with the day. pupil-service keeps the enrolments' dates, not when they were entered: the day's state follows from the start and end dates (a leaving entered late counts from its end date).";
    static final String AS_OF_PUPIL = "Show the pupil as it stood at the end of this day (Europe/Amsterdam): schoolCode, externalId and status of the enrolment the pupil was at that day (ACTIVE until the day before the end date, LEFT from it; after a move, the new school from its start date). Names, birth date and ECK iD are as recorded now; the group fields are absent, since groups keep no history; version and updatedAt are the record's now, and no ETag is sent. 404 when Passend did not know the pupil by that day or no enrolment had started by then." + AS_OF_RULES;
    static final String AS_OF_ENROLMENTS = "Show the enrolments as they stood at the end of this day (Europe/Amsterdam): those started on or before the day, oldest first; endDate, destination and destinationSchoolCode only when the end date is on or before the day. Empty before the first, or when Passend did not know the pupil by then." + AS_OF_RULES;

    @Inject
    Clock clock;

    @Inject
    PupilSync sync;

    @Inject
    PupilReads reads;

    @Inject
    PupilChanges changes;

    @Inject
    GuardianAccounts accounts;

    @Inject
    ProfessionalLinks professionals;

    @Inject
    PupilMapper mapper;

    @Inject
    PupilRequestMapper input;

    @POST
    @Path("schools/{schoolCode}/pupils/batch")
    @RolesAllowed({Roles.SIS_CLIENT, Roles.ADMIN})
    @Operation(operationId = "upsertPupils", summary = "Upsert a batch of pupils (student information system)",
            description = "Up to 1,000 pupils of one school, keyed by the caller's own externalId. All or nothing: one invalid item rejects the whole batch. Idempotent: sending the same batch again changes nothing and publishes no events. A pupil whose ECK iD is known at another school moves here; the old enrolment ends.")
    public BatchResult upsert(@PathParam("schoolCode") String schoolCode,
            @NotNull @Valid PupilBatchRequest request) {
        return mapper.toResponse(sync.upsert(schoolCode, input.toSynced(request.pupils())));
    }

    @GET
    @Path("schools/{schoolCode}/pupils")
    @RolesAllowed({Roles.SIS_CLIENT, Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER})
    @Operation(operationId = "listSchoolPupils", summary = "List a school's pupils for delta sync",
            description = "Ordered by (updatedAt, id). Pass nextCursor back as cursor to continue; hasMore tells whether to read on at once. A cursor never skips a pupil written while you read. Staff see only pupils currently at the school; the school's student information system and admins also see those who left.")
    public Page<PupilResponse> list(@PathParam("schoolCode") String schoolCode,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("updatedSince") @Parameter(description = "only pupils changed at or after this moment",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String updatedSince,
            @QueryParam("size") @Parameter(description = "page size",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            String size) {
        PupilPage page = reads.page(schoolCode, Cursor.decode(cursor),
                Params.instant(updatedSince, "updatedSince"), Params.integer(size, "size", 1, 200, 50));
        return new Page<>(page.items().stream().map(mapper::toResponse).toList(),
                page.next() == null ? null : page.next().encode(), page.hasMore());
    }

    @GET
    @Path("pupils/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR, Roles.TEACHER,
            Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "getPupil", summary = "Read a pupil")
    @APIResponse(responseCode = "200", description = "The pupil; without asOf its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = PupilResponse.class)))
    public Response get(@PathParam("id") String id,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_PUPIL,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID pupilId = Params.uuid(id, "id");
        return AsOf.orNow(asOf, clock, day -> Response.ok(mapper.toResponse(reads.get(pupilId, day))).build(), // no If-Match
                () -> withETag(reads.get(pupilId)));
    }

    @PUT
    @Path("pupils/{id}")
    @RolesAllowed({Roles.SIS_CLIENT, Roles.ADMIN})
    @Operation(operationId = "updatePupil", summary = "Change a pupil",
            description = "Requires If-Match with the pupil's current ETag.")
    @APIResponse(responseCode = "200", description = "The changed pupil; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = PupilResponse.class)))
    public Response update(@PathParam("id") String id, @NotNull @Valid PupilUpdate update,
            @HeaderParam("If-Match") String ifMatch) {
        return withETag(changes.update(Params.uuid(id, "id"), input.toDetails(update),
                ETags.expected(ifMatch)));
    }

    @POST
    @Path("pupils/{id}/leave")
    @RolesAllowed({Roles.SIS_CLIENT, Roles.ADMIN})
    @Operation(operationId = "recordLeaving", summary = "Record that a pupil left the school",
            description = "With the destination (another school, SBO, SO, VO, abroad, none/at home, other); requires If-Match. The school's staff lose access from the leaving date.")
    @APIResponse(responseCode = "200", description = "The pupil; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = PupilResponse.class)))
    public Response leave(@PathParam("id") String id, @NotNull @Valid Leaving leaving,
            @HeaderParam("If-Match") String ifMatch) {
        return withETag(changes.leave(Params.uuid(id, "id"), input.toDeparture(leaving),
                ETags.expected(ifMatch)));
    }

    @GET
    @Path("pupils/{id}/enrolments")
    @RolesAllowed({Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR, Roles.TEACHER,
            Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "listEnrolments", summary = "A pupil's enrolments, with leaving dates and destinations")
    public List<EnrolmentResponse> enrolments(@PathParam("id") String id,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_ENROLMENTS,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID pupilId = Params.uuid(id, "id");
        return AsOf.orNow(asOf, clock, day -> reads.enrolments(pupilId, day).stream().map(mapper::toResponse).toList(),
                () -> reads.enrolments(pupilId).stream().map(mapper::toResponse).toList());
    }

    @GET
    @Path("pupils/{id}/guardians")
    @RolesAllowed({Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT})
    @Operation(operationId = "listGuardians", summary = "A pupil's guardians")
    public List<GuardianResponse> guardians(@PathParam("id") String id) {
        return reads.guardians(Params.uuid(id, "id")).stream().map(mapper::toResponse).toList();
    }

    @PUT
    @Path("pupils/{id}/guardians/{guardianId}/account")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "linkGuardianAccount", summary = "Link a guardian to their login (IB'er)",
            description = "The guardian's accountId is the subject of their token; a guardian with parental authority then sees their child. Requires If-Match with the guardian's ETag when already linked.")
    @APIResponse(responseCode = "200", description = "The guardian; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = GuardianResponse.class)))
    public Response linkAccount(@PathParam("id") String id, @PathParam("guardianId") String guardianId,
            @NotNull @Valid AccountLink link, @HeaderParam("If-Match") String ifMatch) {
        Guardian guardian = accounts.link(Params.uuid(id, "id"), Params.uuid(guardianId, "guardianId"),
                link.accountId(), ETags.expected(ifMatch));
        return Response.ok(mapper.toResponse(guardian)).tag(ETags.of(guardian.version)).build();
    }

    @DELETE
    @Path("pupils/{id}/guardians/{guardianId}/account")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "unlinkGuardianAccount", summary = "Remove a guardian's login link (IB'er)")
    @APIResponse(responseCode = "200", description = "The guardian; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = GuardianResponse.class)))
    public Response unlinkAccount(@PathParam("id") String id, @PathParam("guardianId") String guardianId,
            @HeaderParam("If-Match") String ifMatch) {
        Guardian guardian = accounts.unlink(Params.uuid(id, "id"), Params.uuid(guardianId, "guardianId"),
                ETags.expected(ifMatch));
        return Response.ok(mapper.toResponse(guardian)).tag(ETags.of(guardian.version)).build();
    }

    @GET
    @Path("pupils/{id}/professionals")
    @RolesAllowed({Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "listProfessionalLinks", summary = "The care professionals linked to a pupil")
    public List<ProfessionalLinkResponse> professionals(@PathParam("id") String id) {
        return reads.professionals(Params.uuid(id, "id")).stream().map(mapper::toResponse).toList();
    }

    @POST
    @Path("pupils/{id}/professionals")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "linkProfessional", summary = "Link a care professional to a pupil (IB'er)",
            description = "Need to know: the professional then sees this pupil and no other.")
    @APIResponse(responseCode = "201", description = "The link",
            content = @Content(schema = @Schema(implementation = ProfessionalLinkResponse.class)))
    public Response link(@PathParam("id") String id, @NotNull @Valid ProfessionalLinkRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(mapper.toResponse(professionals.link(Params.uuid(id, "id"), request.accountId(),
                        request.discipline()))).build();
    }

    @DELETE
    @Path("pupils/{id}/professionals/{linkId}")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "unlinkProfessional", summary = "Unlink a care professional from a pupil (IB'er)")
    @APIResponse(responseCode = "204", description = "Unlinked")
    public Response unlink(@PathParam("id") String id, @PathParam("linkId") String linkId) {
        professionals.unlink(Params.uuid(id, "id"), Params.uuid(linkId, "linkId"));
        return Response.noContent().build();
    }

    @GET
    @Path("pupils/{id}/access-log")
    @RolesAllowed({Roles.PARENT, Roles.IB, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(operationId = "getAccessLog", summary = "Who read or changed this pupil's data",
            description = "Newest first; for the parents, the IB'er, the director and admins.")
    public List<AccessLogEntry> accessLog(@PathParam("id") String id,
            @QueryParam("limit") @Parameter(description = "at most this many entries",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            String limit) {
        return reads.accessLog(Params.uuid(id, "id"), Params.integer(limit, "limit", 1, 1000, 100)).stream()
                .map(mapper::toResponse).toList();
    }

    @GET
    @Path("me/children")
    @RolesAllowed(Roles.PARENT)
    @Operation(operationId = "listMyChildren", summary = "The signed-in parent's own children")
    public List<PupilResponse> children() {
        return reads.children().stream().map(mapper::toResponse).toList();
    }

    private Response withETag(PupilView view) {
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.pupil().version)).build();
    }
}
