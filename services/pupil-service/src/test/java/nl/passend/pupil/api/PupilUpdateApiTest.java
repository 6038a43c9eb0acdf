package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.Topics;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestClock;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /pupils/{id} with its ETag, PUT /pupils/{id} and POST /pupils/{id}/leave with If-Match: 428
 * without it, 412 when stale, and under concurrent writers exactly one wins, never a 500, no lost update.
 */
@QuarkusTest
class PupilUpdateApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://passend.nl/problems/";
    private static final String TODAY = TestClock.today().toString();

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void getGivesTheVersionAsETag() {
        String school = Fixtures.school("BAO");
        String id = Fixtures.pupils(school, "e-1").get(0);
        Response response = given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", id);
        response.then().statusCode(200).body("id", equalTo(id));
        assertThat(response.header("ETag")).isEqualTo("\"" + response.path("version") + "\"");
        given().auth().oauth2(Fixtures.staff("teacher", school)).get("/pupils/{id}", id)
                .then().statusCode(200).header("ETag", equalTo(response.header("ETag")));
    }

    @Test
    void putNeedsTheCurrentETag() {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        String id = Fixtures.pupils(school, "e-1").get(0);
        String etag = etag(sis, id);

        given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("Noor"))
                .put("/pupils/{id}", id)
                .then().statusCode(428).contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "if-match-required"));
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("Noor")).header("If-Match", "\"99\"")
                .put("/pupils/{id}", id)
                .then().statusCode(412).contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "stale-version"));
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("Noor")).header("If-Match", "garbage")
                .put("/pupils/{id}", id)
                .then().statusCode(412).contentType(PROBLEM_JSON);
        assertThat(given().auth().oauth2(sis).get("/pupils/{id}", id).path("givenName").toString())
                .isEqualTo("Sanne");

        Response ok = given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("Noor"))
                .header("If-Match", etag).put("/pupils/{id}", id);
        ok.then().statusCode(200).body("givenName", equalTo("Noor")).body("groupName", equalTo("5B"));
        assertThat(ok.header("ETag")).isNotEqualTo(etag).isEqualTo(etag(sis, id));

        // the old ETag is stale now
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("Sanne")).header("If-Match", etag)
                .put("/pupils/{id}", id)
                .then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("Sanne"))
                .header("If-Match", ok.header("ETag")).put("/pupils/{id}", id)
                .then().statusCode(200).body("givenName", equalTo("Sanne"));
    }

    @Test
    void badIdsAndBodiesAreProblems() {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        String id = Fixtures.pupils(school, "e-1").get(0);
        String etag = etag(sis, id);

        for (String bad : List.of("not-a-uuid", "123", "0000")) {
            given().auth().oauth2(sis).get("/pupils/{id}", bad)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(TYPES + "invalid-parameter"));
            given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("X")).header("If-Match", etag)
                    .put("/pupils/{id}", bad)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
            given().auth().oauth2(sis).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("leftOn", TODAY, "destination", "SBO"))
                    .post("/pupils/{id}/leave", bad)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(sis).get("/pupils/{id}", unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "not-found"));
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(update("X")).header("If-Match", etag)
                .put("/pupils/{id}", unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(sis).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leftOn", TODAY, "destination", "SBO"))
                .post("/pupils/{id}/leave", unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON);

        // another school's system does not see the pupil at all; staff may read but not write
        String other = Fixtures.school("BAO");
        given().auth().oauth2(Fixtures.sis(other)).contentType(ContentType.JSON).body(update("X"))
                .header("If-Match", etag).put("/pupils/{id}", id)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(Fixtures.staff("ib", school)).contentType(ContentType.JSON).body(update("X"))
                .header("If-Match", etag).put("/pupils/{id}", id)
                .then().statusCode(403).contentType(PROBLEM_JSON);

        Map<String, Object> invalid = new HashMap<>();
        invalid.put("givenName", "");
        invalid.put("birthDate", TestClock.today().plusYears(1).toString());
        invalid.put("eckId", "urn:nope");
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(invalid).header("If-Match", etag)
                .put("/pupils/{id}", id)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItems("givenName", "familyName", "birthDate", "eckId"));
        for (String body : List.of("{\"givenName\": ", "{\"givenName\": \"A\", \"familyName\": \"B\", "
                + "\"birthDate\": \"2017-02-30\"}", "[]", "")) {
            given().auth().oauth2(sis).contentType(ContentType.JSON).body(body).header("If-Match", etag)
                    .put("/pupils/{id}", id)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        for (String body : List.of("{\"leftOn\": \"soon\", \"destination\": \"SBO\"}",
                "{\"leftOn\": \"" + TODAY + "\", \"destination\": \"MARS\"}", "{}", "{\"leftOn\": ")) {
            given().auth().oauth2(sis).contentType(ContentType.JSON).body(body).header("If-Match", etag)
                    .post("/pupils/{id}/leave", id)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        assertThat(etag(sis, id)).as("nothing changed").isEqualTo(etag);
    }

    @Test
    void leaveNeedsTheCurrentETagAndAnOpenEnrolment() {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        String id = Fixtures.pupils(school, "e-1").get(0);
        String etag = etag(sis, id);
        Map<String, Object> leaving = Map.of("leftOn", TODAY, "destination", "SO");

        given().auth().oauth2(sis).contentType(ContentType.JSON).body(leaving).post("/pupils/{id}/leave", id)
                .then().statusCode(428).contentType(PROBLEM_JSON);
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(leaving).header("If-Match", "\"42\"")
                .post("/pupils/{id}/leave", id)
                .then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(sis).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leftOn", "2020-01-01", "destination", "SO"))
                .post("/pupils/{id}/leave", id)
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "left-before-enrolment"));
        assertThat(etag(sis, id)).isEqualTo(etag);

        Response left = given().auth().oauth2(sis).contentType(ContentType.JSON).body(leaving)
                .header("If-Match", etag).post("/pupils/{id}/leave", id);
        left.then().statusCode(200).body("status", equalTo("LEFT"));
        assertThat(left.header("ETag")).isNotEqualTo(etag).isEqualTo(etag(sis, id));
        given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/enrolments", id).then().statusCode(200)
                .body("[0].endDate", equalTo(TODAY)).body("[0].destination", equalTo("SO"));

        given().auth().oauth2(sis).contentType(ContentType.JSON).body(leaving).header("If-Match", etag)
                .post("/pupils/{id}/leave", id)
                .then().statusCode(412).contentType(PROBLEM_JSON);
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(leaving)
                .header("If-Match", left.header("ETag")).post("/pupils/{id}/leave", id)
                .then().statusCode(409).contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "not-enrolled"));
    }

    @Test
    void concurrentPutsWithTheSameETagOneWinsTheOtherIsStale() throws Exception {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        String id = Fixtures.pupils(school, "e-1").get(0);
        for (int round = 0; round < 10; round++) {
            String etag = etag(sis, id);
            long version = given().auth().oauth2(sis).get("/pupils/{id}", id).jsonPath().getLong("version");
            String nameA = "A" + round;
            String nameB = "B" + round;
            List<Response> responses = race(
                    () -> given().auth().oauth2(sis).contentType(ContentType.JSON).body(update(nameA))
                            .header("If-Match", etag).put("/pupils/{id}", id),
                    () -> given().auth().oauth2(sis).contentType(ContentType.JSON).body(update(nameB))
                            .header("If-Match", etag).put("/pupils/{id}", id));
            assertThat(responses.stream().map(Response::statusCode).sorted()).as("round " + round)
                    .containsExactly(200, 412);
            Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            Response loser = responses.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith(PROBLEM_JSON);
            // no lost update: what the winner was told is what is stored, one version later
            Response now = given().auth().oauth2(sis).get("/pupils/{id}", id);
            assertThat(now.path("givenName").toString()).isEqualTo(winner.path("givenName").toString());
            assertThat(now.jsonPath().getLong("version")).isEqualTo(version + 1);
            assertThat(now.header("ETag")).isEqualTo(winner.header("ETag"));
        }
    }

    @Test
    void concurrentLeavesAndPutsWithTheSameETagOneWinsTheOtherIsStale() throws Exception {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        String[] externalIds = new String[10];
        for (int i = 0; i < externalIds.length; i++) {
            externalIds[i] = "lv-" + i;
        }
        List<String> ids = Fixtures.pupils(school, externalIds);
        for (int round = 0; round < ids.size(); round++) {
            String id = ids.get(round);
            String etag = etag(sis, id);
            Callable<Response> leave = () -> given().auth().oauth2(sis).contentType(ContentType.JSON)
                    .body(Map.of("leftOn", TODAY, "destination", "BAO")).header("If-Match", etag)
                    .post("/pupils/{id}/leave", id);
            Callable<Response> put = () -> given().auth().oauth2(sis).contentType(ContentType.JSON)
                    .body(update("Renamed")).header("If-Match", etag).put("/pupils/{id}", id);
            // even rounds: two leaves; odd rounds: a leave against a rename
            List<Response> responses = race(leave, round % 2 == 0 ? leave : put);
            assertThat(responses.stream().map(Response::statusCode).sorted()).as("round " + round)
                    .containsExactly(200, 412);
            Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            Response now = given().auth().oauth2(sis).get("/pupils/{id}", id);
            assertThat(now.header("ETag")).isEqualTo(winner.header("ETag"));
            assertThat(now.path("status").toString()).isEqualTo(winner.path("status").toString());
            assertThat(now.path("givenName").toString()).isEqualTo(winner.path("givenName").toString());
            List<String> endDates = given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/enrolments", id)
                    .then().statusCode(200).extract().jsonPath().getList("endDate", String.class);
            assertThat(endDates).hasSize(1);
            assertThat(endDates.get(0)).isEqualTo("LEFT".equals(now.path("status")) ? TODAY : null);
        }
    }

    @Test
    void concurrentLeavesWithAnyETagLeaveOnce() throws Exception {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        List<String> ids = Fixtures.pupils(school, "any-0", "any-1", "any-2", "any-3", "any-4");
        for (String id : ids) {
            // "*" passes the version check, so only the enrolment read under the lock stops the second leave
            Callable<Response> leave = () -> given().auth().oauth2(sis).contentType(ContentType.JSON)
                    .body(Map.of("leftOn", TODAY, "destination", "SO")).header("If-Match", "*")
                    .post("/pupils/{id}/leave", id);
            List<Response> responses = race(leave, leave);
            assertThat(responses.stream().map(Response::statusCode).sorted()).containsExactly(200, 409);
            assertThat(responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow()
                    .path("type").toString()).isEqualTo(TYPES + "not-enrolled");
        }
        // a later pupil's events are the marker: everything before it is on the topic by then
        String marker = Fixtures.pupils(school, "any-marker").get(0);
        List<String> keys = new ArrayList<>(ids);
        keys.add(marker);
        List<EventEnvelope> events = TopicProbe.events(Topics.PUPIL, e -> keys.contains(e.subject()),
                5 * 4 + 3, Duration.ofSeconds(30));
        assertThat(events).hasSize(5 * 4 + 3);
        assertThat(events.stream().filter(e -> e.type().equals("nl.passend.pupil.left.v1"))
                .map(EventEnvelope::subject)).containsExactlyInAnyOrderElementsOf(ids);
    }

    // --- helpers ---

    /** Runs both calls at the same moment; returns their responses in order. */
    private List<Response> race(Callable<Response> first, Callable<Response> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> call : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get(1, TimeUnit.MINUTES));
        }
        return responses;
    }

    private static String etag(String token, String id) {
        Response response = given().auth().oauth2(token).get("/pupils/{id}", id);
        response.then().statusCode(200);
        assertThat(response.header("ETag")).isNotBlank();
        return response.header("ETag");
    }

    private static Map<String, Object> update(String givenName) {
        return Map.of("givenName", givenName, "familyName", "de Vries", "birthDate", "2017-03-14",
                "group", Map.of("name", "5B", "year", 5));
    }
}
