package nl.passend.gateway.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * A service's {@code Location} header in terms of the public API: the service's own URL (its base URL,
 * e.g. {@code http://localhost:8083}, or a path relative to its root) becomes the gateway's, below
 * {@code /api/v1}. {@code http://localhost:8083/opps/7} seen by a caller of {@code https://api.example/}
 * becomes {@code https://api.example/api/v1/opps/7}; {@code /opps/7} becomes {@code /api/v1/opps/7}. A
 * Location that points anywhere else, or that does not parse, is left as it is.
 */
public final class LocationRewrite {

    private LocationRewrite() {
    }

    /**
     * @param location the service's Location header
     * @param service the base URL of the service that answered
     * @param services the base URLs of all services (a service may point at another one)
     * @param publicOrigin scheme, host and port the caller used, e.g. {@code https://api.example}
     * @param publicPrefix {@code /api/v1}
     */
    public static String rewrite(String location, URI service, Collection<URI> services, String publicOrigin,
            String publicPrefix) {
        if (location == null || location.isBlank()) {
            return location;
        }
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            return location;
        }
        String rest;
        if (uri.getScheme() == null && uri.getRawAuthority() == null) {
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/")) {
                return location; // relative to the request's path: the same below /api/v1
            }
            rest = below(basePath(service), path);
            if (rest == null) {
                return location;
            }
            return publicPrefix + rest + suffix(uri);
        }
        for (URI base : services) {
            if (sameOrigin(uri, base)) {
                rest = below(basePath(base), uri.getRawPath() == null ? "" : uri.getRawPath());
                if (rest != null) {
                    return publicOrigin + publicPrefix + rest + suffix(uri);
                }
            }
        }
        return location;
    }

    private static String suffix(URI uri) {
        return (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The path below the base path, starting with '/', or null when the path is not below it. */
    private static String below(String basePath, String path) {
        if (basePath.isEmpty()) {
            return path.isEmpty() ? "/" : path;
        }
        if (path.equals(basePath)) {
            return "/";
        }
        return path.startsWith(basePath + "/") ? path.substring(basePath.length()) : null;
    }

    private static String basePath(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && b.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
