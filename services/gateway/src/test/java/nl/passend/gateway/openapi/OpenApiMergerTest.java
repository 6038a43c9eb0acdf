package nl.passend.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.passend.gateway.domain.RouteTable;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static JsonNode yaml(String text) throws IOException {
        return OpenApiMerger.YAML.readTree(text);
    }

    private static final RouteTable ROUTES = RouteTable.of(Map.of(
            "alpha-service", List.of("/things"),
            "beta-service", List.of("/things/*/parts", "/other")), List.of());

    private static Map<String, JsonNode> specs() throws IOException {
        JsonNode alpha = yaml("""
                openapi: 3.1.0
                tags: [{name: Things}, {name: Unused}]
                paths:
                  /things/{id}:
                    get:
                      tags: [Things]
                      security: [{Bearer: [admin]}]
                      responses:
                        "200": {content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}
                        "404": {content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}}
                  /dashboard:
                    get: {responses: {"200": {description: page}}}
                components:
                  schemas:
                    Page: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Item'}}}}
                    Item: {type: object, properties: {a: {type: string}}}
                    Problem: {type: object}
                    OnlyForTheDashboard: {type: string}
                  securitySchemes:
                    Bearer: {type: http, scheme: bearer}
                """);
        JsonNode beta = yaml("""
                openapi: 3.1.0
                tags: [{name: Things, description: ignored, the first one wins}]
                paths:
                  /things/{thingId}/parts:
                    post:
                      tags: [Things]
                      security: [{Bearer: [ib]}]
                      responses:
                        "201": {content: {application/json: {schema: {$ref: '#/components/schemas/Page'}}}}
                        "404": {content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}}
                components:
                  schemas:
                    Page: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Item'}}}}
                    Item: {type: object, properties: {b: {type: integer}}}
                    Problem: {type: object}
                  securitySchemes:
                    Bearer: {type: http, scheme: bearer}
                """);
        return Map.of("alpha-service", alpha, "beta-service", beta);
    }

    @Test
    void pathsAsRoutedBelowTheApiPathAndComponentsMergedByContent() throws IOException {
        OpenApiMerger.Result result = OpenApiMerger.merge(specs(), ROUTES);
        JsonNode doc = result.document();

        assertThat(names(doc.path("paths"))).containsExactly("/api/v1/things/{id}", "/api/v1/things/{thingId}/parts");
        assertThat(result.leftOut()).isEqualTo(Map.of("alpha-service", List.of("/dashboard")));
        // Item differs, so both variants get their service's name; Page is the same text but refers to
        // the two different Items, so it differs too; Problem and the scheme are the same: kept once
        assertThat(names(doc.path("components").path("schemas")))
                .containsExactly("AlphaItem", "AlphaPage", "BetaItem", "BetaPage", "Problem");
        assertThat(doc.at("/paths/~1api~1v1~1things~1{id}/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/AlphaPage");
        assertThat(doc.at("/components/schemas/BetaPage/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/BetaItem");
        assertThat(names(doc.path("components").path("securitySchemes"))).containsExactly("Bearer", SwaggerUiLogin.SCHEME);
        assertThat(doc.path("tags")).hasSize(1);
        assertThat(doc.path("tags").get(0).path("description").isMissingNode()).isTrue();
        assertThat(result.renamed()).containsEntry("alpha-service:schemas/Item", "AlphaItem");
    }

    @Test
    void theSameInputsGiveTheSameDocument() throws IOException {
        assertThat(OpenApiMerger.merge(specs(), ROUTES).yaml()).isEqualTo(OpenApiMerger.merge(specs(), ROUTES).yaml());
    }

    @Test
    void aRenameThatClashesAgainFails() throws IOException {
        Map<String, JsonNode> specs = new java.util.HashMap<>(specs());
        ((com.fasterxml.jackson.databind.node.ObjectNode) specs.get("beta-service").path("components").path("schemas"))
                .putObject("AlphaItem").put("type", "string");
        assertThatThrownBy(() -> OpenApiMerger.merge(specs, ROUTES)).hasMessageContaining("AlphaItem");
    }

    @Test
    void serviceNamesInPascalCase() {
        assertThat(ComponentRenames.pascal("support-level-service")).isEqualTo("SupportLevel");
        assertThat(ComponentRenames.pascal("opp-service")).isEqualTo("Opp");
        assertThat(ComponentRenames.pascal("gateway")).isEqualTo("Gateway");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theGatewaysOwnContractIsMergedAtItsPublicPathsWhenTheyAreItsOwnPaths() throws IOException {
        JsonNode gateway = yaml("""
                openapi: 3.1.0
                tags: [{name: Hooks}]
                paths:
                  /api/v1/hooks/{id}:
                    get:
                      tags: [Hooks]
                      responses:
                        "200": {content: {application/json: {schema: {$ref: '#/components/schemas/Hook'}}}}
                  /api/v1/not-own:
                    get: {responses: {"200": {description: not one of the own paths}}}
                components:
                  schemas:
                    Hook: {type: object}
                """);
        RouteTable routes = RouteTable.of(Map.of("alpha-service", List.of("/things")), List.of("/hooks/*"));
        Map<String, JsonNode> specs = new java.util.TreeMap<>(specs());
        specs.remove("beta-service");
        specs.put("gateway", gateway);

        OpenApiMerger.Result merged = OpenApiMerger.merge(specs, routes);

        assertThat(merged.document().path("paths").has("/api/v1/hooks/{id}")).isTrue();
        assertThat(merged.document().path("paths").has("/api/v1/api/v1/hooks/{id}")).isFalse();
        assertThat(merged.document().path("components").path("schemas").has("Hook")).isTrue();
        assertThat(merged.leftOut().get("gateway")).containsExactly("/api/v1/not-own");
    }

    @Test
    void forSwaggerUiARelativeServerAndTheRealmsOAuthSchemeBesideTheBearerOne() throws IOException {
        JsonNode doc = OpenApiMerger.merge(specs(), ROUTES).document();

        // "Try it out" calls the gateway that served the document: its paths are below /api/v1 already
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(names(doc.path("components").path("securitySchemes"))).containsExactly("Bearer", SwaggerUiLogin.SCHEME);
        JsonNode code = doc.at("/components/securitySchemes/Keycloak/flows/authorizationCode");
        assertThat(code.path("authorizationUrl").asText())
                .isEqualTo(SwaggerUiLogin.PLACEHOLDER_REALM + "/protocol/openid-connect/auth");
        assertThat(code.path("tokenUrl").asText()).isEqualTo(SwaggerUiLogin.PLACEHOLDER_REALM + "/protocol/openid-connect/token");
        // either scheme: the roles stay on the bearer requirement
        assertThat(doc.at("/paths/~1api~1v1~1things~1{id}/get/security")).hasSize(2);
        assertThat(doc.at("/paths/~1api~1v1~1things~1{id}/get/security/0/Bearer/0").asText()).isEqualTo("admin");
        assertThat(doc.at("/paths/~1api~1v1~1things~1{id}/get/security/1/Keycloak").isArray()).isTrue();

        String served = SwaggerUiLogin.withRealm(OpenApiMerger.merge(specs(), ROUTES).yaml(), "http://kc.test:8180/realms/passend/");
        assertThat(served).doesNotContain(SwaggerUiLogin.PLACEHOLDER_REALM)
                .contains("tokenUrl: http://kc.test:8180/realms/passend/protocol/openid-connect/token");
    }

    @Test
    void descriptionsKeepWhatSwaggerUiWouldTakeForAnHtmlTag() {
        assertThat(Descriptions.escape("sent as If-Match: \"<version>\", or http-<status>; 3 < 4"))
                .isEqualTo("sent as If-Match: \"\\<version>\", or http-\\<status>; 3 < 4");
        assertThat(Descriptions.escape("routes `/api/v1/<path>` to <path>"))
                .isEqualTo("routes `/api/v1/<path>` to \\<path>");
        assertThat(Descriptions.escape("an ` unclosed <b>")).isEqualTo("an ` unclosed \\<b>");
    }
}
