package nl.passend.gateway.service;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.CallbackUrls;
import nl.passend.gateway.domain.WebhookSignature;

/**
 * One attempt of one delivery: a POST of the CloudEvent (structured mode, {@code application/cloudevents+json})
 * to the callback URL, signed as the Standard Webhooks specification says, with the delivery's id as
 * {@code X-Correlation-Id}. Redirects are not followed; only a 2xx answer counts as delivered.
 *
 * <p>The host is resolved once per attempt, every address it has is checked (see {@link CallbackUrls#mayConnect}),
 * and the connection goes to the checked address itself: a DNS answer that changes in between (DNS rebinding)
 * cannot send the request elsewhere. TLS, SNI and the Host header are still about the URL's host name, whose
 * certificate is verified. The JDK's HttpClient always resolves again, so this is Vert.x's.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String USER_AGENT = "Passend-Webhooks/1.0";

    /** What one attempt came to: the callback's status (when it answered) and, when it failed, why. */
    public record Outcome(boolean delivered, Integer statusCode, String error, Duration retryAfter) {

        static Outcome answered(int status, Duration retryAfter) {
            boolean ok = status >= 200 && status < 300;
            return new Outcome(ok, status, ok ? null : "http-" + status, retryAfter);
        }

        static Outcome failed(String error) {
            return new Outcome(false, null, error, null);
        }
    }

    /** Every address of a host name (the JDK's resolver; a test's own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * @param trust the certificates a callback's chain must end in; null for the JVM's (tests bring their own)
     */
    record Settings(Duration connectTimeout, Duration requestTimeout, boolean allowLocalCallbacks, int connections,
            TrustOptions trust) {

        static Settings of(GatewayConfig.Webhooks config) {
            return new Settings(config.connectTimeout(), config.requestTimeout(), config.allowLocalCallbacks(),
                    config.concurrency(), null);
        }
    }

    private final Settings settings;
    private final HttpClient client;
    private final Clock clock;
    private final Resolver resolver;

    @Inject
    public WebhookSender(GatewayConfig config, Clock clock, Vertx vertx) {
        this(Settings.of(config.webhooks()), clock, vertx, InetAddress::getAllByName);
    }

    WebhookSender(Settings settings, Clock clock, Vertx vertx, Resolver resolver) {
        this.settings = settings;
        this.clock = clock;
        this.resolver = resolver;
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxPoolSize(Math.max(1, settings.connections()))
                // the certificate must name the URL's host (not the address connected to), asked for by SNI
                .setVerifyHost(true)
                .setForceSni(true);
        if (settings.trust() != null) {
            options.setTrustOptions(settings.trust());
        }
        this.client = vertx.createHttpClient(options);
    }

    /**
     * @param messageId the event's id ({@code webhook-id}: the same for every attempt, so the receiver can
     *        drop a second copy)
     * @param correlationId the delivery's id
     */
    public Outcome send(String callbackUrl, String messageId, String correlationId, String payload,
            List<String> secrets) {
        URI uri = URI.create(callbackUrl);
        InetAddress address;
        try {
            address = checkedAddress(uri.getHost());
        } catch (UnknownHostException e) {
            return Outcome.failed("unknown-host");
        }
        if (address == null) {
            return Outcome.failed("blocked-address");
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now(clock).getEpochSecond();
        RequestOptions request = pinned(uri, address)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader(WebhookSignature.ID_HEADER, messageId)
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.header(secrets, messageId, timestamp, body))
                .putHeader(CORRELATION_HEADER, correlationId);
        Future<HttpClientRequest> connected = client.request(request);
        Future<HttpClientResponse> answered = connected
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(response -> {
                    response.handler(chunk -> { }); // the body is read and dropped
                    return response.end().map(response);
                });
        try {
            HttpClientResponse response = answered.toCompletionStage().toCompletableFuture()
                    .get(settings.connectTimeout().plus(settings.requestTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.answered(response.statusCode(),
                    retryAfter(response.getHeader("Retry-After"), Instant.now(clock)));
        } catch (TimeoutException e) {
            if (connected.succeeded()) {
                connected.result().reset(); // a receiver that answers too slowly: its connection is closed
            }
            return Outcome.failed(connected.succeeded() ? "timeout" : "connect-timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (ExecutionException e) {
            return Outcome.failed(errorCode(e.getCause(), connected.succeeded()));
        }
    }

    /** The host's first address, when every one it has may be connected to; null when one may not. */
    private InetAddress checkedAddress(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (!CallbackUrls.mayConnect(address, settings.allowLocalCallbacks())) {
                return null;
            }
        }
        return addresses[0];
    }

    /** A POST to the URL over a connection to {@code address}: the URL's host for TLS and the Host header. */
    private RequestOptions pinned(URI uri, InetAddress address) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(settings.connectTimeout().toMillis())
                .setIdleTimeout(settings.requestTimeout().toMillis());
    }

    /**
     * A short, stable code for why an attempt got no answer.
     *
     * @param connected whether a connection was made (a timeout before is a connect timeout)
     */
    static String errorCode(Throwable failure, boolean connected) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof TimeoutException && !connected) {
                return "connect-timeout";
            }
            if (t instanceof TimeoutException) {
                return "timeout";
            }
            if (t instanceof ConnectException) {
                return "connection-refused";
            }
            if (t instanceof SSLException) {
                return "tls";
            }
            if (t instanceof UnknownHostException) {
                return "unknown-host";
            }
        }
        // VertxException: the connection closed or reset before the answer
        return failure instanceof IOException || failure instanceof VertxException ? "io-error" : "error";
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
