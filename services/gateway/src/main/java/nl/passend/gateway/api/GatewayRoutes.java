package nl.passend.gateway.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.config.Upstreams;
import nl.passend.gateway.domain.ClientIds;
import nl.passend.gateway.domain.CorrelationIds;
import nl.passend.gateway.domain.RouteTable;
import nl.passend.gateway.service.RateLimiter;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The public API under /api/v1, as two Vert.x routes on Quarkus's router.
 *
 * <ol>
 * <li>The filter (every request below /api/v1, the gateway's own endpoints included): correlation id,
 * the bearer token (401), the client's rate limit (429), one log line per request.</li>
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

    /** Routing-context keys, for the gateway's own resources and the log line. */
    public static final String CORRELATION_ID = "passend.correlation-id";
    public static final String CLIENT_ID = "passend.client-id";
    static final String TARGET = "passend.target";

    private final ServiceProxy proxy;
    private final RateLimiter limiter;
    private final RouteTable table;
    private final Set<String> publicPaths;

    @Inject
    public GatewayRoutes(GatewayConfig config, Upstreams upstreams, ServiceProxy proxy, RateLimiter limiter) {
        this.proxy = proxy;
        this.limiter = limiter;
        this.table = upstreams.table();
        this.publicPaths = config.publicPaths().stream().map(String::strip).collect(Collectors.toSet());
    }

    void register(@Observes Router router) {
        String prefix = GatewayConfig.PUBLIC_PREFIX;
        // "/api/v1/*" also matches /api/v1 itself
        router.route(prefix + "/*").order(FILTER_ORDER).handler(this::filter);
        router.route(prefix + "/*").order(ROUTER_ORDER).handler(this::route);
        LOG.infof("routing %s/... to %s", prefix, table.prefixesByTarget().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).sorted().collect(Collectors.joining("; ")));
    }

    void filter(RoutingContext ctx) {
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
            ctx.next();
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
        ctx.put(CLIENT_ID, client);
        RateLimiter.Decision decision = limiter.tryAcquire(client);
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
