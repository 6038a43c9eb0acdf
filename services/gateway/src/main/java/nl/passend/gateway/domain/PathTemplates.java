package nl.passend.gateway.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path template of a request path, for the {@code uri} tag of the HTTP metrics: one tag per endpoint,
 * never one per pupil id. The templates are the paths of the merged API document
 * ({@code /api/v1/opps/{planId}}). A path none of them matches gets its route's prefix
 * ({@code /api/v1/pupils/*&#47;opps/**}, {@code *} one segment, {@code **} the rest), and a path no route
 * matches {@link #UNKNOWN}: a tag is always made of the document's and the route table's words only.
 */
public final class PathTemplates {

    public static final String UNKNOWN = "UNKNOWN";

    private final String base;
    private final Map<Integer, List<List<String>>> bySize = new HashMap<>();
    private final RouteTable table;

    /**
     * @param base the public root, {@code /api/v1}; the paths below it are what {@link #of} is given
     * @param documentPaths the API document's paths ({@code /api/v1/opps/{planId}}); others than below
     *        {@code base} are ignored
     */
    public PathTemplates(String base, Collection<String> documentPaths, RouteTable table) {
        this.base = base;
        this.table = table;
        for (String path : documentPaths) {
            if (path.startsWith(base + "/")) {
                List<String> segments = RouteTable.segments(path.substring(base.length()));
                bySize.computeIfAbsent(segments.size(), n -> new ArrayList<>()).add(segments);
            }
        }
    }

    /** The template of a path below the base ({@code /opps/3f2…} → {@code /api/v1/opps/{planId}}). */
    public String of(String path) {
        List<String> segments = RouteTable.segments(path);
        Optional<List<String>> template = bySize.getOrDefault(segments.size(), List.of()).stream()
                .filter(t -> matches(t, segments))
                .max((a, b) -> literalness(a).compareTo(literalness(b)));
        if (template.isPresent()) {
            return base + "/" + String.join("/", template.get());
        }
        return table.resolve(path)
                .map(route -> base + route.prefix() + (route.segments().size() < segments.size() ? "/**" : ""))
                .orElse(UNKNOWN);
    }

    private static boolean matches(List<String> template, List<String> path) {
        for (int i = 0; i < template.size(); i++) {
            if (!parameter(template.get(i)) && !template.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Of two matching templates the one whose first differing segment is literal wins: /opps/new over /opps/{id}. */
    private static String literalness(List<String> template) {
        StringBuilder key = new StringBuilder();
        template.forEach(s -> key.append(parameter(s) ? '0' : '1'));
        return key.toString();
    }

    private static boolean parameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
