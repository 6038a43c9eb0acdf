package nl.passend.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/**
 * The tokens every service refuses, each with 401 problem+json: expired, not yet valid, from another issuer,
 * for another audience, unsigned ({@code alg=none}), signed with HS256 and the issuer's public key as the secret
 * (the key-confusion attack), and with a tampered signature or payload. A service's {@code TokenChecksTest}
 * extends this with one path that needs a login; the first test shows that its own token gets past the check.
 */
public abstract class TokenContract {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** A GET that needs an authenticated caller. */
    protected abstract String protectedPath();

    private static JwtClaimsBuilder claims(UnaryOperator<JwtClaimsBuilder> change) {
        long now = Instant.now().getEpochSecond();
        JwtClaimsBuilder claims = Jwt.subject("token-contract").issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .groups(Set.of("admin")).issuedAt(now).expiresAt(now + 300);
        return change.apply(claims);
    }

    private static String signed(UnaryOperator<JwtClaimsBuilder> change) {
        return claims(change).jws().keyId("1").sign();
    }

    private Response call(String token) {
        return given().auth().oauth2(token).get(protectedPath());
    }

    private void refused(String token) {
        Response response = call(token);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theApisOwnTokenGetsPastTheCheck() {
        assertThat(call(signed(c -> c)).statusCode()).isNotEqualTo(401);
        Response none = given().get(protectedPath());
        assertThat(none.statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(signed(c -> c.issuedAt(now - 1200).expiresAt(now - 600)));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(signed(c -> c.claim("nbf", now + 600)));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        refused(signed(c -> c.issuer("https://another-issuer.example.com")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(signed(c -> c.audience("another-client")));
        refused(signed(c -> c.audience(Set.of("account", "another-client"))));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String payload = payloadOf(signed(c -> c));
        refused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
    }

    @Test
    void aTokenSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws Exception {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"1\"}");
        String payload = payloadOf(signed(c -> c));
        String signingInput = header + "." + payload;
        for (byte[] secret : publicKeyForms()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            refused(signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = signed(c -> c).split("\\.");
        // another signature
        char last = parts[2].charAt(parts[2].length() / 2);
        String otherSignature = parts[2].substring(0, parts[2].length() / 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(parts[2].length() / 2 + 1);
        refused(parts[0] + "." + parts[1] + "." + otherSignature);
        // a teacher's token with an admin's payload under the teacher's signature
        String teacher = signed(c -> c.groups(Set.of("teacher")));
        refused(teacher.split("\\.")[0] + "." + payloadOf(signed(c -> c)) + "." + teacher.split("\\.")[2]);
    }

    private static String payloadOf(String jwt) {
        return jwt.split("\\.")[1];
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The test issuer's public key as an attacker finds it: the JWK's JSON, the PEM text, the DER bytes. */
    private static byte[][] publicKeyForms() throws IOException, JoseException, GeneralSecurityException {
        try (InputStream in = TokenContract.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            assertThat(in).as("the test issuer's publicKey.jwk").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(json);
            byte[] der = key.getRsaPublicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
            return new byte[][] {json.getBytes(StandardCharsets.UTF_8), pem.getBytes(StandardCharsets.US_ASCII), der};
        }
    }
}
