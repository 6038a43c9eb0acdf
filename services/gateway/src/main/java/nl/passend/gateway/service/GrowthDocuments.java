package nl.passend.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.StreamSupport;
import nl.passend.gateway.api.GatewayRoutes;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.CorrelationIds;
import nl.passend.gateway.domain.RouteTable;
import nl.passend.platform.http.AsOf;

/**
 * The groeidocument of one pupil, composed from the services' own reads with the caller's token: each
 * service decides and audits what the caller may see, as for any other call. The pupil itself must be
 * visible (else the service's 403/404 is the answer); every other part is the service's answer, or
 * {@code {"available": false, "status": ...}} when the caller may not see it (403/404) or the service is
 * down (503) or too slow (504). With {@code asOf}, every read is asked for that day.
 */
@ApplicationScoped
public class GrowthDocuments {

    /** A part of the document: its name in the answer and the service path it reads (below /api/v1). */
    enum Part {
        PUPIL("pupil", "/pupils/%s"),
        SUPPORT_LEVEL("supportLevel", "/pupils/%s/support-level"),
        SUPPORT_LEVEL_HISTORY("supportLevelHistory", "/pupils/%s/support-level/history"),
        INTERVENTIONS("interventions", "/pupils/%s/interventions"),
        OPPS("opps", "/pupils/%s/opps"),
        CASES("cases", "/pupils/%s/cases"),
        CONSENTS("consents", "/pupils/%s/consent-requests");

        final String field;
        final String path;

        Part(String field, String path) {
            this.field = field;
            this.path = path;
        }
    }

    /** A service's answer: its status and, for 200 or a problem, its JSON body. */
    public record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }
    }

    /** The document, or the status and problem with which the pupil itself was refused. */
    public record Result(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouteTable table;
    private final Map<String, URI> services = new LinkedHashMap<>();
    private final Duration timeout;
    private final HttpClient client;
    private final Clock clock;

    @Inject
    public GrowthDocuments(GatewayConfig config, ServiceProxy proxy, Clock clock) {
        this.clock = clock;
        this.table = GatewayRoutes.routeTable(config);
        proxy.upstreams().forEach(u -> services.put(u.name(), u.url()));
        this.timeout = config.timeout();
        // HTTP/1.1: a connection per concurrent read, so one service breaking off cannot take the others down
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
                .build();
    }

    public Result compose(UUID pupilId, AsOf asOf, String authorization, String correlationId) {
        // the pupil first: a caller who may not see the pupil causes no further reads (nor their audit entries)
        Answer pupil = read(Part.PUPIL.path.formatted(pupilId), asOf, authorization, correlationId).join();
        if (!pupil.ok()) {
            return new Result(pupil.status(), pupil.body());
        }
        Map<Part, CompletableFuture<Answer>> calls = new LinkedHashMap<>();
        calls.put(Part.PUPIL, CompletableFuture.completedFuture(pupil));
        for (Part part : Part.values()) {
            calls.putIfAbsent(part, read(part.path.formatted(pupilId), asOf, authorization, correlationId));
        }
        ObjectNode document = JSON.createObjectNode();
        document.put("pupilId", pupilId.toString());
        document.put("asOf", asOf == null ? null : asOf.date().toString());
        document.put("composedAt", Instant.now(clock).toString());
        calls.forEach((part, call) -> document.set(part.field, part(call.join())));
        // the OPP whole (current version with its goals): the open plan last changed, else the last one
        Answer opps = calls.get(Part.OPPS).join();
        document.set("opp", current(opps).map(plan -> part(read("/opps/" + plan, asOf, authorization, correlationId).join()))
                .orElse(opps.ok() ? null : part(opps)));
        return new Result(200, document);
    }

    private static JsonNode part(Answer answer) {
        if (answer.ok()) {
            return answer.body();
        }
        ObjectNode unavailable = JSON.createObjectNode();
        unavailable.put("available", false);
        unavailable.put("status", answer.status());
        return unavailable;
    }

    /** The plan to show whole: of the pupil's plans, the open one last updated, else the last updated. */
    static Optional<String> current(Answer opps) {
        if (!opps.ok() || !opps.body().isArray()) {
            return Optional.empty();
        }
        Comparator<JsonNode> byOpen = Comparator.comparing(p -> !"CLOSED".equals(p.path("status").asText()));
        Comparator<JsonNode> byUpdated = Comparator.comparing(p -> p.path("updatedAt").asText(""));
        return StreamSupport.stream(opps.body().spliterator(), false)
                .max(byOpen.thenComparing(byUpdated))
                .map(p -> p.path("id").asText());
    }

    private CompletableFuture<Answer> read(String path, AsOf asOf, String authorization, String correlationId) {
        RouteTable.Route route = table.resolve(path).orElseThrow(() -> new IllegalStateException("no route for " + path));
        String base = services.get(route.target()).toString().replaceAll("/+$", "");
        String query = asOf == null ? "" : "?" + AsOf.PARAM + "=" + asOf.date();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(timeout)
                .header("Accept", "application/json")
                .header(CorrelationIds.HEADER, correlationId);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(GrowthDocuments::answer)
                .exceptionally(GrowthDocuments::failed);
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
