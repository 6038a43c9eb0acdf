package nl.passend.gateway.domain;

import java.util.function.Function;

/**
 * Whose rate limit a request counts against: the OAuth client the token was issued to ({@code azp},
 * Keycloak's authorized party; {@code client_id} where an issuer uses that claim instead). A token with
 * neither counts against its subject. So a student information system's service account has its own
 * limit, and all users of one app share the app's.
 */
public final class ClientIds {

    private ClientIds() {
    }

    /** @param claim the token's claims by name (null where absent) */
    public static String of(Function<String, Object> claim) {
        for (String name : new String[] { "azp", "client_id" }) {
            Object value = claim.apply(name);
            if (value != null && !value.toString().isBlank()) {
                return "client:" + value;
            }
        }
        Object subject = claim.apply("sub");
        return subject == null ? "unknown" : "subject:" + subject;
    }
}
