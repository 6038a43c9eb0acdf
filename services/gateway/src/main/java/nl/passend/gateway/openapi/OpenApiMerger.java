package nl.passend.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.RouteTable;

/**
 * Merges the services' OpenAPI documents (api-specs/openapi/&lt;service&gt;.yaml) into the one document of
 * the public API, as the gateway routes it:
 * <ul>
 * <li>a service's path is in it, below /api/v1, when the gateway routes that path to that service; any other
 * (reporting-service's browser dashboard, which is not part of the API) is left out and listed in
 * {@link Result#leftOut()}; the gateway's own contract ({@code gateway.yaml}) has its paths below /api/v1
 * already, and each is in it when it is one of the gateway's own paths;</li>
 * <li>components of the same kind and name that are the same in every service that has them are kept once
 * under their name; where they differ, every variant is renamed to the service's name in PascalCase before it
 * ({@code ConsentResponse} → {@code OppConsentResponse}, {@code SupportTeamConsentResponse}) and every
 * {@code $ref} to it follows ({@link ComponentRenames});</li>
 * <li>only components that something kept refers to stay; tags only when an operation uses them;</li>
 * <li>for Swagger UI: a relative server (the gateway serving it), the realm's OAuth 2 scheme beside the bearer one
 * ({@link SwaggerUiLogin}), and descriptions whose {@code <word>} would be taken for an HTML tag escaped
 * ({@link Descriptions});</li>
 * <li>paths sorted, components sorted by name, everything else in the services' order: the output
 * depends on the inputs only.</li>
 * </ul>
 */
public final class OpenApiMerger {

    public static final String MERGED_FILE = "passend-api.yaml";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    static final String HEADER = """
            # The Passend public API, as the gateway serves it (GET /api/v1/openapi.yaml).
            # GENERATED from the services' contracts in this folder and the gateway's routes: do not edit.
            # Regenerate: ./mvnw -q -pl services/gateway -am process-classes -Pmerge-openapi   (a gateway test fails while it is stale)
            """;

    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");

    /** The merged document, and the services' paths it does not contain (service → paths). */
    public record Result(ObjectNode document, Map<String, List<String>> leftOut, Map<String, String> renamed) {

        public String yaml() {
            try {
                return HEADER + YAML.writeValueAsString(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private OpenApiMerger() {
    }

    /** The services' documents in a folder: every *.yaml but the merged one, by service name (the file name). */
    public static Map<String, JsonNode> readSpecs(Path folder) {
        Map<String, JsonNode> specs = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals(MERGED_FILE)).sorted().toList()) {
                String name = file.getFileName().toString();
                specs.put(name.substring(0, name.length() - ".yaml".length()), YAML.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return specs;
    }

    public static Result merge(Map<String, JsonNode> specsByService, RouteTable routes) {
        Map<String, JsonNode> specs = new TreeMap<>(specsByService);
        String version = commonVersion(specs);
        Routed routed = routed(specs, routes);
        Map<String, Map<String, String>> renames = ComponentRenames.decide(specs);
        Parts parts = collect(specs, routed.kept(), renames);
        SwaggerUiLogin.addTo(parts.paths(), parts.components());
        GatewayAnswers.addTo(parts.paths(), routed.publicPaths()::contains);

        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("openapi", version);
        doc.set("info", info(specs.keySet()));
        // relative: the gateway that serves the document (Swagger UI's "Try it out" calls its own origin)
        doc.putArray("servers").addObject().put("url", "/")
                .put("description", "the gateway that serves this document; locally http://127.0.0.1:8080");
        doc.set("tags", usedTags(parts));
        doc.set("paths", parts.paths());
        doc.set("components", usedComponents(parts));
        Descriptions.escapeTags(doc);
        return new Result(doc, routed.leftOut(), byServiceAndKey(renames));
    }

    /** The OpenAPI version every document has (3.0.3 when there is none); documents of two versions fail. */
    private static String commonVersion(Map<String, JsonNode> specs) {
        String version = null;
        for (Map.Entry<String, JsonNode> spec : specs.entrySet()) {
            String v = spec.getValue().path("openapi").asText();
            if (version != null && !version.equals(v)) {
                throw new IllegalArgumentException(spec.getKey() + " is OpenAPI " + v + ", the others " + version);
            }
            version = v;
        }
        return version == null ? "3.0.3" : version;
    }

    /** Per service, the paths the gateway routes to it ({@code kept}) and those it does not ({@code leftOut}). */
    private record Routed(Map<String, List<String>> kept, Map<String, List<String>> leftOut) {

        /** The public paths of the services' kept paths (the gateway's own are not among them). */
        Set<String> publicPaths() {
            Set<String> paths = new HashSet<>();
            kept.forEach((service, list) -> list.stream().filter(p -> !ownPublicPath(service, p))
                    .forEach(p -> paths.add(GatewayConfig.PUBLIC_PREFIX + p)));
            return paths;
        }
    }

    private static Routed routed(Map<String, JsonNode> specs, RouteTable routes) {
        Map<String, List<String>> leftOut = new TreeMap<>();
        Map<String, List<String>> kept = new TreeMap<>();
        specs.forEach((service, spec) -> spec.path("paths").fieldNames().forEachRemaining(path -> {
            boolean routedHere = routes.resolveTemplate(routedPath(service, path))
                    .map(r -> r.target().equals(service)).orElse(false);
            (routedHere ? kept : leftOut).computeIfAbsent(service, s -> new ArrayList<>()).add(path);
        }));
        return new Routed(kept, leftOut);
    }

    /**
     * What the merged document is made of, with every reference renamed: the kept paths at their public path,
     * sorted; every component by "kind/name" (a variant under its new name); every tag by name, the first wins.
     */
    private record Parts(ObjectNode paths, Map<String, JsonNode> components, Map<String, ObjectNode> tags) {
    }

    private static Parts collect(Map<String, JsonNode> specs, Map<String, List<String>> kept,
            Map<String, Map<String, String>> renames) {
        TreeMap<String, ObjectNode> sortedPaths = new TreeMap<>();
        Map<String, JsonNode> components = new TreeMap<>();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        specs.forEach((service, spec) -> {
            Map<String, String> rename = renames.getOrDefault(service, Map.of());
            for (String path : kept.getOrDefault(service, List.of())) {
                String publicPath = ownPublicPath(service, path) ? path : GatewayConfig.PUBLIC_PREFIX + path;
                if (sortedPaths.containsKey(publicPath)) {
                    throw new IllegalArgumentException(publicPath + " is in two services' documents");
                }
                sortedPaths.put(publicPath, (ObjectNode) ComponentRenames.rewrite(spec.path("paths").path(path).deepCopy(), rename));
            }
            spec.path("components").fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(c -> {
                String key = kind.getKey() + "/" + c.getKey();
                components.putIfAbsent(kind.getKey() + "/" + rename.getOrDefault(key, c.getKey()),
                        ComponentRenames.rewrite(c.getValue().deepCopy(), rename));
            }));
            spec.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag.deepCopy()));
        });
        ObjectNode paths = JsonNodeFactory.instance.objectNode();
        sortedPaths.forEach(paths::set);
        return new Parts(paths, components, tags);
    }

    private static ObjectNode info(Collection<String> services) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("title", "Passend API");
        info.put("version", "1.0.0");
        info.put("description", "The public API of Passend, served by the gateway under /api/v1: every call needs a "
                + "bearer token from Passend's Keycloak realm, is limited per client (429 with Retry-After when over "
                + "the limit) and carries an X-Correlation-Id (yours when you send a valid one). The gateway routes "
                + "`/api/v1/<path>` to the service that owns `<path>`; errors are application/problem+json. "
                + "Merged from: " + String.join(", ", services) + ".");
        info.putObject("contact").put("name", "Passend").put("url", "https://passend.nl");
        return info;
    }

    /** The tags an operation uses, in the services' order. */
    private static ArrayNode usedTags(Parts parts) {
        Set<String> used = new HashSet<>();
        parts.paths().forEach(item -> item.forEach(op -> op.path("tags").forEach(t -> used.add(t.asText()))));
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        parts.tags().forEach((name, tag) -> {
            if (used.contains(name)) {
                tags.add(tag);
            }
        });
        return tags;
    }

    /** The components the paths use, directly or through other components, by kind and then by name. */
    private static ObjectNode usedComponents(Parts parts) {
        Set<String> used = reachable(parts.paths(), parts.components());
        ObjectNode components = JsonNodeFactory.instance.objectNode();
        for (String kind : COMPONENT_KINDS) {
            ObjectNode byName = JsonNodeFactory.instance.objectNode();
            parts.components().forEach((key, component) -> {
                if (key.startsWith(kind + "/") && used.contains(key)) {
                    byName.set(key.substring(kind.length() + 1), component);
                }
            });
            if (!byName.isEmpty()) {
                components.set(kind, byName);
            }
        }
        return components;
    }

    /** The renames as {@code service:kind/name → new name}. */
    private static Map<String, String> byServiceAndKey(Map<String, Map<String, String>> renames) {
        Map<String, String> renamed = new TreeMap<>();
        renames.forEach((service, map) -> map.forEach((from, to) -> renamed.put(service + ":" + from, to)));
        return renamed;
    }

    /**
     * The gateway's own contract ({@code gateway.yaml}) documents its endpoints at their public paths
     * ({@code /api/v1/subscriptions}); a service's contract has the service's own paths.
     */
    private static boolean ownPublicPath(String service, String path) {
        return RouteTable.GATEWAY.equals(service) && path.startsWith(GatewayConfig.PUBLIC_PREFIX + "/");
    }

    /** The path as the route table knows it: below /api/v1. */
    private static String routedPath(String service, String path) {
        return ownPublicPath(service, path) ? path.substring(GatewayConfig.PUBLIC_PREFIX.length()) : path;
    }

    /** "kind/name" of every component the paths use, directly or through other components. */
    private static Set<String> reachable(JsonNode paths, Map<String, JsonNode> components) {
        Set<String> seen = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.add(paths);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (field.getKey().equals("$ref") && field.getValue().isTextual()
                            && field.getValue().asText().startsWith(ComponentRenames.REF_PREFIX)) {
                        String[] parts = field.getValue().asText().substring(ComponentRenames.REF_PREFIX.length()).split("/", 3);
                        if (parts.length >= 2) {
                            String key = parts[0] + "/" + parts[1];
                            if (seen.add(key) && components.containsKey(key)) {
                                todo.push(components.get(key));
                            }
                        }
                    } else if (field.getKey().equals("security") && field.getValue().isArray()) {
                        field.getValue().forEach(req -> req.fieldNames().forEachRemaining(
                                scheme -> seen.add("securitySchemes/" + scheme)));
                    } else {
                        todo.push(field.getValue());
                    }
                }
            } else if (node.isArray()) {
                node.forEach(todo::push);
            }
        }
        return seen;
    }
}
