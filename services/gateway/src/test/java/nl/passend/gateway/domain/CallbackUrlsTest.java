package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("2001:db8::1"), false)).isTrue();
        assertThat(CallbackUrls.mayConnect(InetAddress.getByName("224.0.0.1"), false)).isFalse();
    }
}
