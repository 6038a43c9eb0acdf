package nl.passend.team.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import nl.passend.platform.http.ETags;
import nl.passend.platform.http.Params;
import nl.passend.platform.security.Roles;
import nl.passend.team.api.model.Requests.AdviceInput;
import nl.passend.team.api.model.Requests.ArrangementInput;
import nl.passend.team.api.model.Requests.DecisionInput;
import nl.passend.team.api.model.Requests.EndInput;
import nl.passend.team.api.model.Requests.ObjectionInput;
import nl.passend.team.api.model.Requests.TlvInput;
import nl.passend.team.api.model.Responses.ArrangementResponse;
import nl.passend.team.api.model.Responses.TlvResponse;
import nl.passend.team.config.TeamConfig;
import nl.passend.team.domain.Arrangement;
import nl.passend.team.domain.TlvRequest;
import nl.passend.team.domain.TlvStatus;
import nl.passend.team.mapping.TeamMapper;
import nl.passend.team.service.ArrangementService;
import nl.passend.team.service.ArrangementService.NewArrangement;
import nl.passend.team.service.TlvService;
import nl.passend.team.service.TlvService.Decision;
import nl.passend.team.service.TlvService.NewAdvice;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Arrangements and TLV requests. Anything the caller may not see is answered 404; changes need If-Match. */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Arrangements and TLV")
public class ReferralResource {

    @Inject
    ArrangementService arrangements;

    @Inject
    TlvService tlvs;

    @Inject
    TeamConfig config;

    @Inject
    TeamMapper mapper;

    @POST
    @Path("pupils/{pupilId}/arrangements")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "startArrangement", summary = "Record an arrangement granted for a pupil (the school's IB'er or director)",
            description = "Extra support granted by the school's board or the SWV (fundingSource), from startDate, open-ended without endDate. Publishes nl.passend.team.arrangement-started.v1: the OPP is due within 6 weeks.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ArrangementResponse.class)))
    public Response startArrangement(@PathParam("pupilId") String pupilId, @NotNull @Valid ArrangementInput in) {
        Arrangement a = arrangements.start(Params.uuid(pupilId, "pupilId"), new NewArrangement(in.kind(),
                in.fundingSource(), in.startDate(), in.endDate(), in.description(), in.caseId()));
        return Response.created(URI.create("/arrangements/" + a.id)).tag(ETags.of(a.version))
                .entity(mapper.toResponse(a)).build();
    }

    @GET
    @Path("pupils/{pupilId}/arrangements")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT})
    @Operation(operationId = "listPupilArrangements", summary = "A pupil's arrangements, newest first", description = "For the school's staff and the pupil's parents.")
    public List<ArrangementResponse> arrangementsOf(@PathParam("pupilId") String pupilId) {
        return mapper.toArrangements(arrangements.ofPupil(Params.uuid(pupilId, "pupilId")));
    }

    @GET
    @Path("arrangements/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT})
    @Operation(operationId = "getArrangement", summary = "One arrangement")
    @APIResponse(responseCode = "200", description = "The arrangement", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ArrangementResponse.class)))
    public Response arrangement(@PathParam("id") String id) {
        Arrangement a = arrangements.get(Params.uuid(id, "id"));
        return Response.ok(mapper.toResponse(a)).tag(ETags.of(a.version)).build();
    }

    @POST
    @Path("arrangements/{id}/end")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "endArrangement", summary = "End an arrangement", description = "Publishes nl.passend.team.arrangement-ended.v1.")
    @APIResponse(responseCode = "200", description = "Ended", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ArrangementResponse.class)))
    public Response endArrangement(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EndInput in) {
        Arrangement a = arrangements.end(Params.uuid(id, "id"), ETags.expected(ifMatch), in.endDate());
        return Response.ok(mapper.toResponse(a)).tag(ETags.of(a.version)).build();
    }

    @POST
    @Path("pupils/{pupilId}/tlv-requests")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "prepareTlvRequest", summary = "Prepare a TLV request for SBO or SO (the IB'er)",
            description = "One request in preparation or waiting for the SWV per pupil. Advices may come now or later; each by another expert.")
    @APIResponse(responseCode = "201", description = "In preparation", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TlvResponse.class)))
    public Response prepare(@PathParam("pupilId") String pupilId, @NotNull @Valid TlvInput in) {
        List<NewAdvice> advices = in.advices() == null ? List.of() : in.advices().stream().map(ReferralResource::toAdvice).toList();
        TlvRequest t = tlvs.prepare(Params.uuid(pupilId, "pupilId"), in.target(), in.motivation(), advices);
        return Response.created(URI.create("/tlv-requests/" + t.id)).tag(ETags.of(t.version)).entity(toResponse(t)).build();
    }

    @GET
    @Path("pupils/{pupilId}/tlv-requests")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.PARENT, Roles.SWV_CONSULTANT, Roles.BOARD})
    @Operation(operationId = "listPupilTlvRequests", summary = "A pupil's TLV requests, newest first",
            description = "For the school's IB'er and director and the pupil's parents; the SWV's deciders see those submitted to them.")
    public List<TlvResponse> tlvsOf(@PathParam("pupilId") String pupilId) {
        return tlvs.ofPupil(Params.uuid(pupilId, "pupilId")).stream().map(this::toResponse).toList();
    }

    @GET
    @Path("tlv-requests/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.PARENT, Roles.SWV_CONSULTANT, Roles.BOARD})
    @Operation(operationId = "getTlvRequest", summary = "One TLV request")
    @APIResponse(responseCode = "200", description = "The request", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TlvResponse.class)))
    public Response tlv(@PathParam("id") String id) {
        TlvRequest t = tlvs.get(Params.uuid(id, "id"));
        return Response.ok(toResponse(t)).tag(ETags.of(t.version)).build();
    }

    @POST
    @Path("tlv-requests/{id}/advices")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "addTlvAdvice", summary = "Add an expert's written advice (the IB'er, while in preparation)",
            description = "A second advice by the same expert (same registration, or same name without one) is refused (422 same-expert).")
    @APIResponse(responseCode = "200", description = "Added", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TlvResponse.class)))
    public Response addAdvice(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AdviceInput in) {
        TlvRequest t = tlvs.addAdvice(Params.uuid(id, "id"), ETags.expected(ifMatch), toAdvice(in));
        return Response.ok(toResponse(t)).tag(ETags.of(t.version)).build();
    }

    @POST
    @Path("tlv-requests/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DIRECTOR)
    @Operation(operationId = "submitTlvRequest", summary = "Submit the request to the SWV for the board (the director)",
            description = "Needs two written advices by two different experts, at least one an orthopedagoog or psycholoog (422 otherwise). Publishes nl.passend.team.tlv-requested.v1.")
    @APIResponse(responseCode = "200", description = "Submitted", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TlvResponse.class)))
    public Response submit(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TlvRequest t = tlvs.submit(Params.uuid(id, "id"), ETags.expected(ifMatch));
        return Response.ok(toResponse(t)).tag(ETags.of(t.version)).build();
    }

    @POST
    @Path("tlv-requests/{id}/decision")
    @Operation(operationId = "decideTlvRequest", summary = "The SWV's decision",
            description = "By the role the SWV configured (by default swv-consultant) with the SWV in the token; any other role gets 403. GRANTED with a category that fits the request (SBO; SO_LOW, SO_MEDIUM, SO_HIGH), a start and a later end date; REFUSED with a reason. Records the issuing SWV and publishes nl.passend.team.tlv-decided.v1.")
    @APIResponse(responseCode = "200", description = "Decided", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TlvResponse.class)))
    public Response decide(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DecisionInput in) {
        TlvRequest t = tlvs.decide(Params.uuid(id, "id"), ETags.expected(ifMatch), new Decision(in.outcome(), in.category(),
                in.startDate(), in.endDate(), in.reason(), in.decidedOn()));
        return Response.ok(toResponse(t)).tag(ETags.of(t.version)).build();
    }

    @POST
    @Path("tlv-requests/{id}/objection")
    @RolesAllowed({Roles.PARENT, Roles.DIRECTOR})
    @Operation(operationId = "objectToTlvDecision", summary = "Lodge an objection to the decision (the parents or the director), within 6 weeks")
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = TlvResponse.class)))
    public Response object(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ObjectionInput in) {
        TlvRequest t = tlvs.object(Params.uuid(id, "id"), ETags.expected(ifMatch), in.lodgedOn(), in.grounds());
        return Response.ok(toResponse(t)).tag(ETags.of(t.version)).build();
    }

    @GET
    @Path("swvs/{swvCode}/tlv-requests")
    @Operation(operationId = "listSwvTlvRequests", summary = "The TLV requests submitted to an SWV, for its deciders",
            description = "Oldest submission first; status filters (SUBMITTED, GRANTED, REFUSED), all of them by default.")
    public List<TlvResponse> ofSwv(@PathParam("swvCode") String swvCode,
            @QueryParam("status") @Parameter(description = "SUBMITTED, GRANTED or REFUSED; may repeat") List<String> status) {
        List<TlvStatus> statuses = new ArrayList<>();
        if (status != null) {
            status.forEach(s -> statuses.add(Params.enumValue(TlvStatus.class, s, "status")));
        }
        return tlvs.ofSwv(swvCode, statuses).stream().map(this::toResponse).toList();
    }

    private TlvResponse toResponse(TlvRequest t) {
        return mapper.toResponse(t, Period.ofDays((int) config.tlv().objectionPeriod().toDays()));
    }

    private static NewAdvice toAdvice(AdviceInput in) {
        return new NewAdvice(in.expertName(), in.discipline(), in.registration(), in.givenOn(), in.summary());
    }
}
