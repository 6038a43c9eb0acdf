package nl.passend.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.passend.gateway.ClientTokens;
import nl.passend.gateway.FakeServices;
import nl.passend.gateway.openapi.SwaggerUiLogin;
import nl.passend.platform.http.SecurityHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The gateway's public face: every answer, its own, a service's passed on, a refusal and the documentation,
 * carries the hardened headers; HSTS only where the request came over TLS. And Swagger UI for integrators: it
 * logs in with the realm (client passend-app, PKCE; the token request to the realm's origin allowed) and calls
 * the gateway that serves it.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static ValidatableResponse hardened(ValidatableResponse response, String policy) {
        return response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", equalTo(policy));
    }

    @Test
    void aServicesAnswerPassedOnCarriesTheGatewaysHeadersNotTheServices() {
        String clientId = "client-" + UUID.randomUUID();
        String plan = UUID.randomUUID().toString();
        FakeServices.client().register(get(urlEqualTo("/opp-service/opps/" + plan)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Content-Security-Policy", "default-src *").withBody("{}")));
        hardened(given().auth().oauth2(ClientTokens.token(clientId, "sis-" + clientId, "sis-client"))
                .get("/api/v1/opps/{id}", plan).then().statusCode(200), SecurityHeaders.API_POLICY)
                .header("Strict-Transport-Security", nullValue());
    }

    /** A client address of its own (the anonymous rate limit counts per address), sent as a proxy on this machine would. */
    private static RequestSpecification anonymous() {
        return given().header("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    @Test
    void refusalsAndTheDocumentCarryThemToo() {
        hardened(anonymous().get("/api/v1/subscriptions").then().statusCode(401), SecurityHeaders.API_POLICY);
        hardened(anonymous().get("/api/v1/openapi.yaml").then().statusCode(200), SecurityHeaders.API_POLICY);
        hardened(anonymous().get("/q/swagger-ui/").then().statusCode(200), swaggerUiPolicy());
    }

    // --- Swagger UI for integrators: it logs in with the realm and calls the gateway that serves it

    private static String realm() {
        return SecurityHeaders.swaggerUiRealm(ConfigProvider.getConfig()).orElseThrow().replaceAll("/+$", "");
    }

    private static String swaggerUiPolicy() {
        return SecurityHeaders.swaggerUiPolicy(Optional.of(realm()));
    }

    @Test
    void swaggerUiMayAskTheRealmForTheTokenAndNothingElseOutsideItsOrigin() {
        URI realm = URI.create(realm());
        assertThat(swaggerUiPolicy()).endsWith("; connect-src 'self' " + realm.getScheme() + "://" + realm.getAuthority());
        hardened(anonymous().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200), swaggerUiPolicy());
    }

    @Test
    void theServedDocumentCallsItsOwnGatewayAndLogsInWithTheConfiguredRealm() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(
                anonymous().get("/api/v1/openapi.yaml").then().statusCode(200).extract().asByteArray());
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        JsonNode code = doc.at("/components/securitySchemes/" + SwaggerUiLogin.SCHEME + "/flows/authorizationCode");
        assertThat(code.path("authorizationUrl").asText()).isEqualTo(realm() + "/protocol/openid-connect/auth");
        assertThat(code.path("tokenUrl").asText()).isEqualTo(realm() + "/protocol/openid-connect/token");
        assertThat(doc.toString()).doesNotContain(SwaggerUiLogin.PLACEHOLDER_REALM);
        assertThat(doc.at("/components/securitySchemes/SecurityScheme/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiLogsInAsPassendAppWithPkce() {
        String page = anonymous().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertThat(page).containsPattern("clientId\\s*:\\s*['\"]passend-app['\"]")
                .containsPattern("usePkceWithAuthorizationCodeGrant\\s*:\\s*true")
                .contains("/api/v1/openapi.yaml")
                // relative: the page's own origin, http://127.0.0.1:8080 locally, which passend-app's redirect URIs allow
                .contains("\"/q/swagger-ui/oauth2-redirect.html\"");
    }

    @Test
    void behindATlsProxyHstsIsSent() {
        anonymous().header("X-Forwarded-Proto", "https").get("/api/v1/openapi.yaml")
                .then().statusCode(200).header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS));
        anonymous().header("X-Forwarded-Proto", "https").get("/api/v1/subscriptions")
                .then().statusCode(401).header("Strict-Transport-Security", equalTo(SecurityHeaders.HSTS));
    }
}
