package nl.passend.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two Keycloak realms: the demo realm (deploy/local, the end-to-end profile) says it is a demo; the
 * production realm has TLS, brute-force detection, the code flow with PKCE only and no users or client secrets.
 * Both put the API's audience, which every service requires, into the tokens of the API's own clients only.
 */
class RealmsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode realm(String file) throws IOException {
        return JSON.readTree(Path.of("../../../deploy/keycloak", file).toFile());
    }

    private static JsonNode client(JsonNode realm, String id) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(id)) {
                return client;
            }
        }
        throw new AssertionError("no client " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void everyClientGetsTheApisAudience(JsonNode realm) {
        JsonNode scope = null;
        for (JsonNode s : realm.get("clientScopes")) {
            if (s.get("name").asText().equals("passend-api")) {
                scope = s;
            }
        }
        assertThat(scope).as("the client scope passend-api").isNotNull();
        JsonNode mapper = scope.get("protocolMappers").get(0);
        assertThat(mapper.get("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
        assertThat(mapper.get("config").get("included.custom.audience").asText()).isEqualTo("passend-api");
        assertThat(mapper.get("config").get("access.token.claim").asText()).isEqualTo("true");
        // named per client, never a default scope: Keycloak's own clients (admin-cli, account) and any client
        // added later must not get tokens the API accepts
        assertThat(texts(realm.get("defaultDefaultClientScopes"))).doesNotContain("passend-api");
        for (JsonNode client : realm.get("clients")) {
            assertThat(texts(client.get("defaultClientScopes"))).as(client.get("clientId").asText()).contains("passend-api");
        }
    }

    @Test
    void theDemoRealmSaysItIsADemoAndIssuesTheApisAudience() throws IOException {
        JsonNode demo = realm("passend-realm.json");
        assertThat(demo.get("displayName").asText()).contains("DEMO").contains("never for production");
        everyClientGetsTheApisAudience(demo);
        assertThat(client(demo, "passend-app").get("attributes").get("post.logout.redirect.uris").asText()).isEqualTo("+");
        // Swagger UI on the local gateway exchanges its code for a token from the gateway's origin (CORS); "+" would
        // not do: it takes the origins of the redirect URIs, whose ports are wildcards here
        List<String> origins = new ArrayList<>();
        client(demo, "passend-app").get("webOrigins").forEach(o -> origins.add(o.asText()));
        assertThat(origins).contains("http://localhost:8080", "http://127.0.0.1:8080");
    }

    @Test
    void theProductionRealmIsHardened() throws IOException {
        JsonNode prod = realm("passend-realm.prod.json");
        assertThat(prod.get("realm").asText()).isEqualTo("passend");
        assertThat(prod.get("sslRequired").asText()).isEqualTo("external");
        assertThat(prod.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(prod.get("failureFactor").asInt()).isBetween(1, 10);
        assertThat(prod.get("users")).isEmpty();
        assertThat(prod.get("displayName").asText()).doesNotContainIgnoringCase("demo");
        everyClientGetsTheApisAudience(prod);
        JsonNode app = client(prod, "passend-app");
        assertThat(app.get("publicClient").asBoolean()).isTrue();
        assertThat(app.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(app.get("directAccessGrantsEnabled").asBoolean()).as("the password grant").isFalse();
        assertThat(app.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(app.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(app.get("redirectUris"))).allSatisfy(uri -> assertThat(uri).startsWith("https://"));
        for (JsonNode client : prod.get("clients")) {
            assertThat(client.has("secret")).as("a client secret in the file").isFalse();
        }
    }
}
