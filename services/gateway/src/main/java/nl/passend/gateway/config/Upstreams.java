package nl.passend.gateway.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.passend.gateway.domain.RouteTable;

/**
 * The services behind the gateway as the configuration names them: which one answers a path (the route
 * table, with the gateway's own paths) and where each one is (its base URL, taken apart). A base URL that
 * is not http(s)://host[:port][/path] stops the gateway at its start.
 */
@Singleton
public class Upstreams {

    /** A service's base URL, taken apart. */
    public record Upstream(String name, URI url, String host, int port, boolean ssl, String basePath) {

        static Upstream parse(String name, String url) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the URL of " + name + " is not a URL: " + url);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("the URL of " + name + " must be http(s)://host[:port][/path]: " + url);
            }
            boolean ssl = scheme.equals("https");
            int port = uri.getPort() >= 0 ? uri.getPort() : ssl ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new Upstream(name, uri, uri.getHost(), port, ssl, path);
        }
    }

    private final RouteTable table;
    private final Map<String, Upstream> byName = new TreeMap<>();
    private final List<URI> urls;

    @Inject
    public Upstreams(GatewayConfig config) {
        this.table = routeTable(config);
        config.services().forEach((name, service) -> byName.put(name, Upstream.parse(name, service.url())));
        this.urls = byName.values().stream().map(Upstream::url).toList();
    }

    /** The route table the configuration describes. */
    static RouteTable routeTable(GatewayConfig config) {
        Map<String, List<String>> prefixes = new TreeMap<>();
        config.services().forEach((name, service) -> prefixes.put(name, service.prefixes()));
        return RouteTable.of(prefixes, config.ownPaths());
    }

    public RouteTable table() {
        return table;
    }

    /** The service of a route's target; empty for the gateway itself. */
    public Optional<Upstream> of(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every service's base URL (a service's Location may point at another one). */
    public Collection<URI> urls() {
        return urls;
    }
}
