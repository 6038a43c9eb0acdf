package nl.passend.opp.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.api.model.Requests.ClosureInput;
import nl.passend.opp.api.model.Requests.DocumentInput;
import nl.passend.opp.api.model.Requests.DueInput;
import nl.passend.opp.api.model.Requests.EvaluationInput;
import nl.passend.opp.api.model.Requests.PlanInput;
import nl.passend.opp.api.model.Requests.ViewInput;
import nl.passend.opp.api.model.Responses.DueResponse;
import nl.passend.opp.api.model.Responses.PlanResponse;
import nl.passend.opp.api.model.Responses.PlanSummary;
import nl.passend.opp.api.model.Responses.VersionResponse;
import nl.passend.opp.mapping.OppMapper;
import nl.passend.opp.service.OppDueDates;
import nl.passend.opp.service.OppPdf;
import nl.passend.opp.service.PlanClosing;
import nl.passend.opp.service.PlanDrafting;
import nl.passend.opp.service.PlanEstablishment;
import nl.passend.opp.service.PlanEvaluation;
import nl.passend.opp.service.PlanReads;
import nl.passend.opp.service.PlanView;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.ETags;
import nl.passend.platform.http.Params;
import nl.passend.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A pupil's OPP: drafting and revising versions, asking the parents' consent, establishment by the
 * director, evaluations, views and documents. Every change needs {@code If-Match} with the plan's
 * ETag (428 without, 412 when stale). A plan the caller may not see is answered 404.
 */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "OPP")
public class OppResource {

    static final String READERS_DOC = "Readable by the pupil's school's teacher, IB'er, director and student information system, the pupil's parents, a care professional linked to the pupil, and an SWV consultant of the school's SWV while a SHARE_WITH_SWV consent is valid.";

    static final String AS_OF_RULES = " A day yyyy-MM-dd, today at the latest: a later day, or anything but a date, is answered 400 (empty is the same as absent). Who may read it is decided as for the read without asOf (today's access), and the read is audited with the day.";
    static final String AS_OF_STANDING = "As it stood means as recorded by the end of the day (Europe/Amsterdam): each version's status is replayed from its creation, the consent requests, the consent decisions that changed it, its establishment and evaluations, all as recorded by then; a closing counts from its closing date. inForceVersion is the latest version established by then, consent the request that counted then with its outcome then, and evaluations, views, decisions and documents are those recorded by then. updatedAt is absent and no ETag is sent. A draft's content keeps no history: a version that was a DRAFT then shows its content as it is now.";
    static final String AS_OF_PLANS = "Show the pupil's plans as they stood at the end of this day: those drawn up by then, each with its status, current version, version in force, attention and closing of that day. " + AS_OF_STANDING + " Empty before the first plan." + AS_OF_RULES;
    static final String AS_OF_PLAN = "Show the plan as it stood at the end of this day: its current version then whole, a line per version drawn up by then, and the documents linked by then. " + AS_OF_STANDING + " 404 when the plan had not been drawn up by then." + AS_OF_RULES;
    static final String AS_OF_VERSION = "Show the version as it stood at the end of this day: its status, consent, establishment, evaluations and views of then (a version replaced later still shows the status it had). " + AS_OF_STANDING + " 404 when the version had not been drawn up by then." + AS_OF_RULES;

    @Inject
    Clock clock;

    @Inject
    PlanReads reads;

    @Inject
    PlanDrafting drafting;

    @Inject
    PlanEstablishment establishment;

    @Inject
    PlanEvaluation evaluation;

    @Inject
    PlanClosing closing;

    @Inject
    OppDueDates dueDates;

    @Inject
    OppPdf pdf;

    @Inject
    OppMapper mapper;

    @POST
    @Path("pupils/{pupilId}/opps")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "createOpp", summary = "Draw up a new OPP for a pupil (version 1, DRAFT)",
            description = "By the teacher or IB'er of the pupil's school. A pupil has one open OPP at a time: revise it with a new version instead of starting another (409). Language and maths goals name their reference level (422 otherwise).")
    @APIResponse(responseCode = "201", description = "Drawn up", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    public Response create(@PathParam("pupilId") String pupilId, @NotNull @Valid PlanInput input) {
        PlanView view = drafting.create(Params.uuid(pupilId, "pupilId"), mapper.toDraft(input));
        return Response.created(URI.create("/opps/" + view.plan().id)).tag(ETags.of(view.plan().version))
                .entity(mapper.toResponse(view)).build();
    }

    @GET
    @Path("pupils/{pupilId}/opps")
    @RolesAllowed({Roles.TEACHER, Roles.IB, Roles.DIRECTOR, Roles.SIS_CLIENT, Roles.PARENT, Roles.CARE_PROFESSIONAL,
            Roles.SWV_CONSULTANT})
    @Operation(operationId = "listPupilOpps", summary = "A pupil's OPPs, newest first (without content)", description = READERS_DOC)
    public List<PlanSummary> ofPupil(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_PLANS,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(pupilId, "pupilId");
        return AsOf.orNow(asOf, clock, day -> reads.ofPupil(id, day).stream().map(mapper::toSummary).toList(),
                () -> mapper.toSummaries(reads.ofPupil(id)));
    }

    @GET
    @Path("opps/{planId}")
    @RolesAllowed({Roles.TEACHER, Roles.IB, Roles.DIRECTOR, Roles.SIS_CLIENT, Roles.PARENT, Roles.CARE_PROFESSIONAL,
            Roles.SWV_CONSULTANT})
    @Operation(operationId = "getOpp", summary = "An OPP with its current version whole", description = READERS_DOC
            + " The status is the current version's; inForceVersion is the latest established version.")
    @APIResponse(responseCode = "200", description = "The plan; without asOf its ETag header carries the version for If-Match",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    public Response get(@PathParam("planId") String planId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_PLAN,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(planId, "planId");
        return AsOf.orNow(asOf, clock, day -> Response.ok(mapper.toResponse(reads.get(id, day))).build(), // no If-Match
                () -> ok(reads.get(id)));
    }

    @GET
    @Path("opps/{planId}/versions/{number}")
    @RolesAllowed({Roles.TEACHER, Roles.IB, Roles.DIRECTOR, Roles.SIS_CLIENT, Roles.PARENT, Roles.CARE_PROFESSIONAL,
            Roles.SWV_CONSULTANT})
    @Operation(operationId = "getOppVersion", summary = "One version of an OPP: every version stays readable", description = READERS_DOC)
    public VersionResponse version(@PathParam("planId") String planId, @PathParam("number") String number,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_VERSION,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(planId, "planId");
        int n = version(number);
        return AsOf.orNow(asOf, clock, day -> mapper.toResponse(reads.version(id, n, day)),
                () -> mapper.toResponse(reads.version(id, n)));
    }

    @PUT
    @Path("opps/{planId}/versions/{number}")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "editOppVersion", summary = "Edit the current version while it is a DRAFT",
            description = "A version that left DRAFT is never edited (409): create a new version. In SO/SBO a change of the expected destination needs destinationDecision (the commissie van begeleiding's date and reference; 422 without).")
    public Response edit(@PathParam("planId") String planId, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid PlanInput input) {
        return ok(drafting.editDraft(Params.uuid(planId, "planId"), version(number), ETags.expected(ifMatch), mapper.toDraft(input)));
    }

    @POST
    @Path("opps/{planId}/versions")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "reviseOpp", summary = "Revise the plan as a new version (DRAFT)",
            description = "After the current version left DRAFT, e.g. to change an established plan or to go on after a refusal. The new version needs the parents' consent again; the established version stays in force until the new one is established.")
    @APIResponse(responseCode = "201", description = "The new version is the current one", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    public Response revise(@PathParam("planId") String planId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanInput input) {
        PlanView view = drafting.revise(Params.uuid(planId, "planId"), ETags.expected(ifMatch), mapper.toDraft(input));
        return Response.created(URI.create("/opps/" + view.plan().id + "/versions/" + view.plan().currentVersion))
                .tag(ETags.of(view.plan().version)).entity(mapper.toResponse(view)).build();
    }

    @POST
    @Path("opps/{planId}/versions/{number}/consent-request")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "requestOppConsent", summary = "Ask the parents' consent to the action part of the current version",
            description = "The request goes out as an event on passend.opp (purpose OPP_ACTION_PART, subject OPP, plan id, version); the version is IN_DIALOGUE until consent-service's decision comes back on passend.consent. Needs the agreement dialogue (OOGO) recorded first (422). Can be asked again for the same version after a refusal, expiry or withdrawal.")
    public Response requestConsent(@PathParam("planId") String planId, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(establishment.requestConsent(Params.uuid(planId, "planId"), version(number), ETags.expected(ifMatch)));
    }

    @POST
    @Path("opps/{planId}/versions/{number}/establishment")
    @RolesAllowed(Roles.DIRECTOR)
    @Operation(operationId = "establishOpp", summary = "Establish the current version (the director, for the board)",
            description = "Only after the parents consented (CONSENTED; 409 otherwise). Who established it and when are recorded; the version comes in force and the pupil's OPP clock is fulfilled.")
    public Response establish(@PathParam("planId") String planId, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(establishment.establish(Params.uuid(planId, "planId"), version(number), ETags.expected(ifMatch)));
    }

    @POST
    @Path("opps/{planId}/versions/{number}/evaluations")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "evaluateOpp", summary = "Record an evaluation of the version in force",
            description = "Progress on every goal of the version, what changes, and the pupil's and parents' views. Only an established version is evaluated (409 for a DRAFT).")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    public Response evaluate(@PathParam("planId") String planId, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid EvaluationInput input) {
        return created(evaluation.evaluate(Params.uuid(planId, "planId"), version(number), ETags.expected(ifMatch), mapper.toDraft(input)));
    }

    @POST
    @Path("opps/{planId}/versions/{number}/views")
    @RolesAllowed({Roles.TEACHER, Roles.IB, Roles.PARENT})
    @Operation(operationId = "addOppView", summary = "Record the pupil's or the parents' view on a version (hoorrecht)",
            description = "A parent records the parents' view on their own child's plan; the school records the pupil's view (and the parents' on their behalf).")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    public Response addView(@PathParam("planId") String planId, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ViewInput input) {
        return created(evaluation.addView(Params.uuid(planId, "planId"), version(number), ETags.expected(ifMatch), input.kind(), input.text()));
    }

    @POST
    @Path("opps/{planId}/documents")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "addOppDocument", summary = "Link a document to the plan by reference (title, kind, uri)")
    @APIResponse(responseCode = "201", description = "Linked", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = PlanResponse.class)))
    public Response addDocument(@PathParam("planId") String planId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DocumentInput input) {
        return created(drafting.addDocument(Params.uuid(planId, "planId"), ETags.expected(ifMatch), input.title(), input.kind(), input.uri()));
    }

    @POST
    @Path("opps/{planId}/closure")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "closeOpp", summary = "Close the plan: no longer needed, or the pupil left",
            description = "A pupil's leaving (passend.pupil) closes it by itself. Its end date is what the ROD export reports.")
    public Response close(@PathParam("planId") String planId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ClosureInput input) {
        return ok(closing.close(Params.uuid(planId, "planId"), ETags.expected(ifMatch), input.reason()));
    }

    @GET
    @Path("opps/{planId}/document.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.TEACHER, Roles.IB, Roles.DIRECTOR, Roles.SIS_CLIENT, Roles.PARENT, Roles.CARE_PROFESSIONAL,
            Roles.SWV_CONSULTANT})
    @Operation(operationId = "getOppPdf", summary = "The current version as a readable PDF for parents (in Dutch)",
            description = "Perspective, action part, goals, the pupil's and parents' views, and where consent and establishment stand. " + READERS_DOC)
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response document(@PathParam("planId") String planId) {
        PlanView view = reads.get(Params.uuid(planId, "planId"));
        return Response.ok(pdf.render(view), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"opp-" + view.plan().id + "-v"
                        + view.plan().currentVersion + ".pdf\"").build();
    }

    @POST
    @Path("pupils/{pupilId}/opp-due-dates")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "startOppDueDate", summary = "Record the start of extra support: the OPP is due within 6 weeks",
            description = "For a start no other service reports (level 4 and arrangements arrive as events). A pupil with an OPP in force has one already: the due date is fulfilled at once.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = DueResponse.class)))
    public Response startClock(@PathParam("pupilId") String pupilId, @NotNull @Valid DueInput input) {
        return Response.status(Response.Status.CREATED).entity(mapper.toResponse(
                dueDates.startByHand(Params.uuid(pupilId, "pupilId"), input.reason(), input.startDate()))).build();
    }

    @GET
    @Path("pupils/{pupilId}/opp-due-dates")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER})
    @Operation(operationId = "listOppDueDates", summary = "When the pupil's OPP was or is due, and why")
    public List<DueResponse> dueDates(@PathParam("pupilId") String pupilId) {
        return mapper.toDueResponses(dueDates.ofPupil(Params.uuid(pupilId, "pupilId")));
    }

    private Response ok(PlanView view) {
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.plan().version)).build();
    }

    private Response created(PlanView view) {
        return Response.status(Response.Status.CREATED).tag(ETags.of(view.plan().version))
                .entity(mapper.toResponse(view)).build();
    }

    private static int version(String number) {
        return Params.integer(number, "number", 1, 10_000, 1);
    }
}
