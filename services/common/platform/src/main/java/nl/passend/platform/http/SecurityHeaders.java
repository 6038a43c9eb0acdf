package nl.passend.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The hardened face of every response: no MIME sniffing, no framing, no referrer, a Content-Security-Policy
 * that allows nothing a JSON answer does not need, and HSTS where the request came over TLS (directly, or
 * through a trusted proxy that says so in X-Forwarded-Proto; a browser ignores HSTS over plain HTTP, and a
 * local system must stay reachable over it). Pages get the policy they need: the dashboard its own stylesheet,
 * Swagger UI its scripts and styles, and the request for a token to the realm's origin (where the gateway's
 * Swagger UI logs in: {@link #swaggerUiRealm}). The headers are set when the response's headers are written, so an
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
        String swaggerUi = swaggerUiPolicy(swaggerUiRealm(ConfigProvider.getConfig()));
        filters.register(ctx -> onResponse(ctx, swaggerUi), PRIORITY);
    }

    /**
     * Swagger UI's policy; with a realm, Swagger UI may also connect to the realm's origin (the authorization code
     * is exchanged for a token there; the login page itself is a window of the realm's own).
     */
    public static String swaggerUiPolicy(Optional<String> realmUrl) {
        return realmUrl.flatMap(SecurityHeaders::origin)
                .map(origin -> SWAGGER_UI_POLICY + "; connect-src 'self' " + origin).orElse(SWAGGER_UI_POLICY);
    }

    /**
     * The Keycloak realm as a browser reaches it: the tokens' issuer where that is a URL (Keycloak's public URL of
     * the realm, also where a service reaches Keycloak by an internal name, as in docker-compose.yml), else
     * {@code quarkus.oidc.auth-server-url}.
     */
    public static Optional<String> swaggerUiRealm(Config config) {
        return config.getOptionalValue("quarkus.oidc.token.issuer", String.class).filter(url -> url.matches("https?://.+"))
                .or(() -> config.getOptionalValue("quarkus.oidc.auth-server-url", String.class));
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void onResponse(RoutingContext ctx, String swaggerUiPolicy) {
        ctx.addHeadersEndHandler(v -> {
            boolean overTls = "https".equalsIgnoreCase(ctx.request().scheme());
            String path = ctx.normalizedPath();
            String policy = path.startsWith("/q/swagger-ui") ? swaggerUiPolicy : policyFor(path);
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
        if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
            return DASHBOARD_POLICY;
        }
        return API_POLICY;
    }
}
