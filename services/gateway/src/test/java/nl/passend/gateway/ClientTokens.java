package nl.passend.gateway;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Set;
import nl.passend.testing.TestTokens;

/**
 * Signed access tokens of the OIDC test issuer (like {@link TestTokens}) that carry the OAuth client they
 * were issued to ({@code azp}, as Keycloak sets it): the gateway's rate-limit key.
 */
public final class ClientTokens {

    private ClientTokens() {
    }

    public static String token(String clientId, String subject, String role) {
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .issuer(TestTokens.ISSUER)
                .audience("https://service.example.com")
                .groups(Set.of(role))
                .claim("schools", List.of("12AB00"))
                .claim("azp", clientId)
                .jws().keyId("1").sign();
    }
}
