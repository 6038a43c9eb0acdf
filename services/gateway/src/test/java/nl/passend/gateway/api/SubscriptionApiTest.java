package nl.passend.gateway.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.passend.gateway.ClientTokens;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions API of a student information system: what it may subscribe to, that only it sees and
 * changes its subscriptions, bad input, and If-Match. Each client makes at most 5 calls (the test profile's
 * rate limit per client), so each test uses clients of its own.
 */
@QuarkusTest
class SubscriptionApiTest {

    private static final String ENROLLED = "nl.passend.pupil.enrolled.v1";
    private static final String LEVEL_CHANGED = "nl.passend.support.level-changed.v1";
    private static final String CALLBACK = "https://sis.example.nl/passend/webhooks";

    private static String client() {
        return "sis-" + UUID.randomUUID();
    }

    static Map<String, Object> subscription(String url, List<String> types, List<String> schools) {
        Map<String, Object> body = new HashMap<>();
        body.put("callbackUrl", url);
        body.put("eventTypes", types);
        body.put("schoolCodes", schools);
        return body;
    }

    static Response create(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/subscriptions");
    }

    @Test
    void aClientSubscribesReadsListsAndDeletesItsSubscription() {
        String school = TestTokens.newSchoolCode();
        String other = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis(client(), school, other);

        Response created = create(sis, subscription(CALLBACK, List.of(LEVEL_CHANGED, ENROLLED, ENROLLED),
                List.of(school, other)));
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("callbackUrl", equalTo(CALLBACK))
                .body("eventTypes", equalTo(List.of(ENROLLED, LEVEL_CHANGED)))
                .body("status", equalTo("ACTIVE"))
                .body("secret", startsWith("whsec_"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/subscriptions/" + id);
        assertThat(created.<List<String>>path("schoolCodes")).containsExactlyInAnyOrder(school, other);

        given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .header("X-Correlation-Id", notNullValue())
                .body("id", equalTo(id))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(sis).get("/api/v1/subscriptions").then().statusCode(200)
                .body("id", equalTo(List.of(id)));
        given().auth().oauth2(sis).delete("/api/v1/subscriptions/{id}", id).then().statusCode(204);
        assertProblem(given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}", id), 404, "not-found");
    }

    @Test
    void anotherClientNeitherSeesNorChangesIt() {
        String school = TestTokens.newSchoolCode();
        String owner = ClientTokens.sis(client(), school);
        String id = create(owner, subscription(CALLBACK, List.of(ENROLLED), List.of(school))).then().statusCode(201)
                .extract().path("id");

        // another student information system working for the same school
        String stranger = ClientTokens.sis(client(), school);
        assertProblem(given().auth().oauth2(stranger).get("/api/v1/subscriptions/{id}", id), 404, "not-found");
        given().auth().oauth2(stranger).get("/api/v1/subscriptions").then().statusCode(200)
                .body("id", not(hasItem(id)));
        assertProblem(given().auth().oauth2(stranger).delete("/api/v1/subscriptions/{id}", id), 404, "not-found");
        assertProblem(given().auth().oauth2(stranger).get("/api/v1/subscriptions/{id}/deliveries", id), 404,
                "not-found");
        assertProblem(given().auth().oauth2(stranger).header("If-Match", "\"0\"")
                .post("/api/v1/subscriptions/{id}/secret", id), 404, "not-found");
        String third = ClientTokens.sis(client(), school);
        assertProblem(given().auth().oauth2(third).header("If-Match", "\"0\"").contentType("application/json")
                .body(subscription("https://evil.example.com/x", List.of(ENROLLED), List.of(school)))
                .put("/api/v1/subscriptions/{id}", id), 404, "not-found");
        assertProblem(given().auth().oauth2(third).header("If-Match", "\"0\"")
                .post("/api/v1/subscriptions/{id}/resume", id), 404, "not-found");

        // still there, unchanged
        given().auth().oauth2(owner).get("/api/v1/subscriptions/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").body("callbackUrl", equalTo(CALLBACK));
    }

    @Test
    void aClientSubscribesOnlyToTheSchoolsOfItsTokenAndOnlyAStudentInformationSystemSubscribesAtAll() {
        String school = TestTokens.newSchoolCode();
        String foreign = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis(client(), school);
        assertProblem(create(sis, subscription(CALLBACK, List.of(ENROLLED), List.of(school, foreign))), 403,
                "forbidden").body("detail", containsString(foreign));
        given().auth().oauth2(sis).get("/api/v1/subscriptions").then().statusCode(200).body("$", equalTo(List.of()));

        String teacher = ClientTokens.token(client(), "teacher-1", "teacher", school);
        assertProblem(create(teacher, subscription(CALLBACK, List.of(ENROLLED), List.of(school))), 403, "forbidden");
        assertProblem(given().auth().oauth2(teacher).get("/api/v1/subscriptions"), 403, "forbidden");
        assertProblem(given().contentType("application/json")
                .body(subscription(CALLBACK, List.of(ENROLLED), List.of(school))).post("/api/v1/subscriptions"),
                401, "unauthorized");
    }

    @Test
    void badInputIsA400ListingEachFieldAndNothingIsStored() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis(client(), school);

        create(sis, subscription("ftp://sis.example.nl/x", List.of(ENROLLED, "nl.passend.pupil.renamed.v1"),
                List.of("12ab00"))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("callbackUrl", "eventTypes[1]", "schoolCodes[0]"));
        create(sis, subscription("http://sis.example.nl/hooks", List.of(), List.of(school))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("callbackUrl", "eventTypes"))
                .body("violations.find { it.field == 'callbackUrl' }.message", equalTo("must be an https URL"));
        create(sis, subscription("https://10.0.0.8/hooks", List.of(ENROLLED), List.of(school))).then().statusCode(400)
                .body("violations.find { it.field == 'callbackUrl' }.message",
                        equalTo("must not be a private or internal address"));
        // a body that is no JSON at all (Quarkus's reader wraps the parse error; the platform unwraps it)
        given().auth().oauth2(sis).contentType("application/json").body("{callbackUrl: https}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://passend.nl/problems/malformed-json"));
        given().auth().oauth2(sis).get("/api/v1/subscriptions").then().statusCode(200).body("$", equalTo(List.of()));
    }

    @Test
    void aChangeNeedsTheCurrentETagAndTheRotatedSecretIsNewAndShownOnce() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis(client(), school);
        Response created = create(sis, subscription(CALLBACK, List.of(ENROLLED), List.of(school)));
        String id = created.path("id");
        String firstSecret = created.path("secret");
        Map<String, Object> changed = subscription("https://sis.example.nl/v2/hooks", List.of(LEVEL_CHANGED),
                List.of(school));

        assertProblem(given().auth().oauth2(sis).contentType("application/json").body(changed)
                .put("/api/v1/subscriptions/{id}", id), 428, "if-match-required");
        assertProblem(given().auth().oauth2(sis).contentType("application/json").header("If-Match", "\"7\"")
                .body(changed).put("/api/v1/subscriptions/{id}", id), 412, "stale-version");
        given().auth().oauth2(sis).contentType("application/json").header("If-Match", "\"0\"").body(changed)
                .put("/api/v1/subscriptions/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("callbackUrl", equalTo("https://sis.example.nl/v2/hooks"))
                .body("eventTypes", equalTo(List.of(LEVEL_CHANGED)))
                .body("secret", nullValue());
        Response rotated = given().auth().oauth2(sis).header("If-Match", "\"1\"")
                .post("/api/v1/subscriptions/{id}/secret", id);
        rotated.then().statusCode(200).header("ETag", "\"2\"")
                .body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue());
        assertThat(rotated.<String>path("secret")).isNotEqualTo(firstSecret);
    }

    @Test
    void ofTwoConcurrentChangesWithTheSameETagOneWinsAndTheOtherIs412() throws Exception {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis(client(), school);
        String id = create(sis, subscription(CALLBACK, List.of(ENROLLED), List.of(school))).path("id");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> changes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String url = "https://sis.example.nl/hooks/" + i;
                changes.add(() -> given().auth().oauth2(sis).contentType("application/json").header("If-Match", "\"0\"")
                        .body(subscription(url, List.of(ENROLLED), List.of(school)))
                        .put("/api/v1/subscriptions/{id}", id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(changes)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownOrMalformedIdAndAnUnknownPathBelowASubscription() {
        String sis = ClientTokens.sis(client(), TestTokens.newSchoolCode());
        assertProblem(given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}", UUID.randomUUID()), 404,
                "not-found");
        assertProblem(given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}", "42"), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}/deliveries", UUID.randomUUID()),
                404, "not-found");
        assertProblem(given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}/other", UUID.randomUUID()), 404,
                "not-found");
    }
}
