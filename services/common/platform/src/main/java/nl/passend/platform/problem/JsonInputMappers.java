package nl.passend.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import io.quarkiverse.resteasy.problem.jaxrs.WebApplicationExceptionMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong shape (an object where a list belongs, a list for the whole body) as a 400
 * problem naming the field. Quarkus's own mapper answers these with plain JSON or an empty body;
 * a value that does not parse or has the wrong JSON type (a bad date, an unknown code, a number for a
 * string) is 400 invalid-value naming the field and what it takes, never a Java class; a body that is
 * no JSON at all says so. The field is in {@code violations}, as for Bean Validation.
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
        return invalidValue(field(e), e.getTargetType());
    }

    private static Response invalidValue(String field, Class<?> target) {
        String expected = target != null && target.isEnum()
                ? "one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
                : describe(target);
        return problem("invalid-value", (field.isEmpty() ? "a value" : field) + " must be " + expected, field);
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response unparseable(com.fasterxml.jackson.core.JsonParseException e) {
        return problem("malformed-json", "the body is not valid JSON", "");
    }

    /** An unknown property, or a value of the wrong JSON type: a string for a number, an object for a list. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = field(e);
        if (e instanceof UnrecognizedPropertyException) {
            return Problems.unknownProperties(List.of(field)).toResponse();
        }
        if (!field.isEmpty() && isScalar(e.getTargetType())) {
            return invalidValue(field, e.getTargetType());
        }
        String detail = field.isEmpty() ? "the body does not have the expected shape"
                : field + " does not have the expected type";
        return problem("malformed-body", detail, field);
    }

    private static Response problem(String slug, String detail, String field) {
        return Problems.invalid(slug, detail, field.isEmpty() ? List.of() : List.of(new FieldViolation(field, detail)))
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

    private static boolean isScalar(Class<?> target) {
        return target != null && (target.isPrimitive() || target.isEnum() || !describe(target).equals("a valid value"));
    }

    private static String describe(Class<?> target) {
        return switch (target == null ? "" : target.getSimpleName()) {
            case "LocalDate" -> "a valid date (yyyy-mm-dd)";
            case "Instant", "OffsetDateTime" -> "a valid timestamp (ISO 8601)";
            case "UUID" -> "a valid UUID";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a valid value";
        };
    }
}
