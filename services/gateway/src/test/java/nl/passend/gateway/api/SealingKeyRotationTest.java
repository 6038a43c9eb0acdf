package nl.passend.gateway.api;

import static io.restassured.RestAssured.given;
import static nl.passend.gateway.api.SubscriptionApiTest.create;
import static nl.passend.gateway.api.SubscriptionApiTest.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.gateway.ClientTokens;
import nl.passend.gateway.domain.SecretBox;
import nl.passend.gateway.persistence.SubscriptionRepository;
import nl.passend.gateway.persistence.SubscriptionRepository.SealedSecrets;
import nl.passend.gateway.service.SecretResealing;
import nl.passend.gateway.service.SigningSecrets;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Rotating the key of the stored signing secrets: the test profile has two keys, the current one and an older
 * one. Secrets sealed with the older key (or in the v1 form of before rotation) still sign; the re-seal job moves
 * them to the current key, after which the current key alone opens them.
 */
@QuarkusTest
class SealingKeyRotationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecretResealing resealing;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    SubscriptionRepository subscriptions;

    private static List<String> configuredKeys() {
        return ConfigProvider.getConfig().getValues(SecretBox.KEYS_PROPERTY, String.class);
    }

    private static SecretBox box(String key) {
        return SecretBox.ofBase64(List.of(key), RANDOM);
    }

    /** A subscription with a rotated secret: its id, current secret and previous secret. */
    private static List<String> subscriptionWithTwoSecrets() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        JsonPath created = JsonPath.from(create(sis, subscription("https://sis.example.nl/passend/webhooks",
                List.of(EventType.PUPIL_ENROLLED.type()), List.of(school))).then().statusCode(201).extract().asString());
        String id = created.getString("id");
        String current = given().auth().oauth2(sis).header("If-Match", "\"0\"")
                .post("/api/v1/subscriptions/{id}/secret", id).then().statusCode(200).extract().path("secret");
        return List.of(id, current, created.getString("secret"));
    }

    private static String stored(String column, String id) {
        return TestDb.string("select " + column + " from webhook_subscription where id = ?::uuid", id);
    }

    @Test
    void secretsOfAnOlderKeyStillSignAndAreMovedToTheCurrentKeyAfterWhichItAloneOpensThem() {
        String currentKey = configuredKeys().get(0);
        String olderKey = configuredKeys().get(1);
        List<String> rotated = subscriptionWithTwoSecrets();
        String id = rotated.get(0);
        // as a gateway with only the older key stored them: the secret in v2 form, the previous one in v1 form
        String underOlder = box(olderKey).seal(rotated.get(1), id);
        String v1 = "v1:" + box(olderKey).seal(rotated.get(2), id).substring(12);
        TestDb.execute("update webhook_subscription set secret = ?, previous_secret = ? where id = ?::uuid",
                underOlder, v1, id);
        long version = TestDb.count("select version from webhook_subscription where id = ?::uuid", id);
        // an unrelated row sealed with a key that is not configured at all
        List<String> lost = subscriptionWithTwoSecrets();
        TestDb.execute("update webhook_subscription set secret = ? where id = ?::uuid",
                SecretBox.ofBase64(List.of(randomKey()), RANDOM).seal(lost.get(1), lost.get(0)), lost.get(0));
        try {
            assertThat(signingSecrets.signing(underOlder, v1, TestClock.now().plusSeconds(60), id, TestClock.now()))
                    .containsExactly(rotated.get(1), rotated.get(2));

            SecretResealing.Report report = resealing.run();

            assertThat(report.unreadable()).contains(UUID.fromString(lost.get(0)));
            assertThat(report.remaining()).isEqualTo(report.unreadable().size());
            String currentPrefix = "v2:" + SecretBox.keyId(Base64.getDecoder().decode(currentKey)) + ":";
            assertThat(stored("secret", id)).startsWith(currentPrefix);
            assertThat(stored("previous_secret", id)).startsWith(currentPrefix);
            assertThat(TestDb.count("select version from webhook_subscription where id = ?::uuid", id))
                    .isEqualTo(version + 1);
            // the older key removed: the current one alone opens both
            assertThat(box(currentKey).open(stored("secret", id), id)).isEqualTo(rotated.get(1));
            assertThat(box(currentKey).open(stored("previous_secret", id), id)).isEqualTo(rotated.get(2));
        } finally {
            TestDb.execute("delete from webhook_subscription where id = ?::uuid", lost.get(0));
        }
        SecretResealing.Report after = resealing.run();
        assertThat(after.remaining()).isZero();
        assertThat(after.unreadable()).isEmpty();
    }

    @Test
    void aRowThatChangedSinceItWasReadIsNotOverwritten() {
        List<String> rotated = subscriptionWithTwoSecrets();
        UUID id = UUID.fromString(rotated.get(0));
        String secret = stored("secret", rotated.get(0));
        long version = TestDb.count("select version from webhook_subscription where id = ?::uuid", rotated.get(0));
        SealedSecrets readBefore = new SealedSecrets(id, version - 1, "old", "old");

        boolean written = QuarkusTransaction.requiringNew().call(() -> subscriptions.resealed(readBefore, "x", "y"));

        assertThat(written).isFalse();
        assertThat(stored("secret", rotated.get(0))).isEqualTo(secret);
        assertThat(QuarkusTransaction.requiringNew().call(() -> subscriptions.resealed(
                new SealedSecrets(id, version, secret, null), secret, null))).isTrue();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
