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

    /**
     * A student information system's service-account token as Keycloak issues it for the sis-client client:
     * azp = the client id, role sis-client, its schools in the {@code schools} claim.
     */
    public static String sis(String clientId, String... schools) {
        return token(clientId, "service-account-" + clientId, "sis-client", schools);
    }

    public static String token(String clientId, String subject, String role) {
        return token(clientId, subject, role, "12AB00");
    }

    /** A token of the client with the given role and {@code schools} claim. */
    public static String token(String clientId, String subject, String role, String... schools) {
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .groups(Set.of(role))
                .claim("schools", List.of(schools))
                .claim("azp", clientId)
                .jws().keyId("1").sign();
    }
}
