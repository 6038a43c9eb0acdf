package nl.passend.gateway.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which service answers a path of the public API. The public path is {@code /api/v1} followed by the
 * service's own path, unchanged: {@code /api/v1/pupils/42/opps} is opp-service's {@code /pupils/42/opps}.
 * Several services share a first segment ({@code /pupils/{id}} is pupil-service, {@code /pupils/{id}/opps}
 * opp-service), so a route is a path prefix made of segments, where {@code *} stands for any one segment.
 *
 * <p>A path matches a prefix when its first segments are the prefix's. Of all the prefixes that match, the
 * longest wins; of two equally long ones, the one whose first differing segment is literal (so
 * {@code /schools/*&#47;opps} beats {@code /schools/*&#47;*}). The gateway's own endpoints are prefixes too,
 * with target {@link #GATEWAY}; as exact paths they win over any service prefix of the same length, and a
 * longer own path wins anyway. The same prefix twice is refused when the table is built.
 */
public final class RouteTable {

    /** The target of a path that the gateway answers itself. */
    public static final String GATEWAY = "gateway";

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** One prefix and who answers it. {@code exact} routes (the gateway's own paths) match only the whole path. */
    public record Route(String target, String prefix, List<String> segments, boolean exact) {

        public boolean gateway() {
            return GATEWAY.equals(target);
        }
    }

    /**
     * @param prefixesByService each service's prefixes, e.g. {@code opp-service -> [/opps, /pupils/*&#47;opps]}
     * @param ownPaths the paths the gateway answers itself, e.g. {@code /openapi.yaml}
     * @throws IllegalArgumentException for a malformed prefix or one claimed twice
     */
    public static RouteTable of(Map<String, ? extends Collection<String>> prefixesByService, Collection<String> ownPaths) {
        Map<String, Route> byPrefix = new TreeMap<>();
        List<Route> routes = new ArrayList<>();
        new TreeMap<String, Collection<String>>(prefixesByService).forEach((service, prefixes) -> {
            if (GATEWAY.equals(service)) {
                throw new IllegalArgumentException("'" + GATEWAY + "' is the gateway itself, not a service name");
            }
            for (String prefix : prefixes) {
                routes.add(route(service, prefix, false, byPrefix));
            }
        });
        for (String own : ownPaths) {
            routes.add(route(GATEWAY, own, true, byPrefix));
        }
        return new RouteTable(routes);
    }

    private static Route route(String target, String prefix, boolean exact, Map<String, Route> byPrefix) {
        String p = prefix.strip();
        List<String> segments = segments(p);
        if (!p.startsWith("/") || p.contains("?") || segments.isEmpty() || segments.stream().anyMatch(s -> s.isEmpty()
                || (s.contains("*") && !s.equals("*")) || s.contains("{") || s.contains("?"))) {
            throw new IllegalArgumentException("route prefix '" + prefix + "' of " + target
                    + " must be /segment/... with literal segments or *");
        }
        String key = "/" + String.join("/", segments);
        Route route = new Route(target, key, segments, exact);
        Route earlier = byPrefix.putIfAbsent(key, route);
        if (earlier != null) {
            throw new IllegalArgumentException("route prefix " + key + " is claimed by both " + earlier.target()
                    + " and " + target);
        }
        return route;
    }

    /** The route for a request path below {@code /api/v1} (e.g. {@code /pupils/42/opps}); empty when none. */
    public Optional<Route> resolve(String path) {
        return best(segments(path), false);
    }

    /**
     * The route for a path template of an OpenAPI document (e.g. {@code /pupils/{pupilId}/opps}): a
     * {@code {parameter}} segment matches only a {@code *} of a prefix, never a literal.
     */
    public Optional<Route> resolveTemplate(String template) {
        return best(segments(template), true);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Every service named in the table. */
    public List<String> services() {
        return routes.stream().map(Route::target).filter(t -> !GATEWAY.equals(t)).distinct().sorted().toList();
    }

    private Optional<Route> best(List<String> path, boolean template) {
        return routes.stream()
                .filter(r -> matches(r, path, template))
                .max(Comparator.<Route>comparingInt(r -> r.segments().size())
                        .thenComparing(Route::exact)
                        .thenComparing(RouteTable::literalness));
    }

    private static boolean matches(Route route, List<String> path, boolean template) {
        List<String> prefix = route.segments();
        if (path.size() < prefix.size() || (route.exact() && path.size() != prefix.size())) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            String want = prefix.get(i);
            String have = path.get(i);
            if (want.equals("*")) {
                continue;
            }
            boolean parameter = template && have.startsWith("{") && have.endsWith("}");
            if (parameter || !want.equals(have)) {
                return false;
            }
        }
        return true;
    }

    /** Orders two equally long prefixes: the one whose first differing segment is literal sorts higher. */
    private static String literalness(Route route) {
        StringBuilder key = new StringBuilder();
        for (String s : route.segments()) {
            key.append(s.equals("*") ? '0' : '1');
        }
        return key.toString();
    }

    static List<String> segments(String path) {
        String p = path == null ? "" : path;
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        return Arrays.stream(p.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** For diagnostics: the prefixes per target. */
    public Map<String, List<String>> prefixesByTarget() {
        Map<String, List<String>> out = new HashMap<>();
        routes.forEach(r -> out.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(r.prefix()));
        return out;
    }
}
