package nl.passend.support.api;

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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.ETags;
import nl.passend.platform.http.Params;
import nl.passend.platform.security.Roles;
import nl.passend.support.api.model.Requests.ActionPlanEvaluationInput;
import nl.passend.support.api.model.Requests.ActionPlanInput;
import nl.passend.support.api.model.Requests.BatchInput;
import nl.passend.support.api.model.Requests.InterventionEvaluationInput;
import nl.passend.support.api.model.Requests.LevelChangeInput;
import nl.passend.support.api.model.Responses.ActionPlanResponse;
import nl.passend.support.api.model.Responses.BatchResponse;
import nl.passend.support.api.model.Responses.CurrentLevelResponse;
import nl.passend.support.api.model.Responses.InterventionResponse;
import nl.passend.support.api.model.Responses.LevelEntryResponse;
import nl.passend.support.api.model.Responses.SignalResponse;
import nl.passend.support.domain.ActionPlan;
import nl.passend.support.mapping.SupportMapper;
import nl.passend.support.service.ActionPlanService;
import nl.passend.support.service.ActionPlanService.NewActionPlan;
import nl.passend.support.service.InterventionService;
import nl.passend.support.service.InterventionService.InterventionView;
import nl.passend.support.service.InterventionService.NewIntervention;
import nl.passend.support.service.InterventionService.NewSession;
import nl.passend.support.service.LevelService;
import nl.passend.support.service.LevelService.Current;
import nl.passend.support.service.LevelService.LevelChange;
import nl.passend.support.service.SupportSignals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Support levels with their history, interventions, action plans and the signals per school. A
 * pupil the caller may not see is answered 404. Changes of an existing resource need If-Match.
 */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Support")
public class SupportResource {

    static final String READERS_DOC = "For the pupil's school's IB'er, director and teachers, a care professional linked to the pupil, and the pupil's parents.";

    static final String AS_OF_RULES = " A day yyyy-MM-dd, today at the latest: a later day, or anything but a date, is answered 400 (empty is the same as absent). Who may read it is decided as for the read without asOf, and the read is audited with the day.";
    static final String AS_OF_LEVEL = "Show the level as it stood at the end of this day (Europe/Amsterdam): the latest history entry known then, i.e. recorded before the day ended. A correction recorded later does not change it; an entry recorded later with an earlier effective date does not either. Before the first such entry the level is null. No ETag is sent with it." + AS_OF_RULES;
    static final String AS_OF_HISTORY = "Show the history as it stood at the end of this day (Europe/Amsterdam): the entries recorded before the day ended; correctedBy only names a correction recorded by then. Empty before the first entry." + AS_OF_RULES;
    static final String AS_OF_INTERVENTIONS = "Show the interventions as they stood at the end of this day (Europe/Amsterdam): those recorded by then whose startDate is on or before the day, each with the sessions held on or before the day and recorded by then, and its evaluation (effect, note, evaluatedOn) only when evaluatedOn is on or before the day. Empty before the first." + AS_OF_RULES;

    @Inject
    Clock clock;

    @Inject
    LevelService levels;

    @Inject
    InterventionService interventions;

    @Inject
    ActionPlanService actionPlans;

    @Inject
    SupportSignals signals;

    @Inject
    SupportMapper mapper;

    @GET
    @Path("pupils/{pupilId}/support-level")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "getSupportLevel", summary = "A pupil's current support level", description = READERS_DOC
            + " The ETag (\"0\" while no level was recorded) is what a change sends as If-Match.")
    @APIResponse(responseCode = "200", description = "The level; without asOf its ETag header carries the version for If-Match",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CurrentLevelResponse.class)))
    public Response current(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_LEVEL,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(pupilId, "pupilId");
        return AsOf.orNow(asOf, clock, day -> Response.ok(mapper.toResponse(levels.current(id, day))).build(), // no If-Match
                () -> withETag(levels.current(id)));
    }

    @POST
    @Path("pupils/{pupilId}/support-level")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "changeSupportLevel", summary = "Change a pupil's support level (the IB'er)",
            description = "A new entry in the history with effective date, reason, domains and who decided. With correctsEntryId it corrects the current entry instead; history is never overwritten. A move to LEVEL_4 publishes nl.passend.support.extra-support-started.v1: the OPP is due within 6 weeks.")
    @APIResponse(responseCode = "201", description = "Recorded; the new current level", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CurrentLevelResponse.class)))
    public Response change(@PathParam("pupilId") String pupilId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LevelChangeInput in) {
        Current current = levels.change(Params.uuid(pupilId, "pupilId"), ETags.expected(ifMatch), new LevelChange(in.level(),
                in.effectiveDate(), in.reason(), in.domains(), in.decidedBy(), in.correctsEntryId()));
        return Response.status(Response.Status.CREATED).tag(ETags.of(current.version()))
                .entity(mapper.toResponse(current)).build();
    }

    @GET
    @Path("pupils/{pupilId}/support-level/history")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "getSupportLevelHistory", summary = "A pupil's full support level history, oldest first", description = READERS_DOC)
    public List<LevelEntryResponse> history(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_HISTORY,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(pupilId, "pupilId");
        return mapper.toHistory(levels.history(id, AsOf.parse(asOf, clock)));
    }

    @POST
    @Path("schools/{schoolCode}/interventions/batch")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "recordInterventions", summary = "Record interventions and sessions as a teacher's app sends them",
            description = "Up to 500 items (interventions plus sessions) for pupils of the caller's own school, all or nothing. Idempotent on the app's own appId: the same item again is UNCHANGED; other content under a used appId is a conflict (409).")
    public BatchResponse batch(@PathParam("schoolCode") String schoolCode, @NotNull @Valid BatchInput in) {
        List<NewIntervention> items = in.interventions().stream().map(i -> new NewIntervention(i.appId(), i.pupilIds(),
                i.domain(), i.level(), i.kind(), i.startDate(), i.endDate(), i.frequencyPerWeek(), i.minutesPerSession(),
                i.givenBy())).toList();
        List<NewSession> sessions = in.sessions() == null ? List.of() : in.sessions().stream()
                .map(s -> new NewSession(s.appId(), s.interventionAppId(), s.heldOn(), s.minutes())).toList();
        return mapper.toResponse(interventions.batch(schoolCode, items, sessions));
    }

    @GET
    @Path("pupils/{pupilId}/interventions")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "listPupilInterventions", summary = "A pupil's interventions, newest first", description = READERS_DOC
            + " A parent or care professional sees only their own pupil among a group's pupils.")
    public List<InterventionResponse> ofPupil(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_INTERVENTIONS,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(pupilId, "pupilId");
        return mapper.toInterventionResponses(interventions.ofPupil(id, AsOf.parse(asOf, clock)));
    }

    @GET
    @Path("interventions/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT})
    @Operation(operationId = "getIntervention", summary = "One intervention with its sessions")
    @APIResponse(responseCode = "200", description = "The intervention", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = InterventionResponse.class)))
    public Response intervention(@PathParam("id") String id) {
        InterventionView view = interventions.get(Params.uuid(id, "id"));
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.intervention().version)).build();
    }

    @POST
    @Path("interventions/{id}/evaluation")
    @RolesAllowed({Roles.TEACHER, Roles.IB})
    @Operation(operationId = "evaluateIntervention", summary = "Evaluate an intervention: achieved, partly, not achieved, with a short note",
            description = "Once. Three or more interventions in one domain evaluated NOT_ACHIEVED within a school year without a level change make a signal.")
    @APIResponse(responseCode = "200", description = "Evaluated", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = InterventionResponse.class)))
    public Response evaluate(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid InterventionEvaluationInput in) {
        InterventionView view = interventions.evaluate(Params.uuid(id, "id"), ETags.expected(ifMatch), in.effect(), in.note(),
                in.evaluatedOn());
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.intervention().version)).build();
    }

    @POST
    @Path("schools/{schoolCode}/action-plans")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "startActionPlan", summary = "Start a handelingsplan for a pupil or a small group at LEVEL_3 (the IB'er)")
    @APIResponse(responseCode = "201", description = "Started", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionPlanResponse.class)))
    public Response startActionPlan(@PathParam("schoolCode") String schoolCode, @NotNull @Valid ActionPlanInput in) {
        ActionPlan plan = actionPlans.start(schoolCode, new NewActionPlan(in.pupilIds(), in.domain(), in.goal(),
                in.approach(), in.startDate(), in.endDate()));
        return Response.created(URI.create("/action-plans/" + plan.id)).tag(ETags.of(plan.version))
                .entity(mapper.toResponse(plan)).build();
    }

    @GET
    @Path("action-plans/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER})
    @Operation(operationId = "getActionPlan", summary = "One handelingsplan, for the school's staff")
    @APIResponse(responseCode = "200", description = "The action plan", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionPlanResponse.class)))
    public Response actionPlan(@PathParam("id") String id) {
        ActionPlan plan = actionPlans.get(Params.uuid(id, "id"));
        return Response.ok(mapper.toResponse(plan)).tag(ETags.of(plan.version)).build();
    }

    @GET
    @Path("pupils/{pupilId}/action-plans")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER})
    @Operation(operationId = "listPupilActionPlans", summary = "A pupil's handelingsplannen, newest first, for the school's staff")
    public List<ActionPlanResponse> actionPlansOfPupil(@PathParam("pupilId") String pupilId) {
        return mapper.toActionPlanResponses(actionPlans.ofPupil(Params.uuid(pupilId, "pupilId")));
    }

    @POST
    @Path("action-plans/{id}/evaluation")
    @RolesAllowed(Roles.IB)
    @Operation(operationId = "evaluateActionPlan", summary = "Evaluate a handelingsplan; with end=true it ends")
    @APIResponse(responseCode = "200", description = "Evaluated", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionPlanResponse.class)))
    public Response evaluateActionPlan(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ActionPlanEvaluationInput in) {
        ActionPlan plan = actionPlans.evaluate(Params.uuid(id, "id"), ETags.expected(ifMatch), in.evaluation(), in.evaluatedOn(), in.end());
        return Response.ok(mapper.toResponse(plan)).tag(ETags.of(plan.version)).build();
    }

    @GET
    @Path("schools/{schoolCode}/support-signals")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "listSupportSignals", summary = "The school's signals now",
            description = "LEVEL_4_WITHOUT_OPP: at LEVEL_4 for more than 6 weeks without an established OPP (since: when the 6 weeks ran out). NO_CHANGE_OF_COURSE: three or more interventions in one domain evaluated NOT_ACHIEVED in this school year without a level change. Each is also published once on passend.support.")
    public List<SignalResponse> signals(@PathParam("schoolCode") String schoolCode) {
        return mapper.toSignalResponses(signals.ofSchool(schoolCode));
    }

    /** The current level with its version as ETag, for the next change's If-Match. */
    private Response withETag(Current current) {
        return Response.ok(mapper.toResponse(current)).tag(ETags.of(current.version())).build();
    }
}
