package nl.passend.pupil.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.passend.platform.http.ETags;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.api.model.Requests.BoardRequest;
import nl.passend.pupil.api.model.Requests.SchoolRequest;
import nl.passend.pupil.api.model.Requests.SwvRequest;
import nl.passend.pupil.api.model.Requests;
import nl.passend.pupil.api.model.Responses.BoardResponse;
import nl.passend.pupil.api.model.Responses.GroupResponse;
import nl.passend.pupil.api.model.Responses.SchoolResponse;
import nl.passend.pupil.api.model.Responses.SwvResponse;
import nl.passend.pupil.domain.Board;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.domain.Swv;
import nl.passend.pupil.mapping.PupilMapper;
import nl.passend.pupil.mapping.PupilRequestMapper;
import nl.passend.pupil.service.OrganisationRegister.Saved;
import nl.passend.pupil.service.OrganisationRegister;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SWVs, boards and schools: readable by every signed-in user, registered and changed by an admin. */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private static final String CODE = "^[0-9A-Za-z.-]{1,20}$";

    @Inject
    OrganisationRegister register;

    @Inject
    PupilMapper mapper;

    @Inject
    PupilRequestMapper input;

    @GET
    @Path("swvs")
    @Operation(operationId = "listSwvs", summary = "All samenwerkingsverbanden")
    public List<SwvResponse> swvs() {
        return register.allSwvs().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("swvs/{code}")
    @Operation(operationId = "getSwv", summary = "Read an SWV")
    @APIResponse(responseCode = "200", description = "The SWV; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = SwvResponse.class)))
    public Response swv(@PathParam("code") String code) {
        var swv = register.swv(code);
        return Response.ok(mapper.toResponse(swv)).tag(ETags.of(swv.version)).build();
    }

    @PUT
    @Path("swvs/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putSwv", summary = "Register or change an SWV (admin)",
            description = "Creating needs no If-Match; changing requires If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "Changed; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = SwvResponse.class)))
    @APIResponse(responseCode = "201", description = "Registered; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = SwvResponse.class)))
    public Response putSwv(@PathParam("code") @Pattern(regexp = CODE) String code,
            @NotNull @Valid SwvRequest request, @HeaderParam("If-Match") String ifMatch) {
        Saved<Swv> saved = register.putSwv(code, request.name(), ETags.expected(ifMatch));
        return saved(saved, mapper.toResponse(saved.entity()), saved.entity().version);
    }

    @GET
    @Path("boards")
    @Operation(operationId = "listBoards", summary = "All school boards")
    public List<BoardResponse> boards() {
        return register.allBoards().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("boards/{code}")
    @Operation(operationId = "getBoard", summary = "Read a school board")
    @APIResponse(responseCode = "200", description = "The board; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = BoardResponse.class)))
    public Response board(@PathParam("code") String code) {
        var board = register.board(code);
        return Response.ok(mapper.toResponse(board)).tag(ETags.of(board.version)).build();
    }

    @PUT
    @Path("boards/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putBoard", summary = "Register or change a school board (admin)",
            description = "Creating needs no If-Match; changing requires If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "Changed; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = BoardResponse.class)))
    @APIResponse(responseCode = "201", description = "Registered; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = BoardResponse.class)))
    public Response putBoard(@PathParam("code") @Pattern(regexp = CODE) String code,
            @NotNull @Valid BoardRequest request, @HeaderParam("If-Match") String ifMatch) {
        Saved<Board> saved = register.putBoard(code, request.name(), ETags.expected(ifMatch));
        return saved(saved, mapper.toResponse(saved.entity()), saved.entity().version);
    }

    @GET
    @Path("schools")
    @Operation(operationId = "listSchools", summary = "All schools")
    public List<SchoolResponse> schools() {
        return register.allSchools().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("schools/{code}")
    @Operation(operationId = "getSchool", summary = "Read a school")
    @APIResponse(responseCode = "200", description = "The school; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    public Response school(@PathParam("code") String code) {
        var school = register.school(code);
        return Response.ok(mapper.toResponse(school)).tag(ETags.of(school.version)).build();
    }

    @PUT
    @Path("schools/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putSchool", summary = "Register or change a school (admin)",
            description = "The code is BRIN + vestiging. Creating needs no If-Match; changing requires If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "Changed; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "201", description = "Registered; its ETag header carries the version for If-Match",
            content = @Content(schema = @Schema(implementation = SchoolResponse.class)))
    public Response putSchool(@PathParam("code") @Pattern(regexp = Requests.SCHOOL_CODE) String code,
            @NotNull @Valid SchoolRequest request, @HeaderParam("If-Match") String ifMatch) {
        Saved<School> saved = register.putSchool(code, input.toDetails(request), ETags.expected(ifMatch));
        return saved(saved, mapper.toResponse(saved.entity()), saved.entity().version);
    }

    @GET
    @Path("schools/{code}/groups")
    @Operation(operationId = "listSchoolGroups", summary = "A school's groups")
    public List<GroupResponse> groups(@PathParam("code") String code) {
        return register.groupsOf(code).stream().map(mapper::toResponse).toList();
    }

    private static Response saved(Saved<?> saved, Object body, long version) {
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(body).tag(ETags.of(version)).build();
    }
}
