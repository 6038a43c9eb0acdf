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
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.Cursor;
import nl.passend.platform.http.ETags;
import nl.passend.platform.http.Page;
import nl.passend.platform.http.Params;
import nl.passend.platform.security.Roles;
import nl.passend.team.api.model.Requests.CaseInput;
import nl.passend.team.api.model.Requests.DiscussedAs;
import nl.passend.team.api.model.Requests.DoneInput;
import nl.passend.team.api.model.Requests.MeetingInput;
import nl.passend.team.api.model.Requests.OutcomeInput;
import nl.passend.team.api.model.Responses.ActionItemResponse;
import nl.passend.team.api.model.Responses.CaseResponse;
import nl.passend.team.api.model.Responses.MeetingResponse;
import nl.passend.team.api.model.Responses.MeetingSummaryResponse;
import nl.passend.team.api.model.Responses.SignalResponse;
import nl.passend.team.domain.ActionItem;
import nl.passend.team.domain.Attendee;
import nl.passend.team.mapping.TeamMapper;
import nl.passend.team.service.CaseService;
import nl.passend.team.service.CaseService.NewActionItem;
import nl.passend.team.service.CaseService.NewCase;
import nl.passend.team.service.CaseService.Outcome;
import nl.passend.team.service.MeetingService;
import nl.passend.team.service.TeamSignals;
import nl.passend.team.service.Views.CaseView;
import nl.passend.team.service.Views.MeetingView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Meetings, the cases on their agenda with their outcome, action items and the school's signals.
 * Anything the caller may not see is answered 404. Changes of an existing resource need If-Match.
 */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class MeetingResource {

    static final String MANAGERS_DOC = "For the school's IB'er, director and teachers; for a BOT also the SWV consultant of the school's SWV.";

    static final String AS_OF_CASES = "Show the cases as they stood at the end of this day (Europe/Amsterdam): those put on the agenda by then of a meeting whose date is on or before the day; each with the parents' consents as the decisions received by then had made them (OPEN while asked and undecided), its outcome and action items only once recorded by then, an action item done only from its doneOn, and overdue measured against the day; named and pupilId follow the consent and outcome of then. The meeting's attendees are those recorded now (fixed once it was held). Who may read is decided as for the read without asOf (today's access); besides, the SWV consultant sees only cases named then and the parents only cases discussed by then. Empty before the first. A day yyyy-MM-dd, today at the latest: a later day, or anything but a date, is answered 400 (empty is the same as absent). The read is audited with the day.";

    @Inject
    Clock clock;

    @Inject
    MeetingService meetings;

    @Inject
    CaseService cases;

    @Inject
    TeamSignals signals;

    @Inject
    TeamMapper mapper;

    @POST
    @Path("schools/{schoolCode}/meetings")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "planMeeting", summary = "Plan a support-team, BOT or multidisciplinary meeting", description = MANAGERS_DOC
            + " At least one member; parents and the pupil take part as participants (PARENT, PUPIL); a BOT has the SWV consultant, who takes part from outside the school.")
    @APIResponse(responseCode = "201", description = "Planned", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    public Response plan(@PathParam("schoolCode") String schoolCode, @NotNull @Valid MeetingInput in) {
        MeetingView view = meetings.plan(schoolCode, toInput(in));
        return Response.created(URI.create("/meetings/" + view.meeting().id)).tag(ETags.of(view.meeting().version))
                .entity(mapper.toResponse(view)).build();
    }

    @GET
    @Path("schools/{schoolCode}/meetings")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "listSchoolMeetings", summary = "List a school's meetings for sync", description = MANAGERS_DOC
            + " The SWV consultant sees the BOT meetings only. Ordered by (updatedAt, id); pass nextCursor back as cursor to continue.")
    public Page<MeetingSummaryResponse> list(@PathParam("schoolCode") String schoolCode,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("updatedSince") @Parameter(description = "only meetings changed at or after this moment",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String updatedSince,
            @QueryParam("size") @Parameter(description = "page size",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            String size) {
        MeetingService.Page page = meetings.page(schoolCode, Cursor.decode(cursor),
                Params.instant(updatedSince, "updatedSince"), Params.integer(size, "size", 1, 200, 50));
        return new Page<>(mapper.toSummaries(page.items()), page.next() == null ? null : page.next().encode(),
                page.hasMore());
    }

    @GET
    @Path("meetings/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getMeeting", summary = "One meeting with the cases the caller may see", description = MANAGERS_DOC)
    @APIResponse(responseCode = "200", description = "The meeting", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    public Response get(@PathParam("id") String id) {
        MeetingView view = meetings.get(Params.uuid(id, "id"));
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.meeting().version)).build();
    }

    @PUT
    @Path("meetings/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "changeMeeting", summary = "Change a meeting's date, title and attendees until it is held", description = MANAGERS_DOC
            + " The type is fixed. Adding someone from outside the school asks the parents' consent for every case put on the agenda by name.")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MeetingInput in) {
        MeetingView view = meetings.change(Params.uuid(id, "id"), ETags.expected(ifMatch), toInput(in));
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.meeting().version)).build();
    }

    @POST
    @Path("meetings/{id}/held")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "markMeetingHeld", summary = "Mark the meeting held (on or after its day)", description = MANAGERS_DOC
            + " Publishes nl.passend.team.meeting-held.v1 with the number of cases discussed by name and anonymously.")
    @APIResponse(responseCode = "200", description = "Held", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    public Response held(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        MeetingView view = meetings.held(Params.uuid(id, "id"), ETags.expected(ifMatch));
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.meeting().version)).build();
    }

    @POST
    @Path("meetings/{id}/cases")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER})
    @Operation(operationId = "addMeetingCase", summary = "Put a pupil of the school on the meeting's agenda (the school's staff)",
            description = "By name with anyone from outside the school taking part, this publishes a DISCUSS_IN_SUPPORT_TEAM consent request (subject MEETING_CASE, case id, 1) on passend.team; until consent-service reports GRANTED the case is anonymous, and after REFUSED, EXPIRED or WITHDRAWN it stays so.")
    @APIResponse(responseCode = "201", description = "On the agenda", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    public Response addCase(@PathParam("id") String id, @NotNull @Valid CaseInput in) {
        CaseView view = cases.add(Params.uuid(id, "id"), new NewCase(in.pupilId(), in.question(), in.byName()));
        return Response.created(URI.create("/cases/" + view.teamCase().id)).tag(ETags.of(view.teamCase().version))
                .entity(mapper.toResponse(view)).build();
    }

    @GET
    @Path("cases/{id}")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT, Roles.PARENT})
    @Operation(operationId = "getCase", summary = "One case", description = MANAGERS_DOC
            + " A parent reads the outcome of a case about their own child once it was discussed.")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    public Response getCase(@PathParam("id") String id) {
        CaseView view = cases.get(Params.uuid(id, "id"));
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.teamCase().version)).build();
    }

    @PUT
    @Path("cases/{id}/outcome")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "recordCaseOutcome", summary = "Record what the meeting discussed, advised and decided about the case, once",
            description = MANAGERS_DOC + " From the meeting's day. NAMED only when the case may be named (409 consent-required otherwise). Publishes nl.passend.team.case-discussed.v1 and one decision-recorded event per decision; ASSESS asks the parents' ASSESSMENT consent.")
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    public Response outcome(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OutcomeInput in) {
        List<NewActionItem> items = in.actionItems() == null ? List.of() : in.actionItems().stream()
                .map(i -> new NewActionItem(i.description(), i.ownerFunction(), i.dueOn())).toList();
        CaseView view = cases.recordOutcome(Params.uuid(id, "id"), ETags.expected(ifMatch), new Outcome(in.discussedAs() == DiscussedAs.NAMED,
                in.discussion(), in.advice(), in.decisions(), items));
        return Response.ok(mapper.toResponse(view)).tag(ETags.of(view.teamCase().version)).build();
    }

    @GET
    @Path("pupils/{pupilId}/cases")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT, Roles.PARENT})
    @Operation(operationId = "listPupilCases", summary = "The cases about one pupil, newest first",
            description = "The school's staff see those of their school; the parents those discussed; the SWV consultant only those named in a BOT of their SWV.")
    public List<CaseResponse> ofPupil(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_CASES,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(pupilId, "pupilId");
        return AsOf.orNow(asOf, clock, day -> cases.ofPupil(id, day).stream().map(mapper::toResponse).toList(),
                () -> mapper.toCaseResponses(cases.ofPupil(id)));
    }

    @POST
    @Path("action-items/{id}/done")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SWV_CONSULTANT})
    @Operation(operationId = "markActionItemDone", summary = "Mark an action item done", description = MANAGERS_DOC)
    @APIResponse(responseCode = "200", description = "Done", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ActionItemResponse.class)))
    public Response done(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DoneInput in) {
        ActionItem item = cases.done(Params.uuid(id, "id"), ETags.expected(ifMatch), in.doneOn());
        return Response.ok(mapper.toResponse(item)).tag(ETags.of(item.version)).build();
    }

    @GET
    @Path("schools/{schoolCode}/action-items/overdue")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.TEACHER})
    @Operation(operationId = "listOverdueActionItems", summary = "The school's action items past their due date and not done, oldest first")
    public List<ActionItemResponse> overdue(@PathParam("schoolCode") String schoolCode) {
        return mapper.toActionItems(cases.overdue(schoolCode));
    }

    @GET
    @Path("schools/{schoolCode}/team-signals")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "listTeamSignals", summary = "The school's signals now",
            description = "DISCUSSED_REPEATEDLY: discussed three or more times within twelve months without a decision that changes the approach (since: the day of the third discussion). ACTION_ITEM_OVERDUE: an action item past its due date. Each is also published once on passend.team.")
    public List<SignalResponse> signals(@PathParam("schoolCode") String schoolCode) {
        return mapper.toSignals(signals.ofSchool(schoolCode));
    }

    private static MeetingService.MeetingInput toInput(MeetingInput in) {
        return new MeetingService.MeetingInput(in.type(), in.date(), in.title(), in.attendees().stream()
                .map(a -> new Attendee(a.name().trim(), a.function(), a.outsideSchool())).toList());
    }
}
