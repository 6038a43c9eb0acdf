package nl.passend.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
 * {@code X-Correlation-Id}. Redirects are not followed; only a 2xx answer counts as delivered. The host's
 * addresses are checked before each attempt (see {@link CallbackUrls#mayConnect}).
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

    private final GatewayConfig.Webhooks config;
    private final HttpClient client;
    private final Clock clock;

    @Inject
    public WebhookSender(GatewayConfig config, Clock clock) {
        this.config = config.webhooks();
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.connectTimeout())
                .build();
    }

    /**
     * @param messageId the event's id ({@code webhook-id}: the same for every attempt, so the receiver can
     *        drop a second copy)
     * @param correlationId the delivery's id
     */
    public Outcome send(String callbackUrl, String messageId, String correlationId, String payload,
            List<String> secrets) {
        URI uri = URI.create(callbackUrl);
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!CallbackUrls.mayConnect(address, config.allowLocalCallbacks())) {
                    return Outcome.failed("blocked-address");
                }
            }
        } catch (UnknownHostException e) {
            return Outcome.failed("unknown-host");
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now(clock).getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, messageId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(secrets, messageId, timestamp, body))
                .header(CORRELATION_HEADER, correlationId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .get(config.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return Outcome.answered(response.statusCode(),
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now(clock)));
        } catch (TimeoutException e) {
            return Outcome.failed("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (ExecutionException e) {
            return Outcome.failed(errorCode(e.getCause()));
        }
    }

    /** A short, stable code for why an attempt got no answer. */
    static String errorCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "connect-timeout";
            }
            if (t instanceof HttpTimeoutException) {
                return "timeout";
            }
            if (t instanceof ConnectException) {
                return "connection-refused";
            }
            if (t instanceof SSLException) {
                return "tls";
            }
        }
        return failure instanceof IOException ? "io-error" : "error";
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
