package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class CallbackUrlsTest {

    @Test
    void anHttpsUrlOnAPublicHostIsACallback() {
        assertThat(CallbackUrls.problem("https://sis.example.nl/passend/webhooks", false)).isEmpty();
        assertThat(CallbackUrls.problem("https://sis.example.nl:8443/hooks?tenant=4", false)).isEmpty();
        assertThat(CallbackUrls.problem("https://93.184.216.34/hooks", false)).isEmpty();
        assertThat(CallbackUrls.problem("HTTPS://SIS.EXAMPLE.NL/x", false)).isEmpty();
    }

    @Test
    void plainHttpLocalAndInternalAddressesAreRefused() {
        assertThat(CallbackUrls.problem("http://sis.example.nl/hooks", false)).contains("must be an https URL");
        assertThat(CallbackUrls.problem("http://sis.example.nl/hooks", true)).contains("must be an https URL");
        for (String local : new String[] { "http://localhost:8080/x", "https://localhost/x", "https://127.0.0.1/x",
                "https://[::1]/x", "https://hooks.localhost/x", "http://127.0.0.2:9/x" }) {
            assertThat(CallbackUrls.problem(local, false)).as(local).contains("must not be a local address");
        }
        for (String internal : new String[] { "https://10.0.0.7/x", "https://192.168.1.1/x", "https://172.16.0.1/x",
                "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/x", "https://0.0.0.0/x",
                "https://[fd00::1]/x", "https://[fe80::1]/x" }) {
            assertThat(CallbackUrls.problem(internal, false)).as(internal)
                    .contains("must not be a private or internal address");
            assertThat(CallbackUrls.problem(internal, true)).as(internal + " (local allowed)")
                    .contains("must not be a private or internal address");
        }
    }

    @Test
    void localCallbacksWhereAllowedMayBeHttp() {
        assertThat(CallbackUrls.problem("http://127.0.0.1:9000/hooks", true)).isEmpty();
        assertThat(CallbackUrls.problem("http://localhost:9000/hooks", true)).isEmpty();
        assertThat(CallbackUrls.problem("https://[::1]:9000/hooks", true)).isEmpty();
    }

    @Test
    void malformedUrlsAndOtherSchemesAreRefused() {
        assertThat(CallbackUrls.problem(null, false)).isPresent();
        assertThat(CallbackUrls.problem(" ", false)).isPresent();
        assertThat(CallbackUrls.problem("not a url", false)).isPresent();
        assertThat(CallbackUrls.problem("/relative/path", false)).contains("must be an https URL");
        assertThat(CallbackUrls.problem("ftp://sis.example.nl/x", false)).contains("must be an https URL");
        assertThat(CallbackUrls.problem("mailto:sis@example.nl", false)).contains("must be an https URL");
        assertThat(CallbackUrls.problem("https:///x", false)).contains("must name a host");
        assertThat(CallbackUrls.problem("https://user:pw@sis.example.nl/x", false)).get().asString()
                .startsWith("must not carry user info");
        assertThat(CallbackUrls.problem("https://sis.example.nl/x#frag", false)).contains("must not have a fragment");
        assertThat(CallbackUrls.problem("https://sis.example.nl/" + "x".repeat(2000), false))
                .contains("must be at most 2000 characters");
    }

    @Test
    void theAddressesAHostResolvesToAreCheckedToo() throws UnknownHostException {
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("93.184.216.34"), false)).isTrue();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("10.1.2.3"), false)).isFalse();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("10.1.2.3"), true)).isFalse();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("127.0.0.1"), false)).isFalse();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("127.0.0.1"), true)).isTrue();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("::ffff:192.168.0.1"), false)).isFalse();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("2a00:1450:4001:80e::200e"), false)).isTrue();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("224.0.0.1"), false)).isFalse();
    }

    /** Internal, reserved or carrying an IPv4 address behind a translator: one of each range (and its edges). */
    private static final String[] NOT_PUBLIC = {
        "0.1.2.3", "100.64.0.1", "100.127.255.254", "192.0.0.8", "192.0.2.1", "192.88.99.1", "198.18.0.1",
        "198.19.255.254", "198.51.100.7", "203.0.113.9", "240.0.0.1", "255.255.255.255",
        "::a00:1", "::8.8.8.8", // IPv4-compatible
        "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:100.64.0.1", // IPv4-mapped onto internal ones
        "64:ff9b::a9fe:a9fe", "64:ff9b::808:808", "64:ff9b:1::1", // NAT64 (well-known and local-use)
        "2002:a00:1::1", "2002:808:808::1", // 6to4
        "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
        "2001:db8::1", "2001:db8:ffff::1", "3fff::1", // documentation
        "2001:2::1", "2001:10::1", "100::1", "5f00::1", "fc00::1", "fdff::1", "fe80::1", "fec0::1", "ff02::1"
    };

    @Test
    void reservedDocumentationAndTranslatedRangesAreRefusedAsLiterals() {
        for (String address : NOT_PUBLIC) {
            String host = address.contains(":") ? "[" + address + "]" : address;
            assertThat(CallbackUrls.problem("https://" + host + "/hooks", false)).as(address)
                    .contains("must not be a private or internal address");
            assertThat(CallbackUrls.problem("https://" + host + "/hooks", true)).as(address + " (local allowed)")
                    .contains("must not be a private or internal address");
        }
    }

    @Test
    void reservedDocumentationAndTranslatedRangesAreRefusedWhenAHostResolvesToThem() throws UnknownHostException {
        for (String address : NOT_PUBLIC) {
            InetAddress resolved = InetAddress.getByName(address);
            assertThat(CallbackUrls.mayConnect(resolved, false)).as(address).isFalse();
            assertThat(CallbackUrls.mayConnect(resolved, true)).as(address + " (local allowed)").isFalse();
        }
        // the neighbours of the ranges are public
        for (String address : new String[] { "1.1.1.1", "100.128.0.1", "192.0.1.1", "198.17.255.254", "198.20.0.1",
                "203.0.114.1", "223.255.255.254", "::ffff:8.8.8.8", "64:ff9c::1", "2001:1::1", "2001:db9::1",
                "2003::1", "2a00:1450:4001:80e::200e" }) {
            assertThat(CallbackUrls.mayConnect(InetAddress.getByName(address), false)).as(address).isTrue();
        }
    }

    @Test
    void anIpv4MappedAddressCountsAsTheIpv4AddressEvenWhenItIsGivenAsIpv6() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress loopback = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(loopback).isInstanceOf(Inet6Address.class);
        assertThat(CallbackUrls.mayConnect(loopback, false)).isFalse();
        assertThat(CallbackUrls.mayConnect(loopback, true)).isTrue();
        mapped[12] = 10;
        assertThat(CallbackUrls.mayConnect(Inet6Address.getByAddress(null, mapped, -1), true)).isFalse();
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(CallbackUrls.mayConnect(Inet6Address.getByAddress(null, mapped, -1), false)).isTrue();
    }
}
