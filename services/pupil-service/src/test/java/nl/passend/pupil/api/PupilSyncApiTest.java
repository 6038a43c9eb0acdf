package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.Topics;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The student information system's batch upsert (POST /schools/{code}/pupils/batch) and delta list
 * (GET /schools/{code}/pupils): outcomes, idempotency, the events each change publishes, all or
 * nothing, bad input as problems, and a pupil moving schools by ECK iD.
 */
@QuarkusTest
class PupilSyncApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPES = "https://passend.nl/problems/";
    private static final String TODAY = TestClock.today().toString();

    // --- outcomes and idempotency ---

    @Test
    void createsThenTheSameBatchAgainChangesNothingAndPublishesNothing() {
        String school = Fixtures.school("BAO");
        List<Map<String, Object>> items = List.of(Fixtures.pupil("i-1"), Fixtures.pupil("i-2"),
                Fixtures.pupil("i-3"));

        JsonPath first = batch(school, items).then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("created")).isEqualTo(3);
        assertThat(first.getInt("updated")).isZero();
        assertThat(first.getInt("unchanged")).isZero();
        assertThat(first.getList("items.externalId", String.class)).containsExactly("i-1", "i-2", "i-3");
        assertThat(first.getList("items.outcome", String.class)).containsOnly("CREATED");
        List<String> ids = first.getList("items.pupilId", String.class);
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        ids.forEach(UUID::fromString);

        // enrolled + 2 guardians each
        assertThat(types(eventsAbout(ids, 9))).containsExactlyInAnyOrder(
                "enrolled", "enrolled", "enrolled", "guardian-added", "guardian-added", "guardian-added",
                "guardian-added", "guardian-added", "guardian-added");
        Map<String, String> before = snapshots(school, ids);

        JsonPath second = batch(school, items).then().statusCode(200).extract().jsonPath();
        assertThat(second.getInt("created")).isZero();
        assertThat(second.getInt("updated")).isZero();
        assertThat(second.getInt("unchanged")).isEqualTo(3);
        assertThat(second.getList("items.outcome", String.class)).containsExactly("UNCHANGED", "UNCHANGED",
                "UNCHANGED");
        assertThat(second.getList("items.pupilId", String.class)).isEqualTo(ids);
        assertThat(snapshots(school, ids)).as("version and updatedAt untouched").isEqualTo(before);

        // A real change afterwards is the marker: once its event is on the topic, anything the
        // repeated batch had published would be there too (one partition, outbox order).
        Map<String, Object> renamed = Fixtures.pupil("i-2");
        renamed.put("givenName", "Noor");
        batch(school, List.of(renamed)).then().statusCode(200).body("items[0].outcome", equalTo("UPDATED"));
        List<EventEnvelope> after = eventsAbout(ids, 10);
        assertThat(after.stream().filter(e -> type(e).equals("updated")).map(EventEnvelope::subject))
                .containsExactly(ids.get(1));
        assertThat(after).hasSize(10);
    }

    @Test
    void aWriteAnswersWithItsLastEventAsConsistencyTokenAndAWriteWithoutEventsWithNone() {
        String school = Fixtures.school("BAO");
        List<Map<String, Object>> items = List.of(Fixtures.pupil("t-1"), Fixtures.pupil("t-2"));
        Response first = batch(school, items);
        first.then().statusCode(200);
        List<String> ids = first.jsonPath().getList("items.pupilId", String.class);
        String lastEvent = TestDb.string("select event_id::text from outbox_event where event_key in (?, ?) "
                + "order by seq desc limit 1", ids.get(0), ids.get(1));
        assertThat(first.header("X-Passend-Consistency")).isNotNull().isEqualTo(lastEvent);

        // the same batch again writes nothing: no token
        Response again = batch(school, items);
        again.then().statusCode(200).body("unchanged", equalTo(2));
        assertThat(again.header("X-Passend-Consistency")).isNull();

        // pupil-service has its own events at once; it consumes none, so it waits for no other; a token
        // that is no event id is a 400
        given().auth().oauth2(Fixtures.sis(school)).header("X-Passend-After", lastEvent)
                .get("/pupils/{id}", ids.get(1)).then().statusCode(200);
        given().auth().oauth2(Fixtures.sis(school)).header("X-Passend-After", UUID.randomUUID().toString())
                .get("/pupils/{id}", ids.get(1)).then().statusCode(200);
        given().auth().oauth2(Fixtures.sis(school)).header("X-Passend-After", "not-an-event")
                .get("/pupils/{id}", ids.get(1)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "invalid-consistency-token"));
    }

    @Test
    void eachChangePublishesExactlyItsEventsAndNoPersonalData() {
        String school = Fixtures.school("BAO");
        String destination = Fixtures.school("SBO");
        List<String> ids = batch(school, List.of(Fixtures.pupil("c-1"), Fixtures.pupil("c-2")))
                .then().statusCode(200).extract().jsonPath().getList("items.pupilId", String.class);
        String changing = ids.get(0);
        String leaving = ids.get(1);
        assertThat(eventsAbout(ids, 6)).hasSize(6);
        long versionBefore = version(school, changing);

        Map<String, Object> changed = Fixtures.pupil("c-1");
        changed.put("givenName", "Fenna");
        changed.put("group", Map.of("name", "6A", "year", 6));
        changed.put("guardians", List.of(
                guardian("c-1-g1", "Ans", "de Vries", false), // authority withdrawn
                guardian("c-1-g3", "Joke", "Bakker", true))); // g2 removed, g3 added
        Map<String, Object> left = Fixtures.pupil("c-2");
        left.put("leaving", Map.of("leftOn", TODAY, "destination", "SBO", "destinationSchoolCode", destination));
        JsonPath result = batch(school, List.of(changed, left)).then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("items.outcome", String.class)).containsExactly("UPDATED", "UPDATED");
        assertThat(result.getInt("updated")).isEqualTo(2);

        List<EventEnvelope> events = eventsAbout(ids, 12);
        assertThat(types(events.stream().filter(e -> e.subject().equals(changing)).toList()))
                .containsExactlyInAnyOrder("enrolled", "guardian-added", "guardian-added",
                        "updated", "moved-group", "guardian-changed", "guardian-added", "guardian-removed");
        assertThat(types(events.stream().filter(e -> e.subject().equals(leaving)).toList()))
                .containsExactlyInAnyOrder("enrolled", "guardian-added", "guardian-added", "left");
        EventEnvelope leftEvent = events.stream().filter(e -> type(e).equals("left")).findFirst().orElseThrow();
        assertThat(leftEvent.schoolcode()).isEqualTo(school);
        assertThat(leftEvent.data().get("destination").asText()).isEqualTo("SBO");
        assertThat(leftEvent.data().get("destinationSchoolCode").asText()).isEqualTo(destination);
        assertThat(leftEvent.data().get("effectiveDate").asText()).isEqualTo(TODAY);
        EventEnvelope moved = events.stream().filter(e -> type(e).equals("moved-group")).findFirst().orElseThrow();
        assertThat(moved.data().get("groupYear").asInt()).isEqualTo(6);
        EventEnvelope authority = events.stream().filter(e -> type(e).equals("guardian-changed")).findFirst()
                .orElseThrow();
        assertThat(authority.data().get("hasParentalAuthority").asBoolean()).isFalse();
        assertThat(version(school, changing)).isGreaterThan(versionBefore);
        given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", leaving).then().statusCode(200)
                .body("status", equalTo("LEFT"));

        // a guardian's name is not published: the record changes, no event goes out
        Map<String, Object> guardianRenamed = new HashMap<>(changed);
        guardianRenamed.put("guardians", List.of(
                guardian("c-1-g1", "Anna", "de Vries", false),
                guardian("c-1-g3", "Joke", "Bakker", true)));
        long versionBeforeRename = version(school, changing);
        batch(school, List.of(guardianRenamed, left)).then().statusCode(200)
                .body("items.outcome", equalTo(List.of("UPDATED", "UNCHANGED")));
        assertThat(version(school, changing)).as("guardians are part of the record").isGreaterThan(versionBeforeRename);
        Map<String, Object> marker = new HashMap<>(guardianRenamed);
        marker.put("familyName", "Jansen");
        batch(school, List.of(marker)).then().statusCode(200);
        List<EventEnvelope> all = eventsAbout(ids, 13);
        assertThat(all).hasSize(13);
        assertThat(types(all).stream().filter(t -> t.equals("updated"))).hasSize(2);

        for (EventEnvelope event : all) {
            String json = EventJson.write(event);
            assertThat(json).doesNotContain("Sanne", "Fenna", "Vries", "Jansen", "Ans", "Anna", "Piet", "Joke",
                    "Bakker", "2017-03-14", "givenName", "familyName", "birthDate");
        }
    }

    // --- all or nothing ---

    @Test
    void oneInvalidItemWritesNothingAtAll() {
        String school = Fixtures.school("BAO");
        String existing = Fixtures.pupils(school, "u-1").get(0);
        long version = version(school, existing);

        Map<String, Object> renamed = Fixtures.pupil("u-1");
        renamed.put("givenName", "Changed");
        Map<String, Object> leftBeforeEnrolling = Fixtures.pupil("bad-1");
        leftBeforeEnrolling.put("leaving", Map.of("leftOn", "2020-01-01", "destination", "BAO"));
        batch(school, List.of(Fixtures.pupil("ok-1"), renamed, Fixtures.pupil("ok-2"), leftBeforeEnrolling))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "left-before-enrolment"));
        assertThat(externalIdsListed(school)).containsExactly("u-1");
        given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", existing).then().statusCode(200)
                .body("givenName", equalTo("Sanne"));
        assertThat(version(school, existing)).isEqualTo(version);

        batch(school, List.of(Fixtures.pupil("ok-1"), renamed, Fixtures.pupil("ok-1")))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "duplicate-external-id"));
        assertThat(externalIdsListed(school)).containsExactly("u-1");

        Map<String, Object> twoSameGuardians = Fixtures.pupil("ok-2");
        twoSameGuardians.put("guardians", List.of(guardian("x", "A", "B", true), guardian("x", "C", "D", true)));
        batch(school, List.of(Fixtures.pupil("ok-1"), renamed, twoSameGuardians))
                .then().statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo(TYPES + "duplicate-guardian"));
        assertThat(externalIdsListed(school)).containsExactly("u-1");
        assertThat(version(school, existing)).isEqualTo(version);

        // the earlier items really were absent: now they are created
        batch(school, List.of(Fixtures.pupil("ok-1"), Fixtures.pupil("ok-2"))).then().statusCode(200)
                .body("items.outcome", equalTo(List.of("CREATED", "CREATED")));
    }

    // --- bad input ---

    @Test
    void missingFieldsAreListedOneByOne() {
        String school = Fixtures.school("BAO");
        Map<String, Object> guardianWithout = new HashMap<>();
        guardianWithout.put("externalId", "g");
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", "m-1");
        item.put("guardians", List.of(guardianWithout));
        item.put("group", Map.of("name", "5B"));
        batch(school, List.of(item)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItems("pupils[0].givenName", "pupils[0].familyName",
                        "pupils[0].birthDate", "pupils[0].enrolledOn", "pupils[0].group.year",
                        "pupils[0].guardians[0].givenName", "pupils[0].guardians[0].familyName",
                        "pupils[0].guardians[0].hasParentalAuthority"))
                .body("violations.size()", equalTo(8));

        batch(school, Map.of()).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItems("pupils"));
        batch(school, Map.of("pupils", List.of())).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItems("pupils"));

        Map<String, Object> invalid = Fixtures.pupil("m-2");
        invalid.put("birthDate", TestClock.today().plusDays(1).toString());
        invalid.put("eckId", "not-an-eck-id");
        invalid.put("externalId", " ");
        batch(school, List.of(Fixtures.pupil("m-3"), invalid)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItems("pupils[1].birthDate", "pupils[1].eckId", "pupils[1].externalId"));
        assertThat(externalIdsListed(school)).isEmpty();
    }

    @Test
    void malformedBodiesAreBadRequestsNeverServerErrors() {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        Map<String, Object> badDate = Fixtures.pupil("b-1");
        badDate.put("birthDate", "14-03-2017");
        Map<String, Object> noSuchDay = Fixtures.pupil("b-2");
        noSuchDay.put("enrolledOn", "2021-02-30");
        Map<String, Object> badLeavingDate = Fixtures.pupil("b-3");
        badLeavingDate.put("leaving", Map.of("leftOn", "yesterday", "destination", "SBO"));
        Map<String, Object> unknownDestination = Fixtures.pupil("b-4");
        unknownDestination.put("leaving", Map.of("leftOn", TODAY, "destination", "MARS"));
        Map<String, Object> guardiansAsObject = Fixtures.pupil("b-5");
        guardiansAsObject.put("guardians", Map.of("externalId", "g"));
        Map<String, Object> authorityAsWord = Fixtures.pupil("b-6");
        authorityAsWord.put("guardians", List.of(Map.of("externalId", "g", "givenName", "A", "familyName", "B",
                "hasParentalAuthority", "maybe")));
        Map<String, Object> yearAsWord = Fixtures.pupil("b-7");
        yearAsWord.put("group", Map.of("name", "5B", "year", "five"));
        Map<String, Object> nameAsObject = Fixtures.pupil("b-8");
        nameAsObject.put("givenName", Map.of("first", "Sanne"));

        for (Map<String, Object> item : List.of(badDate, noSuchDay, badLeavingDate, unknownDestination,
                guardiansAsObject, authorityAsWord, yearAsWord, nameAsObject)) {
            batch(school, List.of(Fixtures.pupil("b-0"), item)).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        for (String body : List.of("{\"pupils\": [", "{\"pupils\": \"all of them\"}", "[]", "\"pupils\"",
                "{\"pupils\": [null]}", "{\"pupils\": [42]}", "not json at all", "{}")) {
            given().auth().oauth2(sis).contentType(ContentType.JSON).body(body)
                    .post("/schools/{c}/pupils/batch", school)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        given().auth().oauth2(sis).contentType(ContentType.JSON)
                .post("/schools/{c}/pupils/batch", school)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(sis).contentType(ContentType.TEXT).body("b-0;Sanne;de Vries")
                .post("/schools/{c}/pupils/batch", school)
                .then().statusCode(415).contentType(PROBLEM_JSON);
        assertThat(externalIdsListed(school)).isEmpty();
    }

    @Test
    void noValueIsCoercedAndEveryUnknownPropertyIsNamed() {
        String school = Fixtures.school("BAO");
        Map<String, Object> givenNameAsNumber = Fixtures.pupil("s-1");
        givenNameAsNumber.put("givenName", 12345);
        Map<String, Object> familyNameAsBoolean = Fixtures.pupil("s-2");
        familyNameAsBoolean.put("familyName", true);
        Map<String, Object> externalIdAsNumber = Fixtures.pupil("s-3");
        externalIdAsNumber.put("externalId", 777);
        Map<String, Object> yearAsText = Fixtures.pupil("s-4");
        yearAsText.put("group", Map.of("name", "5B", "year", "5"));
        Map<String, Object> authorityAsNumber = Fixtures.pupil("s-5");
        authorityAsNumber.put("guardians", List.of(Map.of("externalId", "g", "givenName", "A", "familyName", "B",
                "hasParentalAuthority", 1)));
        Map<String, Object> cases = Map.of("givenName", givenNameAsNumber, "familyName", familyNameAsBoolean,
                "externalId", externalIdAsNumber, "group.year", yearAsText,
                "guardians[0].hasParentalAuthority", authorityAsNumber);
        cases.forEach((field, item) -> assertProblem(batch(school, List.of(Fixtures.pupil("s-0"), item)), 400,
                "invalid-value").body("violations.field", equalTo(List.of("pupils[1]." + field))));

        // a vendor's typo would lose data: every unknown property is named, at any depth
        Map<String, Object> typos = Fixtures.pupil("s-6");
        typos.put("guardians", List.of(Map.of("externalId", "g", "givenName", "A", "familyName", "B",
                "hasParentalAutority", true)));
        typos.put("nickname", "Sanne");
        given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON).header("X-Correlation-Id", "sync-7")
                .body(Map.of("pupils", List.of(Fixtures.pupil("s-0"), typos), "source", "vendor"))
                .post("/schools/{c}/pupils/batch", school)
                .then().statusCode(400).contentType(PROBLEM_JSON).header("X-Correlation-Id", "sync-7")
                .body("type", equalTo(TYPES + "unknown-property"))
                .body("instance", equalTo("/schools/" + school + "/pupils/batch"))
                .body("correlationId", equalTo("sync-7"))
                .body("violations.field", containsInAnyOrder("pupils[1].guardians[0].hasParentalAutority",
                        "pupils[1].nickname", "source"))
                .body("detail", containsString("pupils[1].guardians[0].hasParentalAutority"));
        // behind the gateway (which forwards /api/v1/schools/... as /schools/... and says so) the instance is the
        // path the vendor called
        given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON).header("X-Forwarded-Prefix", "/api/v1")
                .body(Map.of("pupils", List.of(typos))).post("/schools/{c}/pupils/batch", school)
                .then().statusCode(400).body("instance", equalTo("/api/v1/schools/" + school + "/pupils/batch"));
        assertThat(externalIdsListed(school)).isEmpty();

        // a pupil's care professional is linked by a login name, not a number
        String pupil = Fixtures.pupils(school, "s-7").get(0);
        assertProblem(given().auth().oauth2(Fixtures.staff("ib", school)).contentType(ContentType.JSON)
                .body(Map.of("accountId", 12345, "discipline", "ORTHOPEDAGOOG"))
                .post("/pupils/{id}/professionals", pupil), 400, "invalid-value")
                .body("violations.field", equalTo(List.of("accountId")));
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefusedWhole() {
        String school = Fixtures.school("BAO");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(Fixtures.pupil("big-" + i));
        }
        batch(school, items).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", equalTo(List.of("pupils")));
        assertThat(externalIdsListed(school)).isEmpty();
    }

    @Test
    void unknownSchoolsAndOtherClientsSchoolsAreNotFound() {
        String school = Fixtures.school("BAO");
        String other = Fixtures.school("BAO");
        List<Map<String, Object>> items = List.of(Fixtures.pupil("s-1"));

        // a well-formed code that is not registered, with a token that names it
        String unknown = "00ZZ00";
        given().auth().oauth2(Fixtures.sis(unknown)).contentType(ContentType.JSON).body(Map.of("pupils", items))
                .post("/schools/{c}/pupils/batch", unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "not-found"));
        given().auth().oauth2(Fixtures.sis(unknown)).get("/schools/{c}/pupils", unknown)
                .then().statusCode(404).contentType(PROBLEM_JSON);

        // another school's student information system: not found, as for anything it may not see
        given().auth().oauth2(Fixtures.sis(other)).contentType(ContentType.JSON).body(Map.of("pupils", items))
                .post("/schools/{c}/pupils/batch", school)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("type", equalTo(TYPES + "not-found"));
        given().auth().oauth2(Fixtures.sis(other)).get("/schools/{c}/pupils", school)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(externalIdsListed(school)).isEmpty();

        // staff do not sync; without a token nobody does
        given().auth().oauth2(Fixtures.staff("ib", school)).contentType(ContentType.JSON)
                .body(Map.of("pupils", items)).post("/schools/{c}/pupils/batch", school)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body(Map.of("pupils", items))
                .post("/schools/{c}/pupils/batch", school)
                .then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Bearer"));
        assertThat(externalIdsListed(school)).isEmpty();
    }

    // --- the delta list ---

    @Test
    void listParametersAreChecked() {
        String school = Fixtures.school("BAO");
        Fixtures.pupils(school, "l-1");
        String sis = Fixtures.sis(school);
        for (String size : List.of("0", "-1", "201", "abc", "1.5")) {
            given().auth().oauth2(sis).queryParam("size", size).get("/schools/{c}/pupils", school)
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        given().auth().oauth2(sis).queryParam("size", 200).get("/schools/{c}/pupils", school)
                .then().statusCode(200).body("items.size()", equalTo(1));
        String notOurs = java.util.Base64.getUrlEncoder().encodeToString("nonsense".getBytes());
        for (String cursor : List.of("!!!", notOurs, "MjAyNi0wMS0wMVR8eA")) {
            given().auth().oauth2(sis).queryParam("cursor", cursor).get("/schools/{c}/pupils", school)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(TYPES + "invalid-cursor"));
        }
        for (String since : List.of("2026-01-01", "yesterday", "2026-13-01T00:00:00Z", "1700000000")) {
            given().auth().oauth2(sis).queryParam("updatedSince", since).get("/schools/{c}/pupils", school)
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(TYPES + "invalid-parameter"));
        }
    }

    @Test
    void updatedSinceReturnsOnlyWhatChangedSince() {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        List<String> early = Fixtures.pupils(school, "t-1", "t-2", "t-3");
        Instant latestEarly = early.stream()
                .map(id -> Instant.parse(given().auth().oauth2(sis).get("/pupils/{id}", id).path("updatedAt")))
                .max(Instant::compareTo).orElseThrow();
        String since = latestEarly.plusNanos(1000).toString();

        Map<String, Object> renamed = Fixtures.pupil("t-2");
        renamed.put("givenName", "Later");
        List<String> later = batch(school, List.of(renamed, Fixtures.pupil("t-4"))).then().statusCode(200)
                .extract().jsonPath().getList("items.pupilId", String.class);

        List<String> changed = given().auth().oauth2(sis).queryParam("updatedSince", since)
                .get("/schools/{c}/pupils", school).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(changed).containsExactlyInAnyOrderElementsOf(later);
        assertThat(later.get(0)).isEqualTo(early.get(1));
        List<String> everything = given().auth().oauth2(sis).queryParam("updatedSince", latestEarly.minusSeconds(3600)
                .toString()).get("/schools/{c}/pupils", school).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(everything).hasSize(4);
    }

    @Test
    void pagingReturnsEveryPupilExactlyOnce() {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        String[] externalIds = new String[23];
        for (int i = 0; i < externalIds.length; i++) {
            externalIds[i] = "page-" + i;
        }
        List<String> ids = Fixtures.pupils(school, externalIds);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        boolean hasMore = true;
        while (hasMore) {
            var request = given().auth().oauth2(sis).queryParam("size", 5);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/schools/{c}/pupils", school).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id", String.class);
            assertThat(items.size()).isLessThanOrEqualTo(5);
            seen.addAll(items);
            cursor = page.getString("nextCursor");
            hasMore = page.getBoolean("hasMore");
            assertThat(++pages).as("paging ends").isLessThan(10);
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);

        // caught up: the cursor stays put until something changes
        JsonPath rest = given().auth().oauth2(sis).queryParam("cursor", cursor).get("/schools/{c}/pupils", school)
                .then().statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items")).isEmpty();
        assertThat(rest.getBoolean("hasMore")).isFalse();
        assertThat(rest.getString("nextCursor")).isEqualTo(cursor);
    }

    // --- moving schools ---

    @Test
    void aPupilMovesSchoolsByEckIdAndTheOldSchoolLetsGo() {
        String schoolA = Fixtures.school("BAO");
        String schoolB = Fixtures.school("SBO");
        String eckId = "https://ketenid.nl/" + UUID.randomUUID().toString().replace("-", "");
        String laterEckId = "https://ketenid.nl/" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> atA = Fixtures.pupil("a-1");
        atA.put("eckId", eckId);
        Map<String, Object> laterAtA = Fixtures.pupil("a-2");
        laterAtA.put("eckId", laterEckId);
        List<String> ids = batch(schoolA, List.of(atA, laterAtA)).then().statusCode(200)
                .extract().jsonPath().getList("items.pupilId", String.class);
        String pupil = ids.get(0);
        String laterPupil = ids.get(1);
        String teacherA = Fixtures.staff("teacher", schoolA);
        String teacherB = Fixtures.staff("teacher", schoolB);
        given().auth().oauth2(teacherA).get("/pupils/{id}", pupil).then().statusCode(200);
        List<String> guardianIds = guardianIds(pupil);
        assertThat(guardianIds).hasSize(2);

        // School B's system enrols the same child with its own ids; the guardians happen to carry
        // the same external ids as at school A.
        Map<String, Object> atB = Fixtures.pupil("b-77");
        atB.put("eckId", eckId);
        atB.put("enrolledOn", TODAY);
        atB.put("group", Map.of("name", "SBO-3", "year", 3));
        atB.put("guardians", atA.get("guardians"));
        Map<String, Object> laterAtB = Fixtures.pupil("b-78");
        laterAtB.put("eckId", laterEckId);
        laterAtB.put("enrolledOn", TestClock.today().plusDays(7).toString());
        JsonPath moved = batch(schoolB, List.of(atB, laterAtB)).then().statusCode(200).extract().jsonPath();
        assertThat(moved.getList("items.outcome", String.class)).containsExactly("CREATED", "CREATED");
        assertThat(moved.getList("items.pupilId", String.class)).containsExactly(pupil, laterPupil);

        // the old enrolment is closed with the new school as destination
        JsonPath enrolments = given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/enrolments", pupil)
                .then().statusCode(200).extract().jsonPath();
        assertThat(enrolments.getList("schoolCode", String.class)).containsExactly(schoolA, schoolB);
        assertThat(enrolments.getString("[0].endDate")).isEqualTo(TODAY);
        assertThat(enrolments.getString("[0].destination")).isEqualTo("SBO");
        assertThat(enrolments.getString("[0].destinationSchoolCode")).isEqualTo(schoolB);
        assertThat(enrolments.getString("[1].endDate")).isNull();
        // the same two guardians, not four, and not lost
        assertThat(guardianIds(pupil)).containsExactlyInAnyOrderElementsOf(guardianIds);

        // from the leaving date, school A's staff no longer see the pupil; school B's do
        given().auth().oauth2(teacherA).get("/pupils/{id}", pupil).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        given().auth().oauth2(teacherB).get("/pupils/{id}", pupil).then().statusCode(200)
                .body("schoolCode", equalTo(schoolB)).body("externalId", equalTo("b-77"))
                .body("groupName", equalTo("SBO-3")).body("status", equalTo("ACTIVE"));
        assertThat(given().auth().oauth2(teacherA).get("/schools/{c}/pupils", schoolA).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).containsExactly(laterPupil);
        // a move next week: until then school A still teaches the pupil
        given().auth().oauth2(teacherA).get("/pupils/{id}", laterPupil).then().statusCode(200);
        given().auth().oauth2(teacherB).get("/pupils/{id}", laterPupil).then().statusCode(200);

        List<EventEnvelope> events = eventsAbout(List.of(pupil), 5);
        EventEnvelope left = events.stream().filter(e -> type(e).equals("left")).findFirst().orElseThrow();
        assertThat(left.schoolcode()).isEqualTo(schoolA);
        assertThat(left.data().get("destination").asText()).isEqualTo("SBO");
        assertThat(left.data().get("destinationSchoolCode").asText()).isEqualTo(schoolB);
        assertThat(left.data().get("effectiveDate").asText()).isEqualTo(TODAY);
        assertThat(events.stream().filter(e -> type(e).equals("enrolled")).map(EventEnvelope::schoolcode))
                .containsExactly(schoolA, schoolB);

        // School A's system still sends its old record (another name, another guardian): the pupil
        // is at school B now, so it changes nothing; neither school's sync flips the other's data.
        long version = version(schoolB, pupil);
        Map<String, Object> staleAtA = new HashMap<>(atA);
        staleAtA.put("givenName", "Old");
        staleAtA.put("guardians", List.of(guardian("a-1-g9", "Kees", "Smit", true)));
        staleAtA.put("group", Map.of("name", "7C", "year", 7));
        for (int round = 0; round < 2; round++) {
            batch(schoolA, List.of(staleAtA)).then().statusCode(200)
                    .body("items[0].outcome", equalTo("UNCHANGED")).body("items[0].pupilId", equalTo(pupil));
            batch(schoolB, List.of(atB)).then().statusCode(200).body("items[0].outcome", equalTo("UNCHANGED"));
        }
        given().auth().oauth2(teacherB).get("/pupils/{id}", pupil).then().statusCode(200)
                .body("givenName", equalTo("Sanne")).body("schoolCode", equalTo(schoolB))
                .body("version", equalTo((int) version));
        assertThat(guardianIds(pupil)).containsExactlyInAnyOrderElementsOf(guardianIds);
        // nor through the single-pupil endpoints
        given().auth().oauth2(Fixtures.sis(schoolA)).contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("givenName", "Old", "familyName", "de Vries", "birthDate", "2017-03-14"))
                .put("/pupils/{id}", pupil).then().statusCode(409).contentType(PROBLEM_JSON);
        given().auth().oauth2(Fixtures.sis(schoolA)).contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("leftOn", TODAY, "destination", "BAO"))
                .post("/pupils/{id}/leave", pupil).then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(version(schoolB, pupil)).isEqualTo(version);
    }

    @Test
    void aMoveReplacesGuardiansThatAreNotTheSamePeople() {
        String schoolA = Fixtures.school("BAO");
        String schoolB = Fixtures.school("BAO");
        String eckId = "https://ketenid.nl/" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> atA = Fixtures.pupil("a-1");
        atA.put("eckId", eckId);
        String pupil = batch(schoolA, List.of(atA)).then().statusCode(200).extract().path("items[0].pupilId");
        List<Map<String, Object>> before = given().auth().oauth2(Fixtures.ADMIN)
                .get("/pupils/{id}/guardians", pupil).then().statusCode(200).extract().jsonPath().getList("");

        // School B numbers guardians its own way: "a-1-g2" is someone else there.
        Map<String, Object> atB = Fixtures.pupil("b-1");
        atB.put("eckId", eckId);
        atB.put("enrolledOn", TODAY);
        atB.put("guardians", List.of(
                guardian("a-1-g1", "Ans", "de Vries", true), // the same person
                guardian("a-1-g2", "Karin", "Visser", true), // another person, same external id
                guardian("b-1-g3", "Piet", "de Vries", false)));
        batch(schoolB, List.of(atB)).then().statusCode(200).body("items[0].outcome", equalTo("CREATED"))
                .body("items[0].pupilId", equalTo(pupil));

        JsonPath after = given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/guardians", pupil)
                .then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("externalId", String.class))
                .containsExactlyInAnyOrder("a-1-g1", "a-1-g2", "b-1-g3");
        String ansBefore = before.stream().filter(g -> g.get("externalId").equals("a-1-g1")).findFirst()
                .orElseThrow().get("id").toString();
        String g2Before = before.stream().filter(g -> g.get("externalId").equals("a-1-g2")).findFirst()
                .orElseThrow().get("id").toString();
        assertThat(after.getString("find { it.externalId == 'a-1-g1' }.id")).isEqualTo(ansBefore);
        assertThat(after.getString("find { it.externalId == 'a-1-g2' }.id")).isNotEqualTo(g2Before);
        assertThat(after.getString("find { it.externalId == 'a-1-g2' }.givenName")).isEqualTo("Karin");

        // and the same batch again is a no-op
        batch(schoolB, List.of(atB)).then().statusCode(200).body("items[0].outcome", equalTo("UNCHANGED"));
    }

    // --- concurrency ---

    @Test
    void concurrentBatchesOnTheSamePupilsNeverFailWithAServerError() throws Exception {
        String school = Fixtures.school("BAO");
        String[] externalIds = new String[20];
        for (int i = 0; i < externalIds.length; i++) {
            externalIds[i] = "cc-" + i;
        }
        List<String> ids = Fixtures.pupils(school, externalIds);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (String externalId : externalIds) {
                        Map<String, Object> item = Fixtures.pupil(externalId);
                        item.put("givenName", "w" + writer + "r" + round);
                        item.put("guardians", List.of(guardian(externalId + "-g1", "Ans", "w" + writer, true)));
                        items.add(item);
                    }
                    if (writer == 1) {
                        java.util.Collections.reverse(items); // the other order, as a deadlock would need
                    }
                    statuses.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return batch(school, items).then().extract().statusCode();
                    }));
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get(1, TimeUnit.MINUTES)).as("round " + round).isIn(200, 409);
                }
                // all or nothing: every pupil carries the name of one and the same writer
                Set<String> names = new HashSet<>();
                for (String id : ids) {
                    names.add(given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", id).path("givenName"));
                }
                assertThat(names).as("round " + round).hasSize(1);
                assertThat(names.iterator().next()).endsWith("r" + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers ---

    private static Response batch(String school, Object itemsOrBody) {
        Object body = itemsOrBody instanceof List<?> items ? Map.of("pupils", items) : itemsOrBody;
        return given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON).body(body)
                .post("/schools/{c}/pupils/batch", school);
    }

    private static Map<String, Object> guardian(String externalId, String givenName, String familyName,
            boolean authority) {
        return Map.of("externalId", externalId, "givenName", givenName, "familyName", familyName,
                "hasParentalAuthority", authority);
    }

    /** The external ids of every pupil the school's system can list (one page is enough here). */
    private static List<String> externalIdsListed(String school) {
        return given().auth().oauth2(Fixtures.sis(school)).queryParam("size", 200).get("/schools/{c}/pupils", school)
                .then().statusCode(200).extract().jsonPath().getList("items.externalId", String.class);
    }

    private static long version(String school, String pupilId) {
        Response response = given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", pupilId);
        response.then().statusCode(200);
        long version = response.jsonPath().getLong("version");
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        return version;
    }

    /** Each pupil's version and updatedAt, as the school's system reads them. */
    private static Map<String, String> snapshots(String school, List<String> ids) {
        Map<String, String> snapshots = new HashMap<>();
        for (String id : ids) {
            JsonPath pupil = given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", id)
                    .then().statusCode(200).extract().jsonPath();
            snapshots.put(id, pupil.getString("version") + "@" + pupil.getString("updatedAt"));
        }
        return snapshots;
    }

    private static List<String> guardianIds(String pupilId) {
        return given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/guardians", pupilId).then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
    }

    /** The events on passend.pupil keyed by these pupils, waiting until at least {@code expected} are there. */
    private static List<EventEnvelope> eventsAbout(Collection<String> pupilIds, int expected) {
        Set<String> ids = Set.copyOf(pupilIds);
        return TopicProbe.events(Topics.PUPIL, e -> ids.contains(e.subject()), expected, Duration.ofSeconds(30));
    }

    /** "nl.passend.pupil.guardian-added.v1" → "guardian-added". */
    private static String type(EventEnvelope event) {
        return event.type().replaceFirst("^nl\\.passend\\.pupil\\.", "").replaceFirst("\\.v\\d+$", "");
    }

    private static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(PupilSyncApiTest::type).toList();
    }
}
