package nl.passend.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.passend.gateway.ClientTokens;
import nl.passend.gateway.FakeServices;
import nl.passend.gateway.openapi.SwaggerUiLogin;
import nl.passend.platform.http.SecurityHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of real HTTP servers standing in for the services ({@link FakeServices}): what it
 * forwards, what it answers itself, and how it fails. Each test uses its own client id, so that the test
 * profile's small rate limits (5 per minute per user, 8 per client) are counted per test.
 */
@QuarkusTest
class GatewayProxyTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private WireMock services;
    private String clientId;
    private String token;

    @BeforeEach
    void setUp() {
        services = FakeServices.client();
        clientId = "client-" + UUID.randomUUID();
        token = token(clientId);
    }

    private static String token(String clientId) {
        return ClientTokens.token(clientId, "sis-" + clientId, "sis-client");
    }

    @Test
    void forwardsMethodPathQueryHeadersAndBodyToTheOwningServiceAndItsAnswerBack() {
        String pupil = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String body = "{\"perspective\":{\"expectedDestination\":\"SBO\"},\"note\":\"" + "x".repeat(200_000) + "\"}";
        services.register(post(urlEqualTo("/opp-service/pupils/" + pupil + "/opps?dryRun=false&x=a%20b"))
                .willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"1\"")
                        .withHeader("Location", "http://127.0.0.1:" + FakeServices.port() + "/opp-service/opps/" + plan)
                        .withBody("{\"id\":\"" + plan + "\",\"currentVersion\":1}")));

        Response response = given().auth().oauth2(token).urlEncodingEnabled(false)
                .contentType("application/json")
                .header("If-Match", "\"0\"")
                .header("X-Correlation-Id", "sis-sync-42")
                .body(body)
                .post("/api/v1/pupils/{pupil}/opps?dryRun=false&x=a%20b", pupil);

        response.then().statusCode(201)
                .contentType("application/json")
                .header("ETag", "\"1\"")
                .header("Location", RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/opps/" + plan)
                .header("X-Correlation-Id", "sis-sync-42")
                .body("id", equalTo(plan));
        services.verifyThat(postRequestedFor(urlEqualTo("/opp-service/pupils/" + pupil + "/opps?dryRun=false&x=a%20b"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .withHeader("If-Match", WireMock.equalTo("\"0\""))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withHeader("X-Correlation-Id", WireMock.equalTo("sis-sync-42"))
                .withRequestBody(WireMock.equalTo(body)));
    }

    @Test
    void theConsistencyTokenGoesBackAndTheReadAfterItGoesToTheService() {
        String pupil = UUID.randomUUID().toString();
        String written = UUID.randomUUID().toString();
        services.register(post(urlEqualTo("/schools/12AB00/pupils/batch")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Passend-Consistency", written)
                .withBody("{\"created\":1}")));
        services.register(get(urlEqualTo("/opp-service/pupils/" + pupil + "/opps")).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "1")
                .withBody(problem("not-yet-synced", 503, "/pupils/" + pupil + "/opps"))));

        given().auth().oauth2(token).contentType("application/json").body("{\"pupils\":[]}")
                .post("/api/v1/schools/12AB00/pupils/batch")
                .then().statusCode(200).header("X-Passend-Consistency", written);
        // the service's own 503 passes through as it is, Retry-After included
        given().auth().oauth2(token).header("X-Passend-After", written).get("/api/v1/pupils/{id}/opps", pupil)
                .then().statusCode(503).header("Retry-After", "1")
                .body("type", equalTo("https://passend.nl/problems/not-yet-synced"));
        services.verifyThat(getRequestedFor(urlEqualTo("/opp-service/pupils/" + pupil + "/opps"))
                .withHeader("X-Passend-After", WireMock.equalTo(written)));
    }

    @Test
    void theLongestMatchingPrefixDecidesTheService() {
        String pupil = UUID.randomUUID().toString();
        services.register(get(urlEqualTo("/pupils/" + pupil)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"givenName\":\"pupil-service\"}")));
        services.register(get(urlEqualTo("/support-level-service/pupils/" + pupil + "/support-level"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"pupilId\":\"" + pupil + "\"}")));
        services.register(get(urlEqualTo("/reporting-service/swvs/PO2601/report"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"swvCode\":\"reporting-service\"}")));

        given().auth().oauth2(token).get("/api/v1/pupils/{id}", pupil)
                .then().statusCode(200).body("givenName", equalTo("pupil-service"));
        given().auth().oauth2(token).get("/api/v1/pupils/{id}/support-level", pupil)
                .then().statusCode(200).body("pupilId", equalTo(pupil));
        given().auth().oauth2(token).get("/api/v1/swvs/PO2601/report")
                .then().statusCode(200).body("swvCode", equalTo("reporting-service"));
    }

    @Test
    void aServicesErrorAndARelativeLocationPassThroughBelowTheApiPath() {
        String code = "9" + UUID.randomUUID().toString().substring(0, 5);
        services.register(put(urlEqualTo("/schools/" + code)).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader("Location", "/schools/" + code)
                .withBody(problem("stale-version", 412, "/schools/" + code))));

        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"3\"").body("{}")
                .put("/api/v1/schools/{code}", code)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .header("Location", "/api/v1/schools/" + code)
                .body("type", equalTo("https://passend.nl/problems/stale-version"));
    }

    @Test
    void aCorrelationIdIsKeptWhenValidAndMadeOtherwiseAndAlwaysForwarded() {
        String pupil = UUID.randomUUID().toString();
        services.register(get(urlPathMatching("/consent-service/pupils/" + pupil + "/consent-check"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));

        String made = given().auth().oauth2(token).get("/api/v1/pupils/{id}/consent-check", pupil)
                .then().statusCode(200).header("X-Correlation-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Correlation-Id");
        String replaced = given().auth().oauth2(token).header("X-Correlation-Id", "bad id\twith spaces")
                .get("/api/v1/pupils/{id}/consent-check", pupil)
                .then().statusCode(200).header("X-Correlation-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Correlation-Id");

        assertThat(made).isNotEqualTo(replaced);
        services.verifyThat(getRequestedFor(urlPathMatching("/consent-service/pupils/" + pupil + "/consent-check"))
                .withHeader("X-Correlation-Id", WireMock.equalTo(made)));
        services.verifyThat(getRequestedFor(urlPathMatching("/consent-service/pupils/" + pupil + "/consent-check"))
                .withHeader("X-Correlation-Id", WireMock.equalTo(replaced)));
    }

    @Test
    void withoutAValidTokenNothingIsForwarded() {
        String pupil = UUID.randomUUID().toString();
        assertProblem(given().get("/api/v1/pupils/{id}", pupil), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Correlation-Id", matchesPattern(UUID_PATTERN));
        assertProblem(given().auth().oauth2("not-a-token").get("/api/v1/pupils/{id}", pupil), 401, "unauthorized");
        String foreign = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl"; // signature forged
        assertProblem(given().auth().oauth2(foreign).get("/api/v1/pupils/{id}", pupil), 401, "unauthorized");
        services.verifyThat(0, anyRequestedFor(urlPathMatching("/pupils/" + pupil)));
    }

    @Test
    void aUserOverTheirLimitGets429WithRetryAfterWhileAnotherUserOfTheClientGoesOnUpToTheClientsLimit() {
        services.register(get(urlEqualTo("/opp-service/opps/limit")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        // the test profile: 5 per user, 8 per client, a minute each; the headers tell the tighter one
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/api/v1/opps/limit").then().statusCode(200)
                    .header("X-RateLimit-Limit", "5").header("X-RateLimit-Remaining", Integer.toString(4 - i));
        }
        Response over = given().auth().oauth2(token).get("/api/v1/opps/limit");
        assertProblem(over, 429, "too-many-requests").header("Retry-After", matchesPattern("[1-9][0-9]?"));
        assertThat(Integer.parseInt(over.header("Retry-After"))).isBetween(1, 60);

        // another user of the same client is not starved by the first one...
        String sameClient = ClientTokens.token(clientId, "someone-else", "teacher");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(sameClient).get("/api/v1/opps/limit").then().statusCode(200)
                    .header("X-RateLimit-Limit", "8").header("X-RateLimit-Remaining", Integer.toString(2 - i));
        }
        // ...but the client's limit caps all its users together
        assertProblem(given().auth().oauth2(sameClient).get("/api/v1/opps/limit"), 429, "too-many-requests")
                .header("X-RateLimit-Limit", "8").header("Retry-After", matchesPattern("[1-9][0-9]?"));
        given().auth().oauth2(token("client-" + UUID.randomUUID())).get("/api/v1/opps/limit").then().statusCode(200);
    }

    @Test
    void requestsWithoutATokenAreLimitedPerAddress() {
        // the test profile trusts X-Forwarded-For (quarkus.http.proxy.*), as behind the load balancer
        String address = "198.51.100." + (1 + new Random().nextInt(254));
        String other = "203.0.113." + (1 + new Random().nextInt(254));
        for (int i = 0; i < 6; i++) {
            given().header("X-Forwarded-For", address).get(i % 2 == 0 ? "/api/v1/openapi.yaml" : "/q/swagger-ui/")
                    .then().statusCode(200)
                    .header("X-RateLimit-Limit", "6").header("X-RateLimit-Remaining", Integer.toString(5 - i));
        }
        assertProblem(given().header("X-Forwarded-For", address).get("/api/v1/openapi.yaml"), 429, "too-many-requests")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"));
        assertThat(given().header("X-Forwarded-For", address).get("/q/swagger-ui/").statusCode()).isEqualTo(429);
        given().header("X-Forwarded-For", other).get("/api/v1/openapi.yaml").then().statusCode(200);
    }

    @Test
    void theRequestMetricsAreTaggedWithThePathTemplateNeverARawId() {
        services.register(get(urlPathMatching("/opp-service/opps/[^/]+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(UUID.randomUUID().toString());
            given().auth().oauth2(token).get("/api/v1/opps/{id}", ids.get(i)).then().statusCode(200);
        }
        ids.add(UUID.randomUUID().toString());
        given().auth().oauth2(token).get("/api/v1/test-unreachable/{id}", ids.get(3)).then().statusCode(503);
        ids.add(UUID.randomUUID().toString());
        given().auth().oauth2(token).get("/api/v1/no-such-things/{id}", ids.get(4)).then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/opps/{planId}\"")
                .contains("uri=\"/api/v1/test-unreachable/**\"");
        assertThat(ids).allSatisfy(id -> assertThat(metrics).doesNotContain(id));
    }

    @Test
    void aServiceThatIsDownIs503() {
        assertProblem(given().auth().oauth2(token).get("/api/v1/test-unreachable/anything"), 503, "service-unavailable")
                .header("X-Correlation-Id", matchesPattern(UUID_PATTERN));
        // the gateway's own problems have the services' shape, with the request's correlation id
        assertProblem(given().auth().oauth2(token).header("X-Correlation-Id", "down-1")
                .get("/api/v1/test-unreachable/anything"), 503, "service-unavailable")
                .header("X-Correlation-Id", "down-1").body("correlationId", equalTo("down-1"));
        assertProblem(given().header("X-Correlation-Id", "anonymous-1").get("/api/v1/pupils/1"), 401, "unauthorized")
                .body("correlationId", equalTo("anonymous-1")).body("instance", equalTo("/api/v1/pupils/1"));
    }

    @Test
    void aServiceSlowerThanTheTimeoutIs504AndTheCallerDoesNotWaitForIt() {
        services.register(get(urlEqualTo("/support-team-service/meetings/slow")).willReturn(aResponse()
                .withStatus(200).withFixedDelay(4_000).withBody("{}")));
        long started = System.nanoTime();
        assertProblem(given().auth().oauth2(token).get("/api/v1/meetings/slow"), 504, "service-timeout");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_500);
    }

    @Test
    void anUnknownPathIs404WithoutAskingAnyService() {
        assertProblem(given().auth().oauth2(token).get("/api/v1/no-such-things/1"), 404, "not-found");
        assertProblem(given().auth().oauth2(token).get("/api/v1"), 404, "not-found");
        assertProblem(given().auth().oauth2(token).get("/api/v1/"), 404, "not-found");
        // /pupils alone is no prefix of pupil-service (/pupils/* is)
        assertProblem(given().auth().oauth2(token).get("/api/v1/pupils"), 404, "not-found");
        services.verifyThat(0, anyRequestedFor(urlPathMatching(".*no-such-things.*")));
    }

    @Test
    void oddPathsAreNeverA500() throws IOException {
        services.register(any(urlPathMatching("/admin/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        assertThat(rawStatusLine("GET /api/v1/pupils/%zz HTTP/1.1")).contains(" 400 ");
        // dot segments are resolved before routing: this is /api/v1/admin/x, pupil-service's
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/v1/pupils/1/../../admin/x")
                .then().statusCode(404);
        services.verifyThat(getRequestedFor(urlEqualTo("/admin/x")));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/v1/../q/nothing").then()
                .statusCode(org.hamcrest.Matchers.lessThan(500));
    }

    /** A request line no HTTP client would send, sent over a plain socket; the status line that comes back. */
    private String rawStatusLine(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void theGatewaysOwnEndpointTakesPrecedenceOverAServicePrefixAndPassesTheFilter() {
        String pupil = UUID.randomUUID().toString();
        given().auth().oauth2(token).header("X-Correlation-Id", "echo-1")
                .get("/api/v1/pupils/{id}/gateway-echo", pupil)
                .then().statusCode(200)
                .header("X-Correlation-Id", "echo-1")
                .body("id", equalTo(pupil))
                .body("correlationId", equalTo("echo-1"))
                .body("clientId", startsWith("client:client-"));
        assertProblem(given().get("/api/v1/pupils/{id}/gateway-echo", pupil), 401, "unauthorized");
        services.verifyThat(0, anyRequestedFor(urlPathMatching("/pupils/" + pupil + ".*")));
    }

    @Test
    void theMergedApiDocumentIsServedWithoutATokenAndSwaggerUiShowsIt() throws Exception {
        String committed = Files.readString(Path.of("../../api-specs/openapi/passend-api.yaml"));
        String served = given().get("/api/v1/openapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        // the committed document, with the realm's URLs in place of the placeholder (SecurityHeadersTest)
        assertThat(served).isEqualTo(SwaggerUiLogin.withRealm(committed,
                SecurityHeaders.swaggerUiRealm(ConfigProvider.getConfig()).orElseThrow()));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** A service's problem, in the one shape every service answers. */
    private static String problem(String slug, int status, String instance) {
        return "{\"type\":\"https://passend.nl/problems/" + slug + "\",\"title\":\"" + slug + "\",\"status\":" + status
                + ",\"detail\":\"" + slug + "\",\"instance\":\"/api/v1" + instance + "\",\"correlationId\":\"c-1\"}";
    }
}
