package nl.passend.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The one shape of every error answer in the contract (RFC 9457), which {@code http/ProblemShape} gives
 * every problem. It replaces resteasy-problem's own schemas, which describe neither the type URIs nor
 * {@code correlationId} and give violations an {@code in} the answers do not carry.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String REF = "#/components/schemas/" + NAME;
    private static final String VIOLATION = "ProblemViolation";
    private static final List<String> ORDER = List.of("type", "title", "status", "detail", "instance", "correlationId",
            "violations", "field", "message");

    private ProblemSchema() {
    }

    static void define(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().removeSchema("HttpProblem");
        openAPI.getComponents().removeSchema("HttpValidationProblem");
        openAPI.getComponents().addSchema(NAME, problem());
        openAPI.getComponents().addSchema(VIOLATION, violation());
    }

    private static Schema problem() {
        return object("An error (RFC 9457 problem details); every service and the gateway answer errors in this shape",
                List.of("type", "title", "status", "detail", "instance", "correlationId"), Map.of(
                "type", string("uri", "The kind of problem: https://passend.nl/problems/<slug>, stable; the kinds are "
                        + "listed in the README", "https://passend.nl/problems/not-found"),
                "title", string(null, "A short summary of the kind of problem", "Not found"),
                "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code").examples(List.of(404)),
                "detail", string(null, "What went wrong in this request, in words",
                        "pupil 4b1f… does not exist or is not visible to you"),
                "instance", string(null, "The path of the request", "/pupils/4b1f…"),
                "correlationId", string(null, "The request's X-Correlation-Id (one made up when it had none), also in the "
                        + "answer's header: quote it when asking about the request", "sis-sync-42"),
                "violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For input errors (400): each field that is wrong")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION))));
    }

    private static Schema violation() {
        return object("One field of the input that is wrong", List.of("field", "message"), Map.of(
                "field", string(null, "The field's path in the body (names joined by '.', list positions in brackets), "
                        + "or the name of the query or path parameter", "pupils[500].birthDate"),
                "message", string(null, "What is wrong with it", "must not be null")));
    }

    private static Schema object(String description, List<String> required, Map<String, Schema> properties) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description)
                .required(required);
        // a fixed order, so that the committed contract does not change from one run to the next
        properties.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(ORDER::indexOf)))
                .forEach(e -> schema.addProperty(e.getKey(), e.getValue()));
        return schema;
    }

    private static Schema string(String format, String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(format).description(description)
                .examples(List.of(example));
    }
}
