package nl.passend.platform.problem;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 403 from {@code @RolesAllowed} as a Passend problem. resteasy-problem's own mapper answers it
 * without a Passend {@code type}, so this one must take precedence.
 */
public class ForbiddenMapper {

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response forbidden(ForbiddenException e) {
        return Problems.forbidden("your role may not do this").toResponse();
    }
}
