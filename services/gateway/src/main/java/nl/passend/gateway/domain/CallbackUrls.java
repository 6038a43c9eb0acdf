package nl.passend.gateway.domain;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which callback URLs a subscription may have. A student information system's endpoint is on the internet:
 * https, a host name or public address, no user info, no fragment. Loopback (localhost, 127.0.0.1, [::1]) only
 * where the configuration allows local callbacks (dev, tests), and then http too. Private, link-local and
 * other internal addresses never: the gateway stands inside Passend's network and must not be made to post
 * to it. The same rule is applied to the addresses a host name resolves to, at every attempt.
 */
public final class CallbackUrls {

    public static final int MAX_LENGTH = 2000;

    private static final byte[] MAPPED_PREFIX = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff };

    /** Beyond what {@link InetAddress} tells (loopback, site- and link-local, multicast, unspecified). */
    private static final List<IpSubnetFilterRule> NOT_PUBLIC = Stream.of(
            "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
            "::/96", // IPv4-compatible (::a.b.c.d, deprecated)
            "64:ff9b::/96", "64:ff9b:1::/48", // NAT64: an IPv4 address behind a translator
            "100::/64", // discard-only
            "2001::/32", // Teredo
            "2001:2::/48", "2001:10::/28", "2001:20::/28", // benchmarking, ORCHID
            "2001:db8::/32", "3fff::/20", // documentation
            "2002::/16", // 6to4
            "5f00::/16", // SRv6 segment identifiers
            "fc00::/7") // unique local
            .map(CallbackUrls::range).toList();

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
        boolean loopback = isLoopbackName(host) || literal(host).map(a -> unmapped(a).isLoopbackAddress()).orElse(false);
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
        InetAddress a = unmapped(address);
        if (a.isLoopbackAddress()) {
            return allowLocal;
        }
        return !isInternal(a);
    }

    /**
     * Unspecified, loopback, private, shared, link-local, multicast, reserved, documentation and benchmarking
     * addresses (the special-purpose registries of IANA), and the IPv6 ranges that carry an IPv4 address the
     * gateway would reach through them (IPv4-compatible, NAT64, 6to4, Teredo); an IPv4-mapped address counts as
     * the IPv4 address it maps.
     */
    public static boolean isInternal(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        InetSocketAddress socket = new InetSocketAddress(a, 0);
        return NOT_PUBLIC.stream().anyMatch(range -> range.matches(socket));
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as the IPv4 address; any other as it is. */
    static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        // ::ffff:0:0/96 (Java makes most of them IPv4 when it parses them, but not every Inet6Address it is given)
        boolean mapped = address instanceof Inet6Address && Arrays.equals(b, 0, 12, MAPPED_PREFIX, 0, 12);
        if (mapped) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
        return address;
    }

    private static IpSubnetFilterRule range(String cidr) {
        int slash = cidr.indexOf('/');
        return new IpSubnetFilterRule(cidr.substring(0, slash), Integer.parseInt(cidr.substring(slash + 1)),
                IpFilterRuleType.REJECT);
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
        if (!ipv4 && !ipv6 || ipv4 && Arrays.stream(h.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            return Optional.empty(); // a name (resolved, and checked, at each attempt)
        }
        try {
            return Optional.of(InetAddress.getByName(h)); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
