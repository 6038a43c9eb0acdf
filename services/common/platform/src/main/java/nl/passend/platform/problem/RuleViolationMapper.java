package nl.passend.platform.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A broken domain rule as problem+json: 409 for the state, 422 for the content, 412 for a stale version, 428 for none. */
public class RuleViolationMapper {

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response violation(RuleViolation e) {
        return (switch (e.kind()) {
            case STATE -> Problems.conflict(e.slug(), e.getMessage());
            case CONTENT -> Problems.unprocessable(e.slug(), e.getMessage());
            case STALE -> Problems.staleVersion(e.getMessage());
            case UNCONDITIONAL -> Problems.ifMatchRequired();
        }).toResponse();
    }
}
