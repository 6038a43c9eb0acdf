package nl.passend.consent.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.passend.consent.api.model.Requests.Answer;
import nl.passend.consent.api.model.Requests.AnswerRequest;
import nl.passend.consent.api.model.Requests.RecordRequest;
import nl.passend.consent.api.model.Requests.WithdrawalRequest;
import nl.passend.consent.api.model.Requests;
import nl.passend.consent.api.model.Responses.ConsentCheckResponse;
import nl.passend.consent.api.model.Responses.ConsentRequestResponse;
import nl.passend.consent.domain.EntryKind;
import nl.passend.consent.mapping.ConsentMapper;
import nl.passend.consent.service.ConsentAnswers;
import nl.passend.consent.service.ConsentIntake.Intake;
import nl.passend.consent.service.ConsentIntake;
import nl.passend.consent.service.ConsentQueries;
import nl.passend.consent.service.RequestView;
import nl.passend.consent.service.Statement;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Consent requests, the guardians' answers and withdrawals, and the queries on them. A pupil the
 * caller may not see (another school's, someone else's child) is answered 404.
 */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
public class ConsentResource {

    static final String AS_OF_STANDING = "As it stood means as the ledger had it at the end of the day (Europe/Amsterdam): the answers and withdrawals recorded by then, the guardians whose answer it needed by then, and the outcome these give (GRANTED only when every required guardian had given consent, REFUSED as soon as one refused, WITHDRAWN when one withdrew); an outcome reached by then and not changed since, an expiry included, is the request's own, with its outcomeAt. A day yyyy-MM-dd, today at the latest: a later day, or anything but a date, is answered 400 (empty is the same as absent). Who may read it is decided as for the read without asOf, and the read is audited with the day.";
    static final String AS_OF_REQUESTS = "Show the pupil's consent requests as they stood at the end of this day: those made by then, newest first, each with its outcome then. Empty before the first. " + AS_OF_STANDING;
    static final String AS_OF_REQUEST = "Show the request as it stood at the end of this day. 404 when it had not been made by then. " + AS_OF_STANDING;

    @Inject
    Clock clock;

    @Inject
    ConsentIntake intake;

    @Inject
    ConsentAnswers answers;

    @Inject
    ConsentQueries queries;

    @Inject
    ConsentMapper mapper;

    @POST
    @Path("consent-requests")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(operationId = "recordConsentRequest", summary = "Record a consent request by hand (staff)",
            description = "For requests no other service sends, e.g. SHARE_WITH_SWV or SHARE_WITH_YOUTH_CARE. Every guardian of the pupil with parental authority must answer; with none known yet the request stays OPEN until one is. Idempotent on requestId: the same request again answers 200 and changes nothing; another request under a used requestId is a conflict.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentRequestResponse.class)))
    @APIResponse(responseCode = "200", description = "Recorded before with the same content",
            content = @Content(schema = @Schema(implementation = ConsentRequestResponse.class)))
    public Response record(@NotNull @Valid RecordRequest request) {
        Intake recorded = intake.record(request.requestId(), request.purpose(), request.pupilId(),
                request.subject().type(), request.subject().id(), request.subject().version());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(mapper.toResponse(recorded.view())).build();
    }

    @GET
    @Path("consent-requests/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT})
    @Operation(operationId = "getConsentRequest", summary = "Read a consent request with its ledger")
    public ConsentRequestResponse get(@PathParam("id") String id,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_REQUEST,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID requestId = Params.uuid(id, "id");
        return AsOf.orNow(asOf, clock, day -> mapper.toResponse(queries.get(requestId, day)),
                () -> mapper.toResponse(queries.get(requestId)));
    }

    @POST
    @Path("consent-requests/{id}/answers")
    @RolesAllowed({Roles.PARENT, Roles.IB})
    @Operation(operationId = "answerConsentRequest", summary = "Answer a consent request: given or refused",
            description = "A parent answers for themselves, for their own child, through the app. The IB'er records an answer given on paper, by phone or in person, naming the guardian and the channel. A guardian may change an answer later: each answer is a new entry and the latest counts. Only guardians with parental authority answer; an expired request takes no answers.")
    @APIResponse(responseCode = "201", description = "Recorded; the request with its new outcome",
            content = @Content(schema = @Schema(implementation = ConsentRequestResponse.class)))
    public Response answer(@PathParam("id") String id, @NotNull @Valid AnswerRequest answer) {
        EntryKind kind = answer.answer() == Answer.GIVEN ? EntryKind.GIVEN : EntryKind.REFUSED;
        return created(answers.state(Params.uuid(id, "id"),
                new Statement(kind, answer.guardianId(), answer.channel())));
    }

    @POST
    @Path("consent-requests/{id}/withdrawals")
    @RolesAllowed({Roles.PARENT, Roles.IB})
    @Operation(operationId = "withdrawConsent", summary = "Withdraw a consent given",
            description = "Only a consent the guardian has given (their latest answer) can be withdrawn; the request's outcome becomes WITHDRAWN.")
    @APIResponse(responseCode = "201", description = "Recorded; the request with its new outcome",
            content = @Content(schema = @Schema(implementation = ConsentRequestResponse.class)))
    public Response withdraw(@PathParam("id") String id, @NotNull @Valid WithdrawalRequest withdrawal) {
        return created(answers.state(Params.uuid(id, "id"),
                new Statement(EntryKind.WITHDRAWN, withdrawal.guardianId(), withdrawal.channel())));
    }

    @GET
    @Path("pupils/{pupilId}/consent-requests")
    @RolesAllowed({Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT})
    @Operation(operationId = "listPupilConsentRequests", summary = "A pupil's consent requests, newest first",
            description = "For the staff of the pupil's school and the pupil's own parents.")
    public List<ConsentRequestResponse> ofPupil(@PathParam("pupilId") String pupilId,
            @QueryParam(AsOf.PARAM) @Parameter(description = AS_OF_REQUESTS,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf) {
        UUID id = Params.uuid(pupilId, "pupilId");
        return AsOf.orNow(asOf, clock, day -> queries.ofPupil(id, day).stream().map(mapper::toResponse).toList(),
                () -> mapper.toResponses(queries.ofPupil(id)));
    }

    @GET
    @Path("me/consent-requests")
    @RolesAllowed(Roles.PARENT)
    @Operation(operationId = "listMyConsentRequests", summary = "The open requests waiting for the calling parent's answer (at most 200, oldest first)")
    public List<ConsentRequestResponse> mine() {
        return mapper.toResponses(queries.openForMe());
    }

    @GET
    @Path("schools/{schoolCode}/consent-requests")
    @RolesAllowed({Roles.IB, Roles.DIRECTOR, Roles.ADMIN})
    @Operation(operationId = "listSchoolConsentRequests", summary = "A school's open consent requests (at most 200, oldest first), for the IB'er")
    public List<ConsentRequestResponse> ofSchool(@PathParam("schoolCode") String schoolCode) {
        return mapper.toResponses(queries.openOfSchool(schoolCode));
    }

    @GET
    @Path("pupils/{pupilId}/consent-check")
    @RolesAllowed({Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SIS_CLIENT})
    @Operation(operationId = "checkConsent", summary = "Is there a valid consent for a purpose on a subject version?",
            description = "Valid when the latest request for this purpose on exactly this subject version is GRANTED.")
    public ConsentCheckResponse check(@PathParam("pupilId") String pupilId,
            @QueryParam("purpose") @Parameter(required = true, schema = @Schema(implementation = ConsentPurpose.class)) String purpose,
            @QueryParam("subjectType") @Parameter(required = true, schema = @Schema(implementation = ConsentSubjectType.class)) String subjectType,
            @QueryParam("subjectId") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) String subjectId,
            @QueryParam("subjectVersion") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String subjectVersion) {
        return queries.latest(Params.uuid(pupilId, "pupilId"), Params.enumValue(ConsentPurpose.class, purpose, "purpose"),
                Params.enumValue(ConsentSubjectType.class, subjectType, "subjectType"),
                Params.uuid(subjectId, "subjectId"), Params.integer(required(subjectVersion, "subjectVersion"),
                        "subjectVersion", 1, Integer.MAX_VALUE, 1))
                .map(r -> new ConsentCheckResponse(r.outcome == ConsentOutcome.GRANTED, r.id, r.outcome))
                .orElse(new ConsentCheckResponse(false, null, null));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Problems.invalidParameter(name, name + " is required");
        }
        return value;
    }

    private Response created(RequestView view) {
        return Response.status(Response.Status.CREATED).entity(mapper.toResponse(view)).build();
    }
}
