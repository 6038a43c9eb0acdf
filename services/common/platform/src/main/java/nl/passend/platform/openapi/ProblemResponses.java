package nl.passend.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import nl.passend.platform.consistency.ReadAfter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every Passend endpoint gives in the same way, so that each resource
 * need not repeat them: problem+json bodies for 400, 401, 403, 404 (unknown or not visible to you),
 * 406, 409, 412/428 where an If-Match is taken, 415 where a body is, 422, 500, and 503 {@code not-yet-synced}
 * with the {@code X-Passend-After} header every request may send, all of the one {@code Problem} schema
 * ({@link ProblemSchema}); and UUID formats for path ids.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemSchema.define(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                document(entry.getKey(), entry.getValue());
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream().filter(p -> p.getIn() == Parameter.In.PATH && isId(p.getName()) && p.getSchema() != null)
                .forEach(p -> p.getSchema().format("uuid"));
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PATCH;
        boolean hasPathParameter = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean takesIfMatch = parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));

        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        problem(responses, "401", "No valid access token");
        problem(responses, "403", "Your role may never call this endpoint");
        if (hasPathParameter || operation.getRequestBody() != null) {
            problem(responses, "404", "Unknown, or not visible to you (the path's or a body's reference)");
        }
        if (write) {
            problem(responses, "409", "Conflicts with the current state or a concurrent change; retry");
            problem(responses, "422", "Well-formed, but breaks a rule of the domain");
        }
        if (takesIfMatch) {
            problem(responses, "412", "If-Match does not hold the current version (ETag)");
            problem(responses, "428", "If-Match is required to change an existing resource");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "The body is not of a media type the endpoint takes");
        }
        // any request may wait for an earlier write (ReadAfter), so every one has a parameter: a malformed one is a
        // 400, a late event a 503
        operation.addParameter(OASFactory.createParameter().name(ReadAfter.HEADER).in(Parameter.In.HEADER)
                .description("The X-Passend-Consistency of an earlier write: answer only once this service has it "
                        + "(waits at most 2 s)").schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("uuid")));
        problem(responses, "400", "The request is malformed or a field is invalid; each field is listed");
        problem(responses, "503", "not-yet-synced: the X-Passend-After event has not reached this service yet; "
                + "retry after Retry-After seconds");
        problem(responses, "406", "The Accept header asks for no media type the endpoint answers in");
        problem(responses, "500", "internal-error: a fault of ours; quote the correlationId");
    }

    private static boolean isId(String name) {
        return name.equals("id") || name.endsWith("Id");
    }

    /** Sets a problem+json answer, keeping a description the endpoint gave itself. */
    private static void problem(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, response);
        } else if (response.getDescription() == null || response.getDescription().startsWith("Not ")
                || response.getDescription().equals("Bad Request")) {
            response.setDescription(description); // replaces the generic text Quarkus generates
        }
        response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemSchema.REF))));
    }
}
