package nl.passend.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import nl.passend.gateway.service.ServiceReads.Answer;
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

    /** The document, or the status and problem with which the pupil itself was refused. */
    public record Result(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceReads reads;
    private final Clock clock;

    @Inject
    public GrowthDocuments(ServiceReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    public Result compose(UUID pupilId, AsOf asOf, OnBehalfOf caller) {
        // the pupil first: a caller who may not see the pupil causes no further reads (nor their audit entries)
        Answer pupil = reads.get(Part.PUPIL.path.formatted(pupilId), asOf, caller).join();
        if (!pupil.ok()) {
            return new Result(pupil.status(), pupil.body());
        }
        Map<Part, CompletableFuture<Answer>> calls = new LinkedHashMap<>();
        calls.put(Part.PUPIL, CompletableFuture.completedFuture(pupil));
        for (Part part : Part.values()) {
            calls.putIfAbsent(part, reads.get(part.path.formatted(pupilId), asOf, caller));
        }
        ObjectNode document = JSON.createObjectNode();
        document.put("pupilId", pupilId.toString());
        document.put("asOf", asOf == null ? null : asOf.date().toString());
        document.put("composedAt", Instant.now(clock).toString());
        calls.forEach((part, call) -> document.set(part.field, part(call.join())));
        // the OPP whole (current version with its goals): the open plan last changed, else the last one
        Answer opps = calls.get(Part.OPPS).join();
        document.set("opp", current(opps).map(plan -> part(reads.get("/opps/" + plan, asOf, caller).join()))
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
}
