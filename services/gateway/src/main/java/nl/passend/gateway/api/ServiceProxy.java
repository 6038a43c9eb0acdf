package nl.passend.gateway.api;

import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.config.Upstreams;
import nl.passend.gateway.config.Upstreams.Upstream;
import nl.passend.gateway.domain.CorrelationIds;
import nl.passend.gateway.domain.LocationRewrite;
import nl.passend.gateway.domain.RouteTable;
import nl.passend.platform.http.ProblemShape;
import org.jboss.logging.Logger;

/**
 * Forwards one request to a service with Vert.x's reverse proxy (vertx-http-proxy): method, path below
 * /api/v1, query, headers (Authorization, If-Match, Content-Type, ... but no hop-by-hop ones) and the body
 * as a stream; the answer comes back the same way, status, headers (ETag, ...) and streamed body, with its
 * Location moved below /api/v1. A service that cannot be reached answers 503, one that does not answer
 * within the timeout 504, one that breaks off 502, each as problem+json.
 */
@Singleton
@Startup
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    private final Upstreams upstreams;
    private final long timeoutMillis;
    private final HttpClient client;

    @Inject
    public ServiceProxy(GatewayConfig config, Upstreams upstreams, Vertx vertx) {
        this.upstreams = upstreams;
        this.timeoutMillis = config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerService())
                .setKeepAlive(true)
                // the caller decides on compression; bodies pass through as they are
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Forwards the request to the service.
     *
     * @param servicePath the (normalized) path below /api/v1, which is the service's own path
     * @param publicOrigin scheme, host and port the caller used, for the Location header
     */
    public void forward(HttpServerRequest request, RouteTable.Route route, String servicePath, String correlationId,
            String publicOrigin) {
        Upstream upstream = upstreams.of(route.target()).orElseThrow();
        String query = request.query();
        String uri = upstream.basePath() + servicePath + (query == null || query.isEmpty() ? "" : "?" + query);
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setIdleTimeout(timeoutMillis);

        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client);
        proxy.origin(context -> client.request(options).recover(failure -> Future.failedFuture(new Unreachable(failure))));
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                ProxyRequest forwarded = context.request();
                forwarded.setURI(uri);
                forwarded.headers().set(CorrelationIds.HEADER, correlationId);
                forwarded.headers().set("X-Forwarded-For", remoteHost(request));
                forwarded.headers().set("X-Forwarded-Proto", request.scheme());
                // the service's problems then name the path the caller used (ProblemShape)
                forwarded.headers().set(ProblemShape.FORWARDED_PREFIX, GatewayConfig.PUBLIC_PREFIX);
                return context.sendRequest().recover(failure -> Future.succeededFuture(failed(forwarded, upstream, failure)));
            }

            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                ProxyResponse response = context.response();
                String location = response.headers().get("Location");
                if (location != null) {
                    response.headers().set("Location", LocationRewrite.rewrite(location, upstream.url(), upstreams.urls(),
                            publicOrigin, GatewayConfig.PUBLIC_PREFIX));
                }
                return context.sendResponse();
            }
        });
        proxy.handle(request);
    }

    private ProxyResponse failed(ProxyRequest forwarded, Upstream upstream, Throwable failure) {
        int status;
        String slug;
        String title;
        String detail;
        Throwable cause = failure instanceof Unreachable u ? u.getCause() : failure;
        if (failure instanceof Unreachable) {
            status = 503;
            slug = "service-unavailable";
            title = "Service unavailable";
            detail = upstream.name() + " cannot be reached; try again later";
        } else if (cause instanceof TimeoutException) {
            status = 504;
            slug = "service-timeout";
            title = "Gateway timeout";
            detail = upstream.name() + " did not answer within " + timeoutMillis + " ms";
        } else {
            status = 502;
            slug = "bad-gateway";
            title = "Bad gateway";
            detail = upstream.name() + " broke off its answer";
        }
        LOG.warnf("%s %s -> %s failed (%d): %s", forwarded.getMethod(), forwarded.getURI(), upstream.name(), status,
                describe(cause));
        ProxyResponse response = forwarded.release().response()
                .setStatusCode(status)
                .putHeader("Content-Type", GatewayProblems.CONTENT_TYPE)
                .setBody(Body.body(GatewayProblems.body(status, slug, title, detail,
                        forwarded.proxiedRequest().path())));
        if (status == 503) {
            response.putHeader("Retry-After", "5");
        }
        return response;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return String.valueOf(cause);
    }

    private static String remoteHost(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }

    /** The service could not be reached at all (nothing was sent). */
    static final class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super(cause);
        }
    }
}
