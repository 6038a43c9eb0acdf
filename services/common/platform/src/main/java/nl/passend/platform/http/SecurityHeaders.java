package nl.passend.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The hardened face of every response: no MIME sniffing, no framing, no referrer, a Content-Security-Policy
 * that allows nothing a JSON answer does not need, and HSTS where the request came over TLS (directly, or
 * through a trusted proxy that says so in X-Forwarded-Proto; a browser ignores HSTS over plain HTTP, and a
 * local system must stay reachable over it). Pages get the policy they need: the dashboard its own stylesheet,
 * Swagger UI its scripts and styles. The headers are set when the response's headers are written, so an
 * upstream's headers that the gateway passes on are replaced, not doubled.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    public static final String DASHBOARD_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** Swagger UI starts itself with an inline script and inline styles; nothing leaves the origin. */
    public static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Before every other filter, so that also an early answer (401, 429) carries the headers. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(SecurityHeaders::onResponse, PRIORITY);
    }

    static void onResponse(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            boolean overTls = "https".equalsIgnoreCase(ctx.request().scheme());
            String policy = policyFor(ctx.normalizedPath());
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", policy);
            if (overTls) {
                headers.set("Strict-Transport-Security", HSTS);
            }
        });
        ctx.next();
    }

    static String policyFor(String path) {
        if (path.startsWith("/q/swagger-ui")) {
            return SWAGGER_UI_POLICY;
        }
        if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
            return DASHBOARD_POLICY;
        }
        return API_POLICY;
    }
}
