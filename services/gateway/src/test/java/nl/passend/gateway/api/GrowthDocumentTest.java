package nl.passend.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.UUID;
import nl.passend.gateway.ClientTokens;
import nl.passend.gateway.FakeServices;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The groeidocument composed from the services (fake ones here, real HTTP): each part the service's own
 * answer to the caller's token, with asOf passed on; a part the caller may not see, or whose service is
 * down or slow, marked unavailable; the pupil refused, the whole refused.
 */
@QuarkusTest
class GrowthDocumentTest {

    private WireMock services;
    private String pupil;
    private String token;

    @BeforeEach
    void setUp() {
        services = FakeServices.client();
        pupil = UUID.randomUUID().toString();
        String client = "app-" + UUID.randomUUID();
        token = ClientTokens.token(client, "ib-" + client, "ib");
    }

    @Test
    void composesEveryPartFromItsServiceWithTheCallersTokenAndAsOf() {
        String plan = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        String day = TestClock.today().minusDays(30).toString();
        stub("/pupils/" + pupil + "?asOf=" + day, 200, "{\"id\":\"" + pupil + "\",\"schoolCode\":\"12AB00\"}");
        stub("/support-level-service/pupils/" + pupil + "/support-level?asOf=" + day, 200, "{\"level\":\"LEVEL_3\"}");
        stub("/support-level-service/pupils/" + pupil + "/support-level/history?asOf=" + day, 200,
                "[{\"level\":\"LEVEL_2\"},{\"level\":\"LEVEL_3\"}]");
        stub("/support-level-service/pupils/" + pupil + "/interventions?asOf=" + day, 200, "[{\"domain\":\"READING\"}]");
        stub("/opp-service/pupils/" + pupil + "/opps?asOf=" + day, 200,
                "[{\"id\":\"" + closed + "\",\"status\":\"CLOSED\",\"updatedAt\":\"2026-01-02T00:00:00Z\"},"
                        + "{\"id\":\"" + plan + "\",\"status\":\"ESTABLISHED\",\"updatedAt\":\"2025-01-02T00:00:00Z\"}]");
        stub("/opp-service/opps/" + plan + "?asOf=" + day, 200,
                "{\"id\":\"" + plan + "\",\"status\":\"ESTABLISHED\",\"current\":{\"goals\":[{\"domain\":\"READING\"}]}}");
        stub("/support-team-service/pupils/" + pupil + "/cases?asOf=" + day, 200, "[{\"meetingType\":\"BOT\"}]");
        stub("/consent-service/pupils/" + pupil + "/consent-requests?asOf=" + day, 200, "[{\"outcome\":\"GRANTED\"}]");

        JsonPath doc = given().auth().oauth2(token).header("X-Correlation-Id", "bot-meeting-7").queryParam("asOf", day)
                .get("/api/v1/pupils/{id}/growth-document", pupil)
                .then().statusCode(200).header("X-Correlation-Id", "bot-meeting-7").extract().jsonPath();

        assertThat(doc.getString("pupilId")).isEqualTo(pupil);
        assertThat(doc.getString("asOf")).isEqualTo(day);
        assertThat(doc.getString("pupil.schoolCode")).isEqualTo("12AB00");
        assertThat(doc.getString("supportLevel.level")).isEqualTo("LEVEL_3");
        assertThat(doc.getList("supportLevelHistory.level")).containsExactly("LEVEL_2", "LEVEL_3");
        assertThat(doc.getList("interventions.domain")).containsExactly("READING");
        assertThat(doc.getList("opps.id")).containsExactly(closed, plan);
        assertThat(doc.getString("opp.id")).as("the open plan whole, not the closed one updated later").isEqualTo(plan);
        assertThat(doc.getList("opp.current.goals.domain")).containsExactly("READING");
        assertThat(doc.getList("cases.meetingType")).containsExactly("BOT");
        assertThat(doc.getList("consents.outcome")).containsExactly("GRANTED");
        // each service saw the caller's own token and the correlation id, so it could decide and audit
        services.verifyThat(getRequestedFor(urlEqualTo("/support-team-service/pupils/" + pupil + "/cases?asOf=" + day))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Correlation-Id", equalTo("bot-meeting-7")));
        services.verifyThat(getRequestedFor(urlEqualTo("/pupils/" + pupil + "?asOf=" + day))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aPartTheCallerMayNotSeeOrWhoseServiceFailsIsMarkedUnavailable() {
        stub("/pupils/" + pupil, 200, "{\"id\":\"" + pupil + "\"}");
        stub("/support-level-service/pupils/" + pupil + "/support-level", 200, "{\"level\":\"LEVEL_1\"}");
        stub("/support-level-service/pupils/" + pupil + "/support-level/history", 200, "[]");
        stub("/support-level-service/pupils/" + pupil + "/interventions", 403,
                "{\"type\":\"https://passend.nl/problems/forbidden\",\"status\":403}");
        stub("/opp-service/pupils/" + pupil + "/opps", 200, "[]");
        services.register(get(urlEqualTo("/support-team-service/pupils/" + pupil + "/cases"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        services.register(get(urlEqualTo("/consent-service/pupils/" + pupil + "/consent-requests"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("[]")));

        JsonPath doc = given().auth().oauth2(token).get("/api/v1/pupils/{id}/growth-document", pupil)
                .then().statusCode(200).extract().jsonPath();

        assertThat(doc.getString("asOf")).isNull();
        assertThat(doc.getString("supportLevel.level")).isEqualTo("LEVEL_1");
        assertThat(doc.getBoolean("interventions.available")).isFalse();
        assertThat(doc.getInt("interventions.status")).isEqualTo(403);
        assertThat(doc.getInt("cases.status")).as("a service that breaks off").isEqualTo(503);
        assertThat(doc.getInt("consents.status")).as("a service slower than the timeout (1 s)").isEqualTo(504);
        assertThat(doc.getList("opps")).isEmpty();
        assertThat(doc.getMap("")).as("no plan, no OPP").containsEntry("opp", null);
    }

    @Test
    void aPupilTheCallerMayNotSeeGivesPupilServicesOwnAnswerAndNoParts() {
        stub("/pupils/" + pupil, 404, "{\"type\":\"https://passend.nl/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"pupil not found\",\"instance\":\"/pupils/" + pupil + "\","
                + "\"correlationId\":\"c-1\"}");
        stub("/support-level-service/pupils/" + pupil + "/support-level", 200, "{\"level\":\"LEVEL_4\"}");

        Response response = given().auth().oauth2(token).get("/api/v1/pupils/{id}/growth-document", pupil);

        assertProblem(response, 404, "not-found");
        assertThat(response.asString()).doesNotContain("LEVEL_4");
        services.verifyThat(0, getRequestedFor(urlEqualTo("/support-level-service/pupils/" + pupil + "/support-level")));
        // a method the document does not have: still a problem (the platform leaves it to resteasy-problem)
        given().auth().oauth2(token).delete("/api/v1/pupils/{id}/growth-document", pupil).then().statusCode(405)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(405));
    }

    @Test
    void badInputIsAProblemAndNoServiceIsAsked() {
        assertProblem(given().auth().oauth2(token).queryParam("asOf", "1-2-2026")
                .get("/api/v1/pupils/{id}/growth-document", pupil), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(token).queryParam("asOf", TestClock.today().plusDays(2).toString())
                .get("/api/v1/pupils/{id}/growth-document", pupil), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(token).get("/api/v1/pupils/{id}/growth-document", "not-a-uuid"), 400,
                "invalid-parameter");
        services.verifyThat(0, getRequestedFor(urlEqualTo("/pupils/" + pupil)));
        given().get("/api/v1/pupils/{id}/growth-document", pupil).then().statusCode(401)
                .contentType("application/problem+json");
    }

    private void stub(String url, int status, String body) {
        services.register(get(urlEqualTo(url)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json").withBody(body)));
    }
}
