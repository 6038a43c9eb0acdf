package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.Topics;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationApiTest {

    @Test
    void adminRegistersASchoolAndItIsPublishedWithCodesOnly() {
        String code = Fixtures.school("SBO");

        given().auth().oauth2(Fixtures.staff("teacher", code)).get("/schools/{code}", code)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("schoolType", equalTo("SBO"));

        List<EventEnvelope> events = TopicProbe.events(Topics.PUPIL,
                e -> e.type().equals("nl.passend.pupil.school-registered.v1") && e.subject().equals(code), 1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        EventEnvelope event = events.get(0);
        assertThat(event.schoolcode()).isEqualTo(code);
        assertThat(event.source()).isEqualTo("/passend/pupil-service");
        assertThat(event.data().get("schoolType").asText()).isEqualTo("SBO");
        assertThat(event.data().toString()).doesNotContain("School " + code);
    }

    @Test
    void changingASchoolNeedsTheCurrentETag() {
        String code = Fixtures.school("BAO");
        Map<String, Object> school = Map.of("name", "Renamed", "schoolType", "BAO",
                "boardCode", given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}", code).path("boardCode"),
                "swvCode", given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}", code).path("swvCode"));

        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(school)
                .put("/schools/{code}", code)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://passend.nl/problems/if-match-required"));
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(school).header("If-Match", "\"7\"")
                .put("/schools/{code}", code)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://passend.nl/problems/stale-version"));
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(school).header("If-Match", "\"0\"")
                .put("/schools/{code}", code)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Renamed"));
    }

    @Test
    void concurrentChangesWithTheSameETagLetExactlyOneWin() throws Exception {
        String code = Fixtures.school("BAO");
        String board = given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}", code).path("boardCode");
        String swv = given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}", code).path("swvCode");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String etag = given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}", code).header("ETag");
                List<Future<Integer>> answers = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    Map<String, Object> body = Map.of("name", "Round " + round + " writer " + writer,
                            "schoolType", "BAO", "boardCode", board, "swvCode", swv);
                    answers.add(pool.submit(() -> given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                            .header("If-Match", etag).body(body).put("/schools/{code}", code)
                            .then().extract().statusCode()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            }
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}", code).then().header("ETag", equalTo("\"5\""));
    }

    @Test
    void onlyAnAdminRegistersSchools() {
        given().auth().oauth2(TestTokens.token("t1", "teacher", "11AA11")).contentType(ContentType.JSON)
                .body(Map.of("name", "x"))
                .put("/swvs/{code}", "PO9999")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .put("/swvs/{code}", "PO9999")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void badSchoolInputIsAProblemListingEachField() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "", "boardCode", "B1"))
                .put("/schools/{code}", "not-a-code")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("schoolType"))
                .body("violations.field", hasItem("swvCode"));

        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "schoolType", "BAO", "boardCode", "NOPE", "swvCode", "NOPE"))
                .put("/schools/{code}", "99ZZ99")
                .then().statusCode(422).body("type", equalTo("https://passend.nl/problems/unknown-board"));

        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"X\", \"schoolType\": \"UNIVERSITY\"}")
                .put("/schools/{code}", "99ZZ99")
                .then().statusCode(400).contentType("application/problem+json");

        // a number is not a name, and a property the request does not have is not dropped silently
        for (String kind : List.of("/swvs/{code}", "/boards/{code}")) {
            assertProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", 12345)).put(kind, "PO1"), 400, "invalid-value")
                    .body("violations.field", equalTo(List.of("name")));
            assertProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", "Passend", "nmae", "typo")).put(kind, "PO1"), 400, "unknown-property")
                    .body("violations.field", equalTo(List.of("nmae")));
        }

        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body("{\"name\": ")
                .put("/swvs/{code}", "PO1")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
