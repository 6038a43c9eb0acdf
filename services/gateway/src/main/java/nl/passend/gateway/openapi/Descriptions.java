package nl.passend.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Descriptions are CommonMark, and Swagger UI drops what reads as an HTML tag: "routes /api/v1/&lt;path&gt;"
 * would show as "routes /api/v1/". So a {@code <} that would open a tag is escaped ({@code \<}, which renders
 * as {@code <}), except inside a code span (between backticks), where it shows as it is.
 */
final class Descriptions {

    /** Values, not text for a reader: left as they are. */
    private static final Set<String> VALUES = Set.of("example", "examples", "default", "enum", "const");
    private static final Pattern TAG_START = Pattern.compile("(?<!\\\\)<(?=[A-Za-z/!?])");

    private Descriptions() {
    }

    /** Escapes every {@code description} below {@code node}, in place. */
    static void escapeTags(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("description") && value.isTextual()) {
                    object.set(name, TextNode.valueOf(escape(value.asText())));
                } else if (!VALUES.contains(name)) {
                    escapeTags(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(Descriptions::escapeTags);
        }
    }

    /** The text with each tag-like {@code <} outside code spans escaped. */
    static String escape(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            // an even part is outside backticks; so is the text after an unclosed last backtick
            boolean code = i % 2 == 1 && i < parts.length - 1;
            out.append(code ? parts[i] : TAG_START.matcher(parts[i]).replaceAll("\\\\<"));
            if (i < parts.length - 1) {
                out.append('`');
            }
        }
        return out.toString();
    }
}
