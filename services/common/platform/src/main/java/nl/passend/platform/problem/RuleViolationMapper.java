package nl.passend.platform.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A broken domain rule as problem+json: 409 for the state, 422 for the content. */
public class RuleViolationMapper {

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response violation(RuleViolation e) {
        return (e.kind() == RuleViolation.Kind.STATE ? Problems.conflict(e.slug(), e.getMessage())
                : Problems.unprocessable(e.slug(), e.getMessage())).toResponse();
    }
}
