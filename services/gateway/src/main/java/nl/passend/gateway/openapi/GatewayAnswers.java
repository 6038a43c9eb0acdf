package nl.passend.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The answers the gateway itself gives in front of every operation of the merged document, in the one problem
 * shape: 429 when a client's rate limit is spent (every path below /api/v1), and for a routed operation 502
 * (the service broke off), 503 (it cannot be reached) and 504 (it did not answer in time). A description the
 * service gave a code already (503 not-yet-synced) is kept and the gateway's reason added.
 */
final class GatewayAnswers {

    /** In the order of the codes: the committed document must not change from one run to the next. */
    private static final Map<String, String> ROUTED = new TreeMap<>(Map.of(
            "502", "bad-gateway: the service broke the connection off; retry",
            "503", "service-unavailable: the service cannot be reached right now; retry after Retry-After seconds",
            "504", "service-timeout: the service did not answer in time; retry"));
    private static final String RATE_LIMITED = "too-many-requests: your client's rate limit is spent; retry after "
            + "Retry-After seconds";

    private GatewayAnswers() {
    }

    /** Adds the gateway's answers to every operation; {@code routed} says whether a path is a service's. */
    static void addTo(ObjectNode paths, Predicate<String> routed) {
        paths.fields().forEachRemaining(path -> path.getValue().forEach(operation -> {
            if (!operation.isObject() || !operation.has("responses")) {
                return;
            }
            ObjectNode responses = (ObjectNode) operation.get("responses");
            problem(responses, "429", RATE_LIMITED);
            if (routed.test(path.getKey())) {
                ROUTED.forEach((status, description) -> problem(responses, status, description));
            }
        }));
    }

    private static void problem(ObjectNode responses, String status, String description) {
        JsonNode existing = responses.path(status);
        if (existing.isObject()) {
            String given = existing.path("description").asText();
            if (!given.contains(description)) {
                ((ObjectNode) existing).put("description", given.isEmpty() ? description : given + "; or " + description);
            }
            return;
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/" + "Problem");
    }
}
