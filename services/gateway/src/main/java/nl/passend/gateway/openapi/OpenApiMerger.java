package nl.passend.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <li>components of the same kind and name that are the same in every service that has them (after the
 * renames below) are kept once under their name; where they differ, every variant is renamed to the
 * service's name in PascalCase before it ({@code ConsentResponse} → {@code OppConsentResponse},
 * {@code SupportTeamConsentResponse}) and every {@code $ref} to it follows; a rename that would clash
 * again fails the merge;</li>
 * <li>only components that something kept refers to stay; tags only when an operation uses them;</li>
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
            # Regenerate: ./mvnw -q -pl services/gateway compile exec:java   (a gateway test fails while it is stale)
            """;

    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");
    private static final String REF_PREFIX = "#/components/";

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
        String version = null;
        for (Map.Entry<String, JsonNode> spec : specs.entrySet()) {
            String v = spec.getValue().path("openapi").asText();
            if (version != null && !version.equals(v)) {
                throw new IllegalArgumentException(spec.getKey() + " is OpenAPI " + v + ", the others " + version);
            }
            version = v;
        }

        // 1. which paths each service contributes
        Map<String, List<String>> leftOut = new TreeMap<>();
        Map<String, List<String>> kept = new TreeMap<>();
        specs.forEach((service, spec) -> spec.path("paths").fieldNames().forEachRemaining(path -> {
            boolean routedHere = routes.resolveTemplate(routedPath(service, path))
                    .map(r -> r.target().equals(service)).orElse(false);
            (routedHere ? kept : leftOut).computeIfAbsent(service, s -> new ArrayList<>()).add(path);
        }));

        // 2. component names: the same everywhere stays, different gets the service's prefix
        Map<String, Map<String, String>> renames = componentRenames(specs);

        // 3. each service's paths and components with the renamed references
        ObjectNode paths = JsonNodeFactory.instance.objectNode();
        Map<String, JsonNode> components = new TreeMap<>(); // "kind/name" -> component
        TreeMap<String, ObjectNode> sortedPaths = new TreeMap<>();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        specs.forEach((service, spec) -> {
            Map<String, String> rename = renames.getOrDefault(service, Map.of());
            for (String path : kept.getOrDefault(service, List.of())) {
                String publicPath = ownPublicPath(service, path) ? path : GatewayConfig.PUBLIC_PREFIX + path;
                if (sortedPaths.containsKey(publicPath)) {
                    throw new IllegalArgumentException(publicPath + " is in two services' documents");
                }
                sortedPaths.put(publicPath, (ObjectNode) rewrite(spec.path("paths").path(path).deepCopy(), rename));
            }
            spec.path("components").fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(c -> {
                String key = kind.getKey() + "/" + c.getKey();
                components.putIfAbsent(kind.getKey() + "/" + rename.getOrDefault(key, c.getKey()),
                        rewrite(c.getValue().deepCopy(), rename));
            }));
            spec.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag.deepCopy()));
        });
        sortedPaths.forEach(paths::set);

        // 4. keep what the paths use
        Set<String> used = reachable(paths, components);
        Set<String> usedTags = new HashSet<>();
        paths.forEach(item -> item.forEach(op -> op.path("tags").forEach(t -> usedTags.add(t.asText()))));

        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("openapi", version == null ? "3.1.0" : version);
        ObjectNode info = doc.putObject("info");
        info.put("title", "Passend API");
        info.put("version", "1.0.0");
        info.put("description", "The public API of Passend, served by the gateway under /api/v1: every call needs a "
                + "bearer token from Passend's Keycloak realm, is limited per client (429 with Retry-After when over "
                + "the limit) and carries an X-Correlation-Id (yours when you send a valid one). The gateway routes "
                + "/api/v1/<path> to the service that owns <path>; errors are application/problem+json. "
                + "Merged from: " + String.join(", ", specs.keySet()) + ".");
        info.putObject("contact").put("name", "Passend").put("url", "https://passend.nl");
        doc.putArray("servers").addObject().put("url", "http://localhost:8080")
                .put("description", "the gateway of a local system (deploy/local/start)");
        ArrayNode tagList = doc.putArray("tags");
        tags.forEach((name, tag) -> {
            if (usedTags.contains(name)) {
                tagList.add(tag);
            }
        });
        doc.set("paths", paths);
        ObjectNode comps = doc.putObject("components");
        for (String kind : COMPONENT_KINDS) {
            ObjectNode byName = JsonNodeFactory.instance.objectNode();
            components.forEach((key, component) -> {
                if (key.startsWith(kind + "/") && used.contains(key)) {
                    byName.set(key.substring(kind.length() + 1), component);
                }
            });
            if (!byName.isEmpty()) {
                comps.set(kind, byName);
            }
        }
        Map<String, String> renamed = new TreeMap<>();
        renames.forEach((service, map) -> map.forEach((from, to) -> renamed.put(service + ":" + from, to)));
        return new Result(doc, leftOut, renamed);
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

    /** Per service: "kind/name" → new name, for the components that differ between services. */
    private static Map<String, Map<String, String>> componentRenames(Map<String, JsonNode> specs) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        Map<String, Map<String, JsonNode>> byKey = new TreeMap<>(); // "kind/name" -> service -> component
        specs.forEach((service, spec) -> spec.path("components").fields().forEachRemaining(kind ->
                kind.getValue().fields().forEachRemaining(c -> byKey.computeIfAbsent(kind.getKey() + "/" + c.getKey(),
                        k -> new TreeMap<>()).put(service, c.getValue()))));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Map<String, JsonNode>> entry : byKey.entrySet()) {
                Map<String, JsonNode> variants = entry.getValue();
                if (variants.size() < 2 || renames.values().stream().anyMatch(m -> m.containsKey(entry.getKey()))) {
                    continue;
                }
                Set<JsonNode> distinct = new HashSet<>();
                variants.forEach((service, component) -> distinct.add(
                        rewrite(component.deepCopy(), renames.getOrDefault(service, Map.of()))));
                if (distinct.size() > 1) {
                    String name = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
                    for (String service : variants.keySet()) {
                        String renamedTo = pascal(service) + name;
                        String newKey = entry.getKey().substring(0, entry.getKey().indexOf('/') + 1) + renamedTo;
                        if (byKey.containsKey(newKey)) {
                            throw new IllegalArgumentException("renaming " + service + "'s " + entry.getKey()
                                    + " to " + renamedTo + " clashes with a component of that name");
                        }
                        renames.computeIfAbsent(service, s -> new HashMap<>()).put(entry.getKey(), renamedTo);
                    }
                    changed = true;
                }
            }
        }
        return renames;
    }

    /** pupil-service → Pupil, support-level-service → SupportLevel. */
    static String pascal(String service) {
        String base = service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
        StringBuilder out = new StringBuilder();
        for (String part : base.split("[-_.]")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Rewrites $refs to renamed components, and security requirements naming a renamed scheme. */
    private static JsonNode rewrite(JsonNode node, Map<String, String> rename) {
        if (rename.isEmpty()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.set("$ref", TextNode.valueOf(renameRef(ref.asText(), rename)));
            }
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.equals("security") && object.get(name).isArray()) {
                    for (JsonNode requirement : object.get(name)) {
                        renameKeys((ObjectNode) requirement, rename);
                    }
                } else {
                    rewrite(object.get(name), rename);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewrite(child, rename));
        }
        return node;
    }

    private static void renameKeys(ObjectNode requirement, Map<String, String> rename) {
        List<String> names = new ArrayList<>();
        requirement.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String to = rename.get("securitySchemes/" + name);
            if (to != null) {
                JsonNode scopes = requirement.remove(name);
                requirement.set(to, scopes);
            }
        }
    }

    private static String renameRef(String ref, Map<String, String> rename) {
        if (!ref.startsWith(REF_PREFIX)) {
            return ref;
        }
        String[] parts = ref.substring(REF_PREFIX.length()).split("/", 3);
        if (parts.length < 2) {
            return ref;
        }
        String to = rename.get(parts[0] + "/" + parts[1]);
        return to == null ? ref : REF_PREFIX + parts[0] + "/" + to + (parts.length == 3 ? "/" + parts[2] : "");
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
                            && field.getValue().asText().startsWith(REF_PREFIX)) {
                        String[] parts = field.getValue().asText().substring(REF_PREFIX.length()).split("/", 3);
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
