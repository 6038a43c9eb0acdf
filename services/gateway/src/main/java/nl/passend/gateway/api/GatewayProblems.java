package nl.passend.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import nl.passend.gateway.domain.CorrelationIds;
import org.jboss.logging.MDC;

/**
 * The gateway's own errors as RFC 9457 {@code application/problem+json}, in the shape of the services'
 * problems: {@code type} (https://passend.nl/problems/...), {@code title}, {@code status}, {@code detail},
 * {@code instance} and {@code correlationId}. A service's own problem passes through the gateway untouched.
 */
public final class GatewayProblems {

    public static final String TYPE_BASE = "https://passend.nl/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORRELATION_ID = "correlationId";

    private GatewayProblems() {
    }

    /** The correlation id is the request's (GatewayRoutes puts it in the MDC of the request's context). */
    public static Buffer body(int status, String slug, String title, String detail, String instance) {
        return body(status, slug, title, detail, instance, MDC.get(CORRELATION_ID));
    }

    static Buffer body(int status, String slug, String title, String detail, String instance, Object correlationId) {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put(CORRELATION_ID, correlationId == null ? CorrelationIds.accept(null) : correlationId.toString());
        return Buffer.buffer(problem.toString());
    }

    /** Ends the exchange with the problem (nothing happens when an answer has already begun). */
    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(body(status, slug, title, detail, ctx.request().path(), ctx.get(GatewayRoutes.CORRELATION_ID)));
    }

    public static void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        send(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
    }

    public static void notFound(RoutingContext ctx) {
        send(ctx, 404, "not-found", "Not found", "no endpoint of the Passend API has this path");
    }

    /** The rate limits' buckets (the gateway's database) cannot be reached: refused rather than unlimited. */
    public static void rateLimitUnavailable(RoutingContext ctx) {
        ctx.response().putHeader("Retry-After", "5");
        send(ctx, 503, "service-unavailable", "Service unavailable",
                "the gateway cannot check the rate limit right now; try again later");
    }

    public static void tooManyRequests(RoutingContext ctx, long retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        send(ctx, 429, "too-many-requests", "Too many requests",
                "this caller has used up its rate limit; try again after " + retryAfterSeconds + " s");
    }
}
