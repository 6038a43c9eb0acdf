package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OLD = key();
    private static final String NEW = key();

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static SecretBox box(String... keys) {
        return SecretBox.ofBase64(List.of(keys), RANDOM);
    }

    private static String id(String key) {
        return SecretBox.keyId(Base64.getDecoder().decode(key));
    }

    /** What the gateway wrote before keys rotated: the same AES-GCM payload, without a key id. */
    static String asV1(String v2) {
        return "v1:" + v2.substring(v2.lastIndexOf(':') + 1);
    }

    @Test
    void aSealedSecretOpensWithTheKeyForItsOwnRowOnly() {
        SecretBox box = box(NEW);
        String secret = WebhookSignature.newSecret(RANDOM);
        String sealed = box.seal(secret, "row-1");

        assertThat(sealed).startsWith("v2:" + id(NEW) + ":").doesNotContain(secret.substring(6));
        assertThat(id(NEW)).matches("[0-9a-f]{8}");
        assertThat(box.seal(secret, "row-1")).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(box.open(sealed, "row-1")).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(secret, "row-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("not a sealed secret");
    }

    @Test
    void theFirstKeySealsAndEveryKeyOpensSoTheOldKeyCanBeRetiredAfterAReseal() {
        String secret = WebhookSignature.newSecret(RANDOM);
        String underOld = box(OLD).seal(secret, "row-1");

        SecretBox rotating = box(NEW, OLD);
        assertThat(rotating.currentKeyId()).isEqualTo(id(NEW));
        assertThat(rotating.open(underOld, "row-1")).isEqualTo(secret);
        assertThat(rotating.isCurrent(underOld)).isFalse();
        assertThat(rotating.seal(secret, "row-1")).startsWith("v2:" + id(NEW) + ":");

        String resealed = rotating.reseal(underOld, "row-1");
        assertThat(resealed).startsWith("v2:" + id(NEW) + ":");
        assertThat(rotating.isCurrent(resealed)).isTrue();
        assertThat(rotating.reseal(resealed, "row-1")).isSameAs(resealed);
        assertThat(rotating.reseal(null, "row-1")).isNull();

        // the old key dropped: what was re-sealed opens, what was not says which key it needs
        SecretBox retired = box(NEW);
        assertThat(retired.open(resealed, "row-1")).isEqualTo(secret);
        assertThatThrownBy(() -> retired.open(underOld, "row-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed with key " + id(OLD))
                .hasMessageContaining("not among passend.gateway.webhooks.secret-keys");
    }

    @Test
    void aV1ValueOpensWithWhicheverKeySealedItAndIsResealedToTheCurrentKey() {
        String secret = WebhookSignature.newSecret(RANDOM);
        String v1 = asV1(box(OLD).seal(secret, "row-1"));

        SecretBox rotating = box(NEW, OLD);
        assertThat(rotating.open(v1, "row-1")).isEqualTo(secret);
        assertThatThrownBy(() -> rotating.open(v1, "row-2")).isInstanceOf(IllegalStateException.class);
        assertThat(rotating.reseal(v1, "row-1")).startsWith("v2:" + id(NEW) + ":");
        assertThat(box(NEW).open(rotating.reseal(v1, "row-1"), "row-1")).isEqualTo(secret);
        assertThatThrownBy(() -> box(NEW).open(v1, "row-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key of passend.gateway.webhooks.secret-keys opens a v1");
    }

    @Test
    void eachKeyIsBase64OfExactly32BytesAndNoKeyIsThereTwice() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> box(NEW, short16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passend.gateway.webhooks.secret-keys: key 2 has 16 bytes, not 32 (AES-256)");
        assertThatThrownBy(() -> box("%%%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passend.gateway.webhooks.secret-keys: key 1 is not base64");
        assertThatThrownBy(() -> box(NEW, OLD, NEW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("passend.gateway.webhooks.secret-keys: key 3 is there twice");
        assertThatThrownBy(() -> SecretBox.ofBase64(List.of(), RANDOM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passend.gateway.webhooks.secret-keys");
    }
}
