package nl.passend.gateway.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which callback URLs a subscription may have. A student information system's endpoint is on the internet:
 * https, a host name or public address, no user info, no fragment. Loopback (localhost, 127.0.0.1, [::1]) only
 * where the configuration allows local callbacks (dev, tests), and then http too. Private, link-local and
 * other internal addresses never: the gateway stands inside Passend's network and must not be made to post
 * to it. The same rule is applied to the addresses a host name resolves to, at every attempt.
 */
public final class CallbackUrls {

    public static final int MAX_LENGTH = 2000;

    private CallbackUrls() {
    }

    /** Why the URL cannot be a callback; empty when it can. */
    public static Optional<String> problem(String url, boolean allowLocal) {
        if (url == null || url.isBlank()) {
            return Optional.of("must be an https URL");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user info; the signature authenticates the gateway");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        boolean loopback = isLoopbackName(host) || literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
        if (loopback) {
            return allowLocal ? Optional.empty() : Optional.of("must not be a local address");
        }
        if (!scheme.equals("https")) {
            return Optional.of("must be an https URL");
        }
        if (literal(host).map(CallbackUrls::isInternal).orElse(false)) {
            return Optional.of("must not be a private or internal address");
        }
        return Optional.empty();
    }

    /**
     * Whether the gateway may connect to an address a callback's host resolved to: never to an internal one,
     * to loopback only where local callbacks are allowed.
     */
    public static boolean mayConnect(InetAddress address, boolean allowLocal) {
        if (address.isLoopbackAddress()) {
            return allowLocal;
        }
        return !isInternal(address);
    }

    /** Unspecified, loopback, private (RFC 1918, fc00::/7), shared (100.64/10), link-local or multicast. */
    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
    }

    static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    /** The host as an address when it is an IP literal (never a DNS lookup). */
    static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-fA-F:.%]+");
        if (!ipv4 && !ipv6 || ipv4 && java.util.Arrays.stream(h.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            return Optional.empty(); // a name (resolved, and checked, at each attempt)
        }
        try {
            return Optional.of(InetAddress.getByName(h)); // a literal: parsed, not looked up
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
