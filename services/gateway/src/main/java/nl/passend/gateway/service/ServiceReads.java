package nl.passend.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.config.Upstreams;
import nl.passend.gateway.domain.CorrelationIds;
import nl.passend.gateway.domain.RouteTable;
import nl.passend.platform.http.AsOf;

/**
 * A GET of a path of the public API from the service that owns it, made by the gateway itself on behalf of
 * its caller: the service's answer, or the status that says why there is none (503 unreachable or broken
 * off, 504 slower than {@code passend.gateway.timeout}, 502 anything else).
 */
@ApplicationScoped
public class ServiceReads {

    /** A service's answer: its status and, for 200 or a problem, its JSON body. */
    public record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Upstreams upstreams;
    private final Duration timeout;
    private final HttpClient client;

    @Inject
    public ServiceReads(GatewayConfig config, Upstreams upstreams) {
        this.upstreams = upstreams;
        this.timeout = config.timeout();
        // HTTP/1.1: a connection per concurrent read, so one service breaking off cannot take the others down
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
                .build();
    }

    /** @param path a path below /api/v1, e.g. {@code /pupils/42/opps}; with {@code asOf}, asked for that day */
    public CompletableFuture<Answer> get(String path, AsOf asOf, OnBehalfOf caller) {
        RouteTable.Route route = upstreams.table().resolve(path)
                .orElseThrow(() -> new IllegalStateException("no route for " + path));
        String base = upstreams.of(route.target()).orElseThrow(() -> new IllegalStateException(path + " is no service's"))
                .url().toString().replaceAll("/+$", "");
        String query = asOf == null ? "" : "?" + AsOf.PARAM + "=" + asOf.date();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(timeout)
                .header("Accept", "application/json")
                .header(CorrelationIds.HEADER, caller.correlationId());
        if (caller.bearerToken() != null) {
            request.header("Authorization", "Bearer " + caller.bearerToken());
        }
        return client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(ServiceReads::answer)
                .exceptionally(ServiceReads::failed);
    }

    private static Answer answer(HttpResponse<byte[]> response) {
        JsonNode body = null;
        try {
            body = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            // not JSON: the status alone says what happened
        }
        return new Answer(response.statusCode(), body);
    }

    private static Answer failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean slow = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
        // unreachable or broken off (an IOException, ConnectException included): 503; anything else: 502
        return new Answer(slow ? 504 : cause instanceof IOException ? 503 : 502, null);
    }
}
