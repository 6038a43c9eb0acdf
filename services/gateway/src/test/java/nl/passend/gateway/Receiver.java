package nl.passend.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A student information system's webhook endpoint in the tests: a path of its own on the real HTTP server of
 * {@link FakeServices} (WireMock), which records what it receives.
 */
public final class Receiver {

    private final WireMock server = FakeServices.client();
    private final String path = "/sis-webhooks/" + UUID.randomUUID();

    /** The callback URL (http on 127.0.0.1: the test profile allows local callbacks). */
    public String url() {
        return "http://127.0.0.1:" + FakeServices.port() + path;
    }

    public String path() {
        return path;
    }

    /** Answers every delivery with {@code status}. */
    public Receiver answering(int status) {
        server.register(post(urlEqualTo(path)).atPriority(10).willReturn(aResponse().withStatus(status)));
        return this;
    }

    public WireMock server() {
        return server;
    }

    /** What it received, in the order it arrived. */
    public List<LoggedRequest> received() {
        return server.find(postRequestedFor(urlEqualTo(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** The event ids of what it received ({@code webhook-id}), in order. */
    public List<String> receivedIds() {
        return received().stream().map(r -> r.getHeader("webhook-id")).toList();
    }

    /**
     * The Standard Webhooks signature, computed here from scratch as a receiver would (not with the gateway's
     * own code): {@code v1,base64(HMAC-SHA256(base64-decoded secret after whsec_, id.timestamp.body))}.
     */
    public static String expectedSignature(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
