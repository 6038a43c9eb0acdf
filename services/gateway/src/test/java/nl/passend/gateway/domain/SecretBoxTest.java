package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY = "cGFzc2VuZC1sb2NhbC13ZWJob29rLWtleS0wMTIzNDU="; // 32 bytes

    @Test
    void aSealedSecretOpensWithTheKeyForItsOwnRowOnly() {
        SecretBox box = SecretBox.ofBase64(KEY, RANDOM);
        String secret = WebhookSignature.newSecret(RANDOM);
        String sealed = box.seal(secret, "row-1");

        assertThat(sealed).startsWith("v1:").doesNotContain(secret.substring(6));
        assertThat(box.seal(secret, "row-1")).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(box.open(sealed, "row-1")).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class);
        SecretBox otherKey = new SecretBox(new byte[32], RANDOM);
        assertThatThrownBy(() -> otherKey.open(sealed, "row-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(secret, "row-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyIsAnAesKey() {
        assertThatThrownBy(() -> new SecretBox(new byte[10], RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.ofBase64("%%%", RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }
}
