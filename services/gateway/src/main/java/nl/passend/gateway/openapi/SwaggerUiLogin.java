package nl.passend.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What lets Swagger UI log in and call the API: the Keycloak realm as an OAuth 2 scheme ({@value #SCHEME},
 * authorization code, with PKCE from Swagger UI's configuration) next to the services' bearer scheme, and
 * every operation that needs a token accepting either. The committed document names a placeholder realm
 * ({@value #PLACEHOLDER_REALM}); the gateway serves it with the realm it trusts ({@link #withRealm}).
 */
public final class SwaggerUiLogin {

    public static final String SCHEME = "Keycloak";
    /** Stands for the realm's URL in the committed document; replaced when the gateway serves it. */
    public static final String PLACEHOLDER_REALM = "https://keycloak.example.org/realms/passend";

    private SwaggerUiLogin() {
    }

    /** The OAuth 2 scheme of the (placeholder) realm. */
    static ObjectNode scheme() {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "oauth2");
        scheme.put("description", "Log in with Passend's Keycloak realm (authorization code with PKCE; in Swagger UI: "
                + "Authorize, client `passend-app`). The token is sent as `Authorization: Bearer`, as with the "
                + "bearer scheme: the same token, the same roles. The gateway's `/api/v1/openapi.yaml` names the URLs "
                + "of the realm it trusts.");
        ObjectNode code = scheme.putObject("flows").putObject("authorizationCode");
        code.put("authorizationUrl", PLACEHOLDER_REALM + "/protocol/openid-connect/auth");
        code.put("tokenUrl", PLACEHOLDER_REALM + "/protocol/openid-connect/token");
        code.put("refreshUrl", PLACEHOLDER_REALM + "/protocol/openid-connect/token");
        code.putObject("scopes");
        return scheme;
    }

    /**
     * Adds the scheme as an alternative to every operation's security requirements that asks for a token (Swagger
     * UI sends a scheme's token only to operations that list it); the roles stay on the bearer requirement.
     */
    static void addTo(ObjectNode paths, Map<String, JsonNode> components) {
        components.put("securitySchemes/" + SCHEME, scheme());
        paths.forEach(item -> item.forEach(operation -> {
            JsonNode security = operation.path("security");
            if (security.isArray() && !security.isEmpty() && !requires(security, SCHEME)) {
                ((ArrayNode) security).addObject().putArray(SCHEME);
            }
        }));
    }

    private static boolean requires(JsonNode security, String scheme) {
        for (JsonNode requirement : security) {
            if (requirement.has(scheme)) {
                return true;
            }
        }
        return false;
    }

    /** The document as served: the placeholder realm replaced by the realm's URL (without a trailing slash). */
    public static String withRealm(String document, String realmUrl) {
        String realm = realmUrl.strip();
        while (realm.endsWith("/")) {
            realm = realm.substring(0, realm.length() - 1);
        }
        return document.replace(PLACEHOLDER_REALM, realm);
    }
}
