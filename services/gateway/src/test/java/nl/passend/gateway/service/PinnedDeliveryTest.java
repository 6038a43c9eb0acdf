package nl.passend.gateway.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WebhookSender} against a real receiver (WireMock, over http and over https with a certificate made for
 * {@code localhost}), with host names that no DNS knows: the test's resolver answers, so what arrives shows that
 * the connection went to the address that was checked, and that TLS was still about the URL's host name.
 */
class PinnedDeliveryTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static WireMockServer receiver;
    private static Vertx vertx;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Path keystore = dir.resolve("receiver.p12");
        Path certificate = dir.resolve("receiver.pem");
        keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString());
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystoreType("PKCS12").keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
        receiver.start();
        vertx = Vertx.vertx();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @AfterAll
    static void stop() {
        receiver.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void reset() {
        receiver.resetAll();
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    }

    private static WebhookSender sender(WebhookSender.Resolver resolver) {
        PemTrustOptions trust = new PemTrustOptions().addCertPath(dir.resolve("receiver.pem").toString());
        return new WebhookSender(new WebhookSender.Settings(Duration.ofSeconds(2), Duration.ofMillis(500), true, 4,
                trust), Clock.systemUTC(), vertx, resolver);
    }

    private static WebhookSender.Outcome send(WebhookSender sender, String url) {
        return sender.send(url, "msg-1", "delivery-1", "{\"id\":\"msg-1\"}", List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    /** A made-up name: loopback at the first lookup, an internal address at every later one (a rebinding). */
    private static WebhookSender.Resolver rebinding(String name, AtomicInteger lookups) {
        return host -> {
            assertThat(host).isEqualTo(name);
            byte[] address = lookups.getAndIncrement() == 0 ? new byte[] { 127, 0, 0, 1 } : new byte[] { 10, 0, 0, 7 };
            return new InetAddress[] { InetAddress.getByAddress(host, address) };
        };
    }

    @Test
    void theRequestGoesToTheAddressThatWasCheckedWithTheUrlsHostAsHost() {
        AtomicInteger lookups = new AtomicInteger();
        String url = "http://hook.example.test:" + receiver.port() + "/sis/hooks?tenant=4";

        WebhookSender.Outcome outcome = send(sender(rebinding("hook.example.test", lookups)), url);

        assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
        assertThat(outcome.statusCode()).isEqualTo(204);
        assertThat(lookups).hasValue(1); // looked up once: the connection did not ask again
        receiver.verify(1, postRequestedFor(urlEqualTo("/sis/hooks?tenant=4"))
                .withHeader("Host", equalTo("hook.example.test:" + receiver.port()))
                .withHeader("Content-Type", equalTo(WebhookSender.CONTENT_TYPE))
                .withHeader("webhook-id", equalTo("msg-1"))
                .withHeader(WebhookSender.CORRELATION_HEADER, equalTo("delivery-1")));
    }

    @Test
    void aHostWithOneInternalAddressIsNotConnectedTo() {
        String url = "http://hook.example.test:" + receiver.port() + "/sis/hooks";
        WebhookSender onlyInternal = sender(host -> new InetAddress[] { InetAddress.getByName("10.0.0.7") });
        WebhookSender oneOfTwo = sender(host -> new InetAddress[] { InetAddress.getByName("127.0.0.1"),
            InetAddress.getByName("64:ff9b::a00:7") });

        assertThat(send(onlyInternal, url).error()).isEqualTo("blocked-address");
        assertThat(send(oneOfTwo, url).error()).isEqualTo("blocked-address");
        assertThat(send(sender(host -> {
            throw new UnknownHostException(host);
        }), url).error()).isEqualTo("unknown-host");
        receiver.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tlsVerifiesTheCertificateAgainstTheUrlsHostNotThePinnedAddress() {
        WebhookSender.Resolver loopback = host -> new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        String path = "/sis/hooks";

        WebhookSender.Outcome otherName = send(sender(loopback),
                "https://other.example.test:" + receiver.httpsPort() + path);
        WebhookSender.Outcome itsName = send(sender(loopback), "https://localhost:" + receiver.httpsPort() + path);

        assertThat(otherName.error()).isEqualTo("tls"); // the certificate is localhost's, not other.example.test's
        assertThat(itsName.delivered()).as(itsName.toString()).isTrue();
        receiver.verify(1, anyRequestedFor(anyUrl()));
        receiver.verify(postRequestedFor(urlEqualTo(path)).withHeader("Host",
                equalTo("localhost:" + receiver.httpsPort())));
    }

    @Test
    void redirectsAreNotFollowedAndRetryAfterIsRead() {
        WebhookSender sender = sender(host -> new InetAddress[] { InetAddress.getByName("127.0.0.1") });
        receiver.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://127.0.0.1:" + receiver.port() + "/elsewhere")));
        receiver.stubFor(post(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "7").withBody("x".repeat(100_000))));

        WebhookSender.Outcome moved = send(sender, "http://hook.example.test:" + receiver.port() + "/moved");
        WebhookSender.Outcome busy = send(sender, "http://hook.example.test:" + receiver.port() + "/busy");

        assertThat(moved).isEqualTo(new WebhookSender.Outcome(false, 307, "http-307", null));
        assertThat(busy).isEqualTo(new WebhookSender.Outcome(false, 503, "http-503", Duration.ofSeconds(7)));
        receiver.verify(0, anyRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void aSlowReceiverIsATimeoutAndAClosedPortIsRefused() throws IOException {
        WebhookSender sender = sender(host -> new InetAddress[] { InetAddress.getByName("127.0.0.1") });
        receiver.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThat(send(sender, "http://hook.example.test:" + receiver.port() + "/slow").error()).isEqualTo("timeout");
        assertThat(send(sender, "http://hook.example.test:" + closed + "/x").error())
                .isEqualTo("connection-refused");
    }
}
