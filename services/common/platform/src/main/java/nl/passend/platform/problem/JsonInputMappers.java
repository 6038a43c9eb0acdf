package nl.passend.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.stream.Collectors;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.jaxrs.WebApplicationExceptionMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong shape (an object where a list belongs, a list for the whole body) as a 400
 * problem naming the field. Quarkus's own mapper answers these with plain JSON or an empty body;
 * A value that does not parse (a bad date, an unknown code, a malformed UUID) names the field and,
 * for a code list, the values it takes, never a Java class; a body that is no JSON at all says so.
 */
public class JsonInputMappers {

    /** resteasy-problem's own answer to every other WebApplicationException. */
    private static final WebApplicationExceptionMapper WEB_APPLICATION = new WebApplicationExceptionMapper();

    /**
     * Quarkus's JSON reader wraps a body it cannot parse (not JSON at all, say) in a 400
     * WebApplicationException, which the mappers below would not see: unwrap it for them.
     */
    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response unreadableBody(WebApplicationException e) {
        if (e.getResponse() != null && e.getResponse().getStatus() == 400
                && e.getCause() instanceof JsonProcessingException json) {
            if (json instanceof InvalidFormatException invalid) {
                return invalidValue(invalid);
            }
            if (json instanceof MismatchedInputException mismatched) {
                return mismatchedInput(mismatched);
            }
            return problem("malformed-json", "the body is not valid JSON", "");
        }
        return WEB_APPLICATION.toResponse(e);
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response invalidValue(InvalidFormatException e) {
        String field = field(e);
        Class<?> target = e.getTargetType();
        String expected = target != null && target.isEnum()
                ? "one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
                : "a valid " + (target == null ? "value" : describe(target));
        return problem("invalid-value", (field.isEmpty() ? "a value" : field) + " must be " + expected, field);
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response unparseable(com.fasterxml.jackson.core.JsonParseException e) {
        return problem("malformed-json", "the body is not valid JSON", "");
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = field(e);
        String detail = field.isEmpty() ? "the body does not have the expected shape"
                : field + " does not have the expected type";
        return problem("malformed-body", detail, field);
    }

    private static Response problem(String slug, String detail, String field) {
        return HttpProblem.builder()
                .withType(URI.create(Problems.TYPE_BASE + slug))
                .withStatus(400)
                .withTitle("Bad request")
                .withDetail(detail)
                .with("field", field)
                .build()
                .toResponse();
    }

    private static String field(JsonProcessingException e) {
        StringBuilder field = new StringBuilder();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            for (Reference reference : m.getPath()) {
                if (reference.getFieldName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
        }
        return field.toString();
    }

    private static String describe(Class<?> target) {
        return switch (target.getSimpleName()) {
            case "LocalDate" -> "date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO 8601)";
            case "UUID" -> "UUID";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "value";
        };
    }
}
