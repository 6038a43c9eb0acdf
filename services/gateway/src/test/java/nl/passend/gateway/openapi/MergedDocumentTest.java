package nl.passend.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.passend.gateway.domain.RouteTable;
import org.junit.jupiter.api.Test;

/**
 * api-specs/openapi/passend-api.yaml is what merging the services' documents (and the gateway's own,
 * gateway.yaml) with the gateway's routes gives today, and every path of every service is routed to that
 * service, every path of the gateway's own contract to the gateway.
 */
class MergedDocumentTest {

    private static final Path SPECS = Path.of("../../api-specs/openapi");

    @Test
    void theCommittedMergedDocumentIsUpToDate() throws IOException {
        OpenApiMerger.Result merged = OpenApiMerger.merge(OpenApiMerger.readSpecs(SPECS), MergeOpenApi.configuredRoutes());
        Path committed = SPECS.resolve(OpenApiMerger.MERGED_FILE);
        String expected = merged.yaml();
        String actual = Files.exists(committed) ? Files.readString(committed) : "";
        if (!expected.equals(actual)) {
            Path written = Path.of("target", "openapi", OpenApiMerger.MERGED_FILE);
            Files.createDirectories(written.getParent());
            Files.writeString(written, expected);
            JsonNode committedTree = actual.isEmpty() ? null : OpenApiMerger.YAML.readTree(actual);
            throw new AssertionError("api-specs/openapi/passend-api.yaml is stale"
                    + (committedTree != null && committedTree.equals(merged.document()) ? " (formatting only)" : "")
                    + ": a service's contract or the gateway's routes changed. Regenerate it with "
                    + "./mvnw -q -pl services/gateway -am process-classes -Pmerge-openapi (the fresh one is in " + written.toAbsolutePath() + ")");
        }
    }

    @Test
    void everyPathOfEveryServiceIsRoutedToThatService() throws IOException {
        Map<String, JsonNode> specs = OpenApiMerger.readSpecs(SPECS);
        RouteTable routes = MergeOpenApi.configuredRoutes();
        // every service's contract, and the gateway's own (gateway.yaml: its endpoints under /api/v1)
        List<String> contracts = new java.util.ArrayList<>(routes.services());
        contracts.add(RouteTable.GATEWAY);
        assertThat(specs.keySet()).containsExactlyInAnyOrderElementsOf(contracts);
        OpenApiMerger.Result merged = OpenApiMerger.merge(specs, routes);
        // every path is routed (reporting-service's dashboard, a browser page with its own login, is in no
        // contract); every endpoint of the gateway's own contract is one of its own paths (else proxied or a 404)
        assertThat(merged.leftOut()).isEmpty();
        int paths = specs.values().stream().mapToInt(s -> s.path("paths").size()).sum();
        assertThat(merged.document().path("paths").size()).isEqualTo(paths);
    }

    /** What client generators need (issue: clients generated from the contract compile without a warning). */
    @Test
    void everyOperationHasAUniqueCamelCaseIdAndATagAndNoSchemaLeaksAFrameworkClassOrHasRefSiblings() throws IOException {
        JsonNode document = OpenApiMerger.YAML.readTree(Files.readString(SPECS.resolve(OpenApiMerger.MERGED_FILE)));
        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
        java.util.Set<String> ids = new java.util.HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            String id = op.getValue().path("operationId").asText();
            assertThat(id).as("operationId of " + where).matches("[a-z][a-zA-Z0-9]+");
            assertThat(ids.add(id)).as("operationId " + id + " of " + where + " is unique").isTrue();
            assertThat(op.getValue().path("tags")).as("tags of " + where).isNotEmpty();
        }));
        assertThat(ids).hasSizeGreaterThan(100);
        // no schema named after a Java or Jackson type, and no $ref with a keyword beside it
        assertThat(iterable(document.path("components").path("schemas").fieldNames()))
                .doesNotContain("UUID", "Instant", "LocalDate", "LocalDateTime", "JsonNode", "JsonNodeType", "Object");
        List<String> refsWithSiblings = new java.util.ArrayList<>();
        collectRefsWithSiblings("", document, refsWithSiblings);
        assertThat(refsWithSiblings).isEmpty();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static void collectRefsWithSiblings(String at, JsonNode node, List<String> found) {
        if (node.isObject()) {
            if (node.has("$ref") && node.size() > 1) {
                found.add(at);
            }
            node.fields().forEachRemaining(e -> collectRefsWithSiblings(at + "/" + e.getKey(), e.getValue(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefsWithSiblings(at + "/" + i, node.get(i), found);
            }
        }
    }
}
