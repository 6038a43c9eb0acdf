package nl.passend.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body of the wrong shape (an object where a list belongs, a list for the whole body) as a 400
 * problem naming the field. Quarkus's own mapper answers these with plain JSON or an empty body;
 * resteasy-problem covers only the InvalidFormatException subtype (a bad date or enum value).
 */
public class JsonInputMappers {

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String detail = field.isEmpty() ? "the body does not have the expected shape"
                : field + " does not have the expected type";
        return HttpProblem.builder()
                .withType(URI.create(Problems.TYPE_BASE + "malformed-body"))
                .withStatus(400)
                .withTitle("Bad request")
                .withDetail(detail)
                .with("field", field.toString())
                .build()
                .toResponse();
    }
}
