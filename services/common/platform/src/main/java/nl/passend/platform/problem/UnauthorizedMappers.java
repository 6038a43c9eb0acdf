package nl.passend.platform.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as problem+json. resteasy-problem 3.21.0 (the newest on the reachable Maven Central) fails
 * with NoSuchFieldError on Quarkus 3.32's challenge data and answers 500 instead; these mappers
 * take precedence over its 401 mappers, including the one at priority 999 (see
 * {@link Problems#MAPPER_PRIORITY}). Every other error stays with the library, except 403
 * (ForbiddenMapper).
 */
public class UnauthorizedMappers {

    private static Response unauthorized() {
        return Response.fromResponse(Problems.of(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper(priority = Problems.MAPPER_PRIORITY)
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthorized();
    }
}
