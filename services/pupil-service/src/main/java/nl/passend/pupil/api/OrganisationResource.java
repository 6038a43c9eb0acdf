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
import nl.passend.pupil.api.Requests.BoardRequest;
import nl.passend.pupil.api.Requests.SchoolRequest;
import nl.passend.pupil.api.Requests.SwvRequest;
import nl.passend.pupil.api.Responses.BoardResponse;
import nl.passend.pupil.api.Responses.GroupResponse;
import nl.passend.pupil.api.Responses.SchoolResponse;
import nl.passend.pupil.api.Responses.SwvResponse;
import nl.passend.pupil.mapping.PupilMapper;
import nl.passend.pupil.service.OrganisationService;
import nl.passend.pupil.service.OrganisationService.Saved;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SWVs, boards and schools: readable by every signed-in user, registered and changed by an admin. */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private static final String CODE = "^[0-9A-Za-z.-]{1,20}$";

    @Inject
    OrganisationService service;

    @Inject
    PupilMapper mapper;

    @GET
    @Path("swvs")
    public List<SwvResponse> swvs() {
        return service.allSwvs().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("swvs/{code}")
    public Response swv(@PathParam("code") String code) {
        var swv = service.swv(code);
        return Response.ok(mapper.toResponse(swv)).tag(ETags.of(swv.version)).build();
    }

    @PUT
    @Path("swvs/{code}")
    @RolesAllowed(Roles.ADMIN)
    public Response putSwv(@PathParam("code") @Pattern(regexp = CODE) String code,
            @NotNull @Valid SwvRequest request, @HeaderParam("If-Match") String ifMatch) {
        Saved<nl.passend.pupil.domain.Swv> saved = service.putSwv(code, request, ifMatch);
        return saved(saved, mapper.toResponse(saved.entity()), saved.entity().version);
    }

    @GET
    @Path("boards")
    public List<BoardResponse> boards() {
        return service.allBoards().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("boards/{code}")
    public Response board(@PathParam("code") String code) {
        var board = service.board(code);
        return Response.ok(mapper.toResponse(board)).tag(ETags.of(board.version)).build();
    }

    @PUT
    @Path("boards/{code}")
    @RolesAllowed(Roles.ADMIN)
    public Response putBoard(@PathParam("code") @Pattern(regexp = CODE) String code,
            @NotNull @Valid BoardRequest request, @HeaderParam("If-Match") String ifMatch) {
        Saved<nl.passend.pupil.domain.Board> saved = service.putBoard(code, request, ifMatch);
        return saved(saved, mapper.toResponse(saved.entity()), saved.entity().version);
    }

    @GET
    @Path("schools")
    public List<SchoolResponse> schools() {
        return service.allSchools().stream().map(mapper::toResponse).toList();
    }

    @GET
    @Path("schools/{code}")
    public Response school(@PathParam("code") String code) {
        var school = service.school(code);
        return Response.ok(mapper.toResponse(school)).tag(ETags.of(school.version)).build();
    }

    @PUT
    @Path("schools/{code}")
    @RolesAllowed(Roles.ADMIN)
    public Response putSchool(@PathParam("code") @Pattern(regexp = Requests.SCHOOL_CODE) String code,
            @NotNull @Valid SchoolRequest request, @HeaderParam("If-Match") String ifMatch) {
        Saved<nl.passend.pupil.domain.School> saved = service.putSchool(code, request, ifMatch);
        return saved(saved, mapper.toResponse(saved.entity()), saved.entity().version);
    }

    @GET
    @Path("schools/{code}/groups")
    public List<GroupResponse> groups(@PathParam("code") String code) {
        return service.groupsOf(code).stream().map(mapper::toResponse).toList();
    }

    private static Response saved(Saved<?> saved, Object body, long version) {
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(body).tag(ETags.of(version)).build();
    }
}
