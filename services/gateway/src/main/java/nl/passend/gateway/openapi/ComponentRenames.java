package nl.passend.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which components get a new name in the merged document, and the references that follow them. Components of
 * the same kind and name that are the same in every service that has them (after the renames) keep their name;
 * where they differ, every variant is renamed to the service's name in PascalCase before it
 * ({@code ConsentResponse} → {@code OppConsentResponse}, {@code SupportTeamConsentResponse}). A rename that
 * would clash again fails the merge.
 */
final class ComponentRenames {

    static final String REF_PREFIX = "#/components/";

    private ComponentRenames() {
    }

    /** Per service: "kind/name" → new name, for the components that differ between services. */
    static Map<String, Map<String, String>> decide(Map<String, JsonNode> specs) {
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
    static JsonNode rewrite(JsonNode node, Map<String, String> rename) {
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
}
