package nl.passend.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.config.Upstreams;
import nl.passend.gateway.domain.ClientIds;
import nl.passend.gateway.domain.CorrelationIds;
import nl.passend.gateway.domain.PathTemplates;
import nl.passend.gateway.domain.RouteTable;
import nl.passend.gateway.service.RateLimiter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The public API under /api/v1, as two Vert.x routes on Quarkus's router.
 *
 * <ol>
 * <li>The filter (every request below /api/v1, the gateway's own endpoints included): the metrics' path
 * template, correlation id, the bearer token (401), the rate limits (429), one log line per request. A
 * public path (the API document) and Swagger UI need no token and are limited per remote address.</li>
 * <li>The router: the path's route in the {@link RouteTable}; a service's path is proxied to it, a path
 * of the gateway's own goes on to its REST resources (which Quarkus runs after these routes), any other
 * path is a 404 problem.</li>
 * </ol>
 * Authentication is lazy ({@code quarkus.http.auth.proactive=false}): the filter asks for the identity
 * itself, so that it, not Quarkus's default handler, answers a missing or bad token.
 */
@Singleton
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    /** After Quarkus's authentication (order -200) and authorization (-100) handlers. */
    static final int FILTER_ORDER = 10;
    /** Before Quarkus's default route (10000) and its REST resources (20500). */
    static final int ROUTER_ORDER = 5_000;
    /** Before the route Quarkus serves Swagger UI with (the filter's order is too late for it). */
    static final int SWAGGER_UI_ORDER = -10;

    /** Routing-context keys, for the gateway's own resources and the log line. */
    public static final String CORRELATION_ID = "passend.correlation-id";
    public static final String CLIENT_ID = "passend.client-id";
    static final String TARGET = "passend.target";
    private static final String DECISION = "passend.rate-limit";

    /** Swagger UI (below Quarkus's non-application root): no token, limited per address like the API document. */
    static final String SWAGGER_UI = "/q/swagger-ui";
    /**
     * Where Quarkus's HTTP metrics (and OpenTelemetry's route) take a request's path template from: the
     * request context's local of this name, which RESTEasy sets for its resources (and overrides ours with
     * the same template for the gateway's own endpoints). Without it a proxied path would be its own tag.
     */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final ServiceProxy proxy;
    private final RateLimiter limiter;
    private final RouteTable table;
    private final Set<String> publicPaths;
    private final PathTemplates templates;

    @Inject
    public GatewayRoutes(GatewayConfig config, Upstreams upstreams, ServiceProxy proxy, RateLimiter limiter) {
        this.proxy = proxy;
        this.limiter = limiter;
        this.table = upstreams.table();
        this.publicPaths = config.publicPaths().stream().map(String::strip).collect(Collectors.toSet());
        this.templates = new PathTemplates(GatewayConfig.PUBLIC_PREFIX, documentPaths(), table);
    }

    /** The paths of the merged API document: the templates of the metrics' uri tag. */
    private static List<String> documentPaths() {
        try {
            List<String> paths = new ArrayList<>();
            new ObjectMapper(new YAMLFactory()).readTree(OpenApiResource.read()).path("paths").fieldNames()
                    .forEachRemaining(paths::add);
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(@Observes Router router) {
        String prefix = GatewayConfig.PUBLIC_PREFIX;
        // "/api/v1/*" also matches /api/v1 itself
        router.route(prefix + "/*").order(FILTER_ORDER).handler(this::filter);
        router.route(SWAGGER_UI + "*").order(SWAGGER_UI_ORDER).handler(this::anonymous);
        router.route(prefix + "/*").order(ROUTER_ORDER).handler(this::route);
        LOG.infof("routing %s/... to %s", prefix, table.prefixesByTarget().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).sorted().collect(Collectors.joining("; ")));
    }

    void filter(RoutingContext ctx) {
        ((HttpServerRequestInternal) ctx.request()).context().putLocal(URL_PATH_TEMPLATE, templates.of(below(ctx)));
        String correlationId = CorrelationIds.accept(ctx.request().getHeader(CorrelationIds.HEADER));
        ctx.put(CORRELATION_ID, correlationId);
        MDC.put("correlationId", correlationId);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(CorrelationIds.HEADER, correlationId));
        long started = System.nanoTime();
        HttpServerRequest request = ctx.request();
        ctx.addEndHandler(v -> LOG.infof("%s %s -> %s %d in %d ms (client %s, correlation id %s)", request.method(),
                request.path(), Optional.ofNullable(ctx.<String>get(TARGET)).orElse("gateway"),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                Optional.ofNullable(ctx.<String>get(CLIENT_ID)).orElse("-"), correlationId));

        if (publicPaths.contains(below(ctx))) {
            anonymous(ctx);
            return;
        }
        // the filter answers a failed authentication itself (see below), not Quarkus's default handler
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, t) -> {
        });
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                identity -> onContext(context, () -> authenticated(ctx, identity)),
                failure -> onContext(context, () -> {
                    LOG.debugf("authentication failed: %s", failure.toString());
                    GatewayProblems.unauthorized(ctx);
                }));
    }

    private void authenticated(RoutingContext ctx, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            GatewayProblems.unauthorized(ctx);
            return;
        }
        String client = identity.getPrincipal() instanceof JsonWebToken token
                ? ClientIds.of(token::getClaim)
                : "subject:" + identity.getPrincipal().getName();
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
        ctx.put(CLIENT_ID, client);
        limited(ctx, () -> limiter.forUser(client, subject));
    }

    /** A request without a token: limited per remote address (after Quarkus's X-Forwarded-For handling, when on). */
    void anonymous(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        limited(ctx, () -> limiter.forAddress(address));
    }

    /** Asks the limiter off the event loop (a database transaction per bucket), then answers 429 or goes on. */
    private void limited(RoutingContext ctx, Callable<RateLimiter.Decision> check) {
        // once per request: Swagger UI reroutes /q/swagger-ui/ to its index page, through this route again (and
        // a reroute drops the headers set so far)
        RateLimiter.Decision earlier = ctx.get(DECISION);
        if (earlier != null) {
            answer(ctx, earlier);
            return;
        }
        ctx.vertx().executeBlocking(check, false).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("the rate limit could not be checked: %s", result.cause().toString());
                GatewayProblems.rateLimitUnavailable(ctx);
                return;
            }
            ctx.put(DECISION, result.result());
            answer(ctx, result.result());
        });
    }

    private static void answer(RoutingContext ctx, RateLimiter.Decision decision) {
        ctx.response().putHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        ctx.response().putHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            GatewayProblems.tooManyRequests(ctx, decision.retryAfterSeconds());
            return;
        }
        ctx.next();
    }

    void route(RoutingContext ctx) {
        String path = below(ctx);
        Optional<RouteTable.Route> route = table.resolve(path);
        if (route.isEmpty()) {
            GatewayProblems.notFound(ctx);
            return;
        }
        if (route.get().gateway()) {
            ctx.next();
            return;
        }
        ctx.put(TARGET, route.get().target());
        proxy.forward(ctx.request(), route.get(), path, ctx.get(CORRELATION_ID), publicOrigin(ctx.request()));
    }

    /** The normalized path below /api/v1: "" for /api/v1 itself, else starting with '/'. */
    private static String below(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.length() <= GatewayConfig.PUBLIC_PREFIX.length() ? ""
                : path.substring(GatewayConfig.PUBLIC_PREFIX.length());
    }

    private static String publicOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        return authority == null ? "" : request.scheme() + "://" + authority;
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
