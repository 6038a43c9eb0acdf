package nl.passend.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.passend.platform.problem.Problems;

/**
 * A path nothing serves is answered like every other error, in the one problem shape: the REST layer hands a
 * request it has no resource for on to the web server, whose own 404 would be a bare page. This route comes
 * last, after the REST layer, the health and metrics endpoints and Swagger UI.
 */
@ApplicationScoped
public class UnknownPaths {

    private static final ObjectMapper JSON = new ObjectMapper();

    void register(@Observes Router router) {
        router.route().last().handler(UnknownPaths::notFound);
    }

    private static void notFound(RoutingContext context) {
        String correlationId = CorrelationIds.accept(context.request().getHeader(CorrelationIds.HEADER));
        String prefix = context.request().getHeader(ProblemShape.FORWARDED_PREFIX);
        String path = context.request().path();
        ObjectNode problem = JSON.createObjectNode()
                .put("type", Problems.TYPE_BASE + "not-found")
                .put("title", "Not Found")
                .put("status", 404)
                .put("detail", "nothing is served at " + context.request().method() + " " + path)
                .put("instance", ProblemShape.publicPath(prefix, path))
                .put("correlationId", correlationId);
        context.response().setStatusCode(404)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader(CorrelationIds.HEADER, correlationId)
                .end(problem.toString());
    }
}
