package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The example of the Standard Webhooks specification (and its libraries' tests)
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signsAsTheStandardWebhooksSpecificationsExample() {
        assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void aReceiverAcceptsTheSignatureOnlyForTheSameIdTimestampBodyAndSecretWithinTheTolerance() {
        Instant sent = Instant.ofEpochSecond(SPEC_TIMESTAMP);
        String ts = Long.toString(SPEC_TIMESTAMP);
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, ts, SPEC_SIGNATURE, SPEC_BODY, sent, FIVE_MINUTES))
                .isTrue();
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, ts, SPEC_SIGNATURE, SPEC_BODY,
                sent.plusSeconds(299), FIVE_MINUTES)).isTrue();
        // a replay later, or a clock far off
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, ts, SPEC_SIGNATURE, SPEC_BODY,
                sent.plusSeconds(301), FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, ts, SPEC_SIGNATURE, SPEC_BODY,
                sent.minusSeconds(301), FIVE_MINUTES)).isFalse();
        // a changed body, id, timestamp or another secret
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, ts, SPEC_SIGNATURE, tampered, sent, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, "msg_other", ts, SPEC_SIGNATURE, SPEC_BODY, sent,
                FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, Long.toString(SPEC_TIMESTAMP + 1), SPEC_SIGNATURE,
                SPEC_BODY, sent, FIVE_MINUTES)).isFalse();
        String other = WebhookSignature.newSecret(new SecureRandom());
        assertThat(WebhookSignature.verify(other, SPEC_ID, ts, SPEC_SIGNATURE, SPEC_BODY, sent, FIVE_MINUTES))
                .isFalse();
        // missing or garbled headers
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, null, SPEC_SIGNATURE, SPEC_BODY, sent, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, "soon", SPEC_SIGNATURE, SPEC_BODY, sent, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, ts, "v1,bm9wZQ==", SPEC_BODY, sent, FIVE_MINUTES))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsSignAndEitherOneVerifies() {
        SecureRandom random = new SecureRandom();
        String current = WebhookSignature.newSecret(random);
        String previous = WebhookSignature.newSecret(random);
        byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.header(List.of(current, previous), "e1", 1_800_000_000L, body);

        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Instant at = Instant.ofEpochSecond(1_800_000_000L);
        assertThat(WebhookSignature.verify(current, "e1", "1800000000", header, body, at, FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(previous, "e1", "1800000000", header, body, at, FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(random), "e1", "1800000000", header, body, at,
                FIVE_MINUTES)).isFalse();
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        SecureRandom random = new SecureRandom();
        String a = WebhookSignature.newSecret(random);
        String b = WebhookSignature.newSecret(random);
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThatThrownBy(() -> WebhookSignature.sign("not-a-secret", "id", 1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
