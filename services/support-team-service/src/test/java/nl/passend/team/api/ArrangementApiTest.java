package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.testing.TestClock;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.testing.AuditTrail;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Arrangements through the API: the school's IB'er or director records extra support granted by the
 * board or the SWV, which is published as started (keyed by the pupil, so that opp-service starts the
 * OPP clock); ending it publishes ended, once; an end before the start, bad input, a stale or missing
 * If-Match and callers who may not are refused with a problem and nothing written.
 */
@QuarkusTest
class ArrangementApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final LocalDate TODAY = TestClock.today();
    private static final String DESCRIPTION = "Twee uur per week begeleiding door de ambulant begeleider";

    // ---- start ----------------------------------------------------------------------------------

    @Test
    void theIbRecordsAnArrangementWhichIsPublishedAsStartedKeyedByThePupil() {
        Pupil pupil = Fixtures.pupil();
        LocalDate start = TODAY.minusWeeks(1);

        Response created = start(pupil.staff("ib"), pupil.id(), arrangement("INDIVIDUAL_SUPPORT", "SWV", start, null));
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("pupilId", equalTo(pupil.id().toString())).body("schoolCode", equalTo(pupil.schoolCode()))
                .body("kind", equalTo("INDIVIDUAL_SUPPORT")).body("fundingSource", equalTo("SWV"))
                .body("startDate", equalTo(start.toString())).body("endDate", nullValue())
                .body("description", equalTo(DESCRIPTION)).body("caseId", nullValue()).body("ended", equalTo(false));
        UUID id = UUID.fromString(created.path("id"));
        assertThat(created.header("Location")).endsWith("/arrangements/" + id);

        // the school's staff and the pupil's parent read it, with the same ETag
        for (String token : List.of(pupil.staff("ib"), pupil.staff("director"), pupil.staff("teacher"), pupil.parent())) {
            get(token, id).then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id.toString()))
                    .body("kind", equalTo("INDIVIDUAL_SUPPORT"));
        }

        List<ConsumerRecord<String, String>> records = sent(EventType.ARRANGEMENT_STARTED, pupil.id(), 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(pupil.id().toString());
        EventEnvelope envelope = EventJson.read(records.get(0).value());
        assertThat(envelope.type()).isEqualTo("nl.passend.team.arrangement-started.v1");
        ArrangementChanged started = EventJson.data(envelope, ArrangementChanged.class);
        assertThat(started).isEqualTo(new ArrangementChanged(id, pupil.id(), pupil.schoolCode(),
                ArrangementKind.INDIVIDUAL_SUPPORT, FundingSource.SWV, start, null, start));
        // ids, codes and dates only: never the description
        assertThat(records.get(0).value()).doesNotContain(DESCRIPTION);
        assertThat(sent(EventType.ARRANGEMENT_ENDED, pupil.id(), 0)).isEmpty();

        assertThat(AuditTrail.audit(pupil.id())).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("team.arrangement.start");
            assertThat(row.actorRole()).isEqualTo("ib");
        });
        assertThat(TestDb.count("select count(*) from arrangement where id = ? and created_role = 'ib'"
                + " and funding_source = 'SWV' and kind = 'INDIVIDUAL_SUPPORT' and ended = false", id)).isEqualTo(1);
    }

    @Test
    void theDirectorRecordsOneFundedByTheBoardWithAPlannedEndWhichMayBeItsFirstDay() {
        Pupil pupil = Fixtures.pupil();
        UUID planned = UUID.fromString(start(pupil.staff("director"), pupil.id(),
                arrangement("GROUP_SUPPORT", "BOARD", TODAY, TODAY.plusMonths(6))).then().statusCode(201)
                .body("fundingSource", equalTo("BOARD")).body("endDate", equalTo(TODAY.plusMonths(6).toString()))
                .body("ended", equalTo(false)).extract().path("id"));
        UUID oneDay = UUID.fromString(start(pupil.staff("ib"), pupil.id(),
                arrangement("RESOURCES", "BOARD", TODAY.minusDays(3), TODAY.minusDays(3))).then().statusCode(201)
                .body("endDate", equalTo(TODAY.minusDays(3).toString())).extract().path("id"));

        List<ConsumerRecord<String, String>> records = sent(EventType.ARRANGEMENT_STARTED, pupil.id(), 2);
        assertThat(records).extracting(r -> EventJson.data(EventJson.read(r.value()), ArrangementChanged.class))
                .containsExactlyInAnyOrder(
                        new ArrangementChanged(planned, pupil.id(), pupil.schoolCode(), ArrangementKind.GROUP_SUPPORT,
                                FundingSource.BOARD, TODAY, TODAY.plusMonths(6), TODAY),
                        new ArrangementChanged(oneDay, pupil.id(), pupil.schoolCode(), ArrangementKind.RESOURCES,
                                FundingSource.BOARD, TODAY.minusDays(3), TODAY.minusDays(3), TODAY.minusDays(3)));
        assertThat(AuditTrail.audit(pupil.id())).filteredOn(r -> r.action().equals("team.arrangement.start"))
                .extracting(AuditTrail.AuditRow::actorRole).containsExactly("director", "ib");
    }

    @Test
    void anEndBeforeTheStartIsRefusedAndNothingIsWritten() {
        Pupil pupil = Fixtures.pupil();
        Rows before = Rows.of(pupil.id());
        assertProblem(start(pupil.staff("ib"), pupil.id(),
                arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, TODAY.minusDays(1))), 422, "end-before-start");
        assertProblem(start(pupil.staff("director"), pupil.id(),
                arrangement("EXPERTISE", "BOARD", TODAY.plusMonths(2), TODAY.plusMonths(1))), 422, "end-before-start");
        before.assertUnchanged();
        arrangements(pupil.staff("ib"), pupil.id()).then().statusCode(200).body("size()", equalTo(0));
        assertThat(sent(EventType.ARRANGEMENT_STARTED, pupil.id(), 0)).isEmpty();
    }

    @Test
    void badInputIsAProblemAndNothingIsWritten() {
        Pupil pupil = Fixtures.pupil();
        String ib = pupil.staff("ib");
        Rows before = Rows.of(pupil.id());

        for (String field : List.of("kind", "fundingSource", "startDate")) {
            Map<String, Object> body = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
            body.remove(field);
            start(ib, pupil.id(), body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        Map<String, Object> badKind = arrangement("TUTORING", "SWV", TODAY, null);
        assertProblem(start(ib, pupil.id(), badKind), 400, "invalid-value").body("violations.field", equalTo(List.of("kind")));
        Map<String, Object> badSource = arrangement("INDIVIDUAL_SUPPORT", "MUNICIPALITY", TODAY, null);
        assertProblem(start(ib, pupil.id(), badSource), 400, "invalid-value").body("violations.field", equalTo(List.of("fundingSource")));
        Map<String, Object> badDate = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
        badDate.put("startDate", "31-12-2025");
        assertProblem(start(ib, pupil.id(), badDate), 400, "invalid-value").body("violations.field", equalTo(List.of("startDate")));
        Map<String, Object> longDescription = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
        longDescription.put("description", "x".repeat(4001));
        start(ib, pupil.id(), longDescription).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("description"));
        given().auth().oauth2(ib).contentType(ContentType.JSON).post("/pupils/{id}/arrangements", pupil.id())
                .then().statusCode(400).contentType(PROBLEM_JSON);
        for (String raw : List.of("{\"kind\": ", "not json at all", "[]", "42", "null")) {
            given().auth().oauth2(ib).contentType(ContentType.JSON).body(raw).post("/pupils/{id}/arrangements", pupil.id())
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        assertProblem(start(ib, "not-a-uuid", arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null)), 400,
                "invalid-parameter");

        // the case it came from must be a case of this pupil
        Map<String, Object> unknownCase = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
        unknownCase.put("caseId", UUID.randomUUID().toString());
        assertProblem(start(ib, pupil.id(), unknownCase), 422, "not-a-case-of-the-pupil");
        Pupil classmate = Fixtures.pupil(pupil.school());
        UUID meeting = Fixtures.meeting(pupil.school(), "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        UUID classmatesCase = Fixtures.caseOf(meeting, classmate, true);
        Map<String, Object> otherCase = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
        otherCase.put("caseId", classmatesCase.toString());
        assertProblem(start(ib, pupil.id(), otherCase), 422, "not-a-case-of-the-pupil");

        before.assertUnchanged();
        assertThat(TestDb.count("select count(*) from arrangement where pupil_id in (?, ?)", pupil.id(), classmate.id()))
                .isZero();

        // with the pupil's own case it is recorded and names the case
        UUID ownCase = Fixtures.caseOf(meeting, pupil, true);
        Map<String, Object> withCase = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
        withCase.put("caseId", ownCase.toString());
        start(ib, pupil.id(), withCase).then().statusCode(201).body("caseId", equalTo(ownCase.toString()));
    }

    @Test
    void onlyTheSchoolsIbOrDirectorRecordsAnArrangement() {
        Pupil pupil = Fixtures.pupil();
        Map<String, Object> body = arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null);
        Rows before = Rows.of(pupil.id());

        for (String token : List.of(pupil.staff("teacher"), pupil.parent(), pupil.school().swvConsultant(),
                TestTokens.token("board-" + UUID.randomUUID(), "board", pupil.schoolCode()))) {
            assertProblem(start(token, pupil.id(), body), 403, "forbidden");
        }
        Fixtures.School elsewhere = Fixtures.school();
        assertProblem(start(elsewhere.staff("ib"), pupil.id(), body), 404, "not-found");
        assertProblem(start(elsewhere.staff("director"), pupil.id(), body), 404, "not-found");
        assertProblem(start(pupil.staff("ib"), UUID.randomUUID().toString(), body), 404, "not-found");
        given().contentType(ContentType.JSON).body(body).post("/pupils/{id}/arrangements", pupil.id())
                .then().statusCode(401);

        before.assertUnchanged();
    }

    // ---- end ------------------------------------------------------------------------------------

    @Test
    void endingNeedsTheCurrentETagPublishesEndedAndEndingTwiceIsAConflict() {
        Pupil pupil = Fixtures.pupil();
        LocalDate start = TODAY.minusMonths(2);
        String ib = pupil.staff("ib");
        UUID id = UUID.fromString(start(ib, pupil.id(), arrangement("EDUCATION_ARRANGEMENT", "SWV", start, null))
                .then().statusCode(201).extract().path("id"));
        sent(EventType.ARRANGEMENT_STARTED, pupil.id(), 1);

        Rows before = Rows.of(pupil.id());
        assertProblem(end(ib, id, null, TODAY), 428, "if-match-required");
        assertProblem(end(ib, id, "", TODAY), 428, "if-match-required");
        assertProblem(end(ib, id, "\"1\"", TODAY), 412, "stale-version");
        assertProblem(end(ib, id, "\"0\"", start.minusDays(1)), 422, "end-before-start");
        end(ib, id, "\"0\"", Map.of()).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("endDate"));
        assertProblem(end(ib, "not-a-uuid", "\"0\"", TODAY), 400, "invalid-parameter");
        assertProblem(end(ib, UUID.randomUUID(), "\"0\"", TODAY), 404, "not-found");
        before.assertUnchanged();
        get(ib, id).then().statusCode(200).header("ETag", "\"0\"").body("ended", equalTo(false))
                .body("endDate", nullValue());
        assertThat(sent(EventType.ARRANGEMENT_ENDED, pupil.id(), 0)).isEmpty();

        String etag = end(ib, id, "\"0\"", TODAY).then().statusCode(200).body("ended", equalTo(true))
                .body("endDate", equalTo(TODAY.toString())).body("startDate", equalTo(start.toString()))
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        get(pupil.parent(), id).then().statusCode(200).header("ETag", etag).body("ended", equalTo(true));

        List<ConsumerRecord<String, String>> ended = sent(EventType.ARRANGEMENT_ENDED, pupil.id(), 1);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).key()).isEqualTo(pupil.id().toString());
        assertThat(EventJson.read(ended.get(0).value()).type()).isEqualTo("nl.passend.team.arrangement-ended.v1");
        assertThat(EventJson.data(EventJson.read(ended.get(0).value()), ArrangementChanged.class)).isEqualTo(
                new ArrangementChanged(id, pupil.id(), pupil.schoolCode(), ArrangementKind.EDUCATION_ARRANGEMENT,
                        FundingSource.SWV, start, TODAY, TODAY));

        // ending again: a conflict with the current ETag, stale with the old one; nothing written
        Rows afterEnd = Rows.of(pupil.id());
        assertProblem(end(ib, id, etag, TODAY), 409, "arrangement-ended");
        assertProblem(end(pupil.staff("director"), id, etag, TODAY.plusDays(1)), 409, "arrangement-ended");
        assertProblem(end(ib, id, "\"0\"", TODAY), 412, "stale-version");
        afterEnd.assertUnchanged();
        assertThat(sent(EventType.ARRANGEMENT_ENDED, pupil.id(), 1)).hasSize(1);
    }

    @Test
    void aPlannedEndCanBeBroughtForwardOnTheStartDay() {
        Pupil pupil = Fixtures.pupil();
        LocalDate start = TODAY.minusDays(10);
        UUID id = UUID.fromString(start(pupil.staff("director"), pupil.id(),
                arrangement("EXPERTISE", "BOARD", start, TODAY.plusMonths(3))).then().statusCode(201)
                .extract().path("id"));
        end(pupil.staff("director"), id, "\"0\"", start).then().statusCode(200).body("ended", equalTo(true))
                .body("endDate", equalTo(start.toString()));
        assertThat(EventJson.data(EventJson.read(sent(EventType.ARRANGEMENT_ENDED, pupil.id(), 1).get(0).value()),
                ArrangementChanged.class).endDate()).isEqualTo(start);
    }

    @Test
    void onlyTheSchoolsIbOrDirectorEndsAnArrangementAndOthersDoNotSeeIt() {
        Pupil pupil = Fixtures.pupil();
        UUID id = UUID.fromString(start(pupil.staff("ib"), pupil.id(),
                arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY, null)).then().statusCode(201).extract().path("id"));
        Fixtures.School elsewhere = Fixtures.school();
        Pupil otherChild = Fixtures.pupil(pupil.school());
        Rows before = Rows.of(pupil.id());

        assertProblem(end(pupil.staff("teacher"), id, "\"0\"", TODAY), 403, "forbidden");
        assertProblem(end(pupil.parent(), id, "\"0\"", TODAY), 403, "forbidden");
        assertProblem(end(pupil.school().swvConsultant(), id, "\"0\"", TODAY), 403, "forbidden");
        assertProblem(end(elsewhere.staff("ib"), id, "\"0\"", TODAY), 404, "not-found");
        assertProblem(end(elsewhere.staff("director"), id, "\"0\"", TODAY), 404, "not-found");
        before.assertUnchanged();

        // reading: the school's staff and the pupil's own parents only
        assertProblem(get(elsewhere.staff("ib"), id), 404, "not-found");
        assertProblem(get(otherChild.parent(), id), 404, "not-found");
        assertProblem(get(pupil.school().swvConsultant(), id), 403, "forbidden");
        assertProblem(get(pupil.staff("ib"), "not-a-uuid"), 400, "invalid-parameter");
        assertProblem(get(pupil.staff("ib"), UUID.randomUUID()), 404, "not-found");
        assertProblem(arrangements(elsewhere.staff("ib"), pupil.id()), 404, "not-found");
        assertProblem(arrangements(otherChild.parent(), pupil.id()), 404, "not-found");
        assertProblem(arrangements(pupil.school().swvConsultant(), pupil.id()), 403, "forbidden");
        assertProblem(arrangements(pupil.staff("ib"), UUID.randomUUID()), 404, "not-found");
    }

    // ---- list -----------------------------------------------------------------------------------

    @Test
    void aPupilsArrangementsAreListedNewestFirstForTheSchoolAndTheParents() {
        Pupil pupil = Fixtures.pupil();
        Pupil classmate = Fixtures.pupil(pupil.school());
        String ib = pupil.staff("ib");
        String oldest = start(ib, pupil.id(), arrangement("GROUP_SUPPORT", "BOARD", TODAY.minusYears(1),
                TODAY.minusMonths(6))).then().statusCode(201).extract().path("id");
        String newest = start(ib, pupil.id(), arrangement("INDIVIDUAL_SUPPORT", "SWV", TODAY.minusWeeks(1), null))
                .then().statusCode(201).extract().path("id");
        String middle = start(ib, pupil.id(), arrangement("RESOURCES", "BOARD", TODAY.minusMonths(3), null))
                .then().statusCode(201).extract().path("id");
        start(ib, classmate.id(), arrangement("EXPERTISE", "SWV", TODAY, null)).then().statusCode(201);

        for (String token : List.of(ib, pupil.staff("director"), pupil.staff("teacher"), pupil.parent())) {
            List<String> ids = arrangements(token, pupil.id()).then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(ids).containsExactly(newest, middle, oldest);
        }
        arrangements(ib, pupil.id()).then().body("[0].kind", equalTo("INDIVIDUAL_SUPPORT"))
                .body("[2].endDate", equalTo(TODAY.minusMonths(6).toString()));
        assertThat(AuditTrail.audit(pupil.id())).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("team.arrangement.read");
            assertThat(row.actorRole()).isEqualTo("parent");
        });
    }

    @Test
    void afterAMoveTheNewSchoolSeesOnlyItsOwnArrangementsAndTheOldOneNoneAnymore() {
        Pupil pupil = Fixtures.pupil();
        String oldIb = pupil.staff("ib");
        UUID old = UUID.fromString(start(oldIb, pupil.id(), arrangement("INDIVIDUAL_SUPPORT", "SWV",
                TODAY.minusMonths(3), null)).then().statusCode(201).extract().path("id"));
        Fixtures.School next = Fixtures.school();
        TestEvents.send(EventType.PUPIL_ENROLLED, pupil.id().toString(), next.code(),
                new PupilEnrolled(pupil.id(), UUID.randomUUID(), next.code(), 6, TODAY));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and school_code = ?", 1, pupil.id(),
                next.code());

        String newIb = next.staff("ib");
        arrangements(newIb, pupil.id()).then().statusCode(200).body("size()", equalTo(0));
        Rows before = Rows.of(pupil.id());
        assertProblem(get(newIb, old), 404, "not-found");
        assertProblem(end(newIb, old, "\"0\"", TODAY), 404, "not-found");
        assertProblem(end(next.staff("director"), old, "\"0\"", TODAY), 404, "not-found");
        assertProblem(arrangements(oldIb, pupil.id()), 404, "not-found");
        assertProblem(get(oldIb, old), 404, "not-found");
        assertProblem(end(oldIb, old, "\"0\"", TODAY), 404, "not-found");
        before.assertUnchanged();

        String current = start(newIb, pupil.id(), arrangement("GROUP_SUPPORT", "BOARD", TODAY, null)).then()
                .statusCode(201).body("schoolCode", equalTo(next.code())).extract().path("id");
        assertThat(arrangements(newIb, pupil.id()).then().statusCode(200).extract().jsonPath().<String>getList("id"))
                .containsExactly(current);
        // the parents see both
        assertThat(arrangements(pupil.parent(), pupil.id()).then().statusCode(200).extract().jsonPath()
                .<String>getList("id")).containsExactly(current, old.toString());
    }

    @Test
    void ofTwoParallelEndsWithOneETagExactlyOneWins() throws Exception {
        Pupil pupil = Fixtures.pupil();
        UUID id = UUID.fromString(start(pupil.staff("ib"), pupil.id(), arrangement("INDIVIDUAL_SUPPORT", "SWV",
                TODAY.minusMonths(1), null)).then().statusCode(201).extract().path("id"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (String role : List.of("ib", "director")) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return end(pupil.staff(role), id, "\"0\"", TODAY);
                }));
            }
            go.countDown();
            for (Future<Response> call : calls) {
                Response r = call.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() != 200) {
                    assertThat(r.contentType()).startsWith(PROBLEM_JSON);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(statuses);
        assertThat(statuses).containsExactly(200, 412);
        assertThat(TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ?",
                pupil.id().toString(), EventType.ARRANGEMENT_ENDED.type())).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'team.arrangement.end'",
                pupil.id())).isEqualTo(1);
    }

    // ---- calls and checks -----------------------------------------------------------------------

    private static Map<String, Object> arrangement(String kind, String fundingSource, LocalDate start, LocalDate end) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "fundingSource", fundingSource,
                "startDate", start.toString(), "description", DESCRIPTION));
        if (end != null) {
            body.put("endDate", end.toString());
        }
        return body;
    }

    private static Response start(String token, Object pupilId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/pupils/{id}/arrangements", pupilId);
    }

    private static Response get(String token, Object id) {
        return given().auth().oauth2(token).get("/arrangements/{id}", id);
    }

    private static Response arrangements(String token, Object pupilId) {
        return given().auth().oauth2(token).get("/pupils/{id}/arrangements", pupilId);
    }

    private static Response end(String token, Object id, String ifMatch, LocalDate endDate) {
        return end(token, id, ifMatch, Map.of("endDate", endDate.toString()));
    }

    private static Response end(String token, Object id, String ifMatch, Map<String, Object> body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.post("/arrangements/{id}/end", id);
    }

    /**
     * The events of {@code type} on passend.team keyed by the pupil, once the outbox sent everything
     * about the pupil: waits for {@code expected} of them and returns all there are.
     */
    static List<ConsumerRecord<String, String>> sent(EventType type, UUID pupilId, int expected) {
        TestDb.awaitCount("select count(*) from outbox_event where event_key = ? and sent_at is null", 0,
                pupilId.toString());
        return TopicProbe.records(Topics.TEAM, r -> pupilId.toString().equals(r.key()) && isType(r.value(), type),
                expected, Duration.ofSeconds(expected == 0 ? 3 : 30));
    }

    private static boolean isType(String value, EventType type) {
        try {
            return type.type().equals(EventJson.read(value).type());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What the service holds about a pupil: compare before and after a refused request. */
    record Rows(UUID pupilId, Map<String, Long> counts) {

        static Rows of(UUID pupilId) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("arrangement", TestDb.count("select count(*) from arrangement where pupil_id = ?", pupilId));
            counts.put("arrangement.version", TestDb.count(
                    "select coalesce(sum(version), 0) from arrangement where pupil_id = ?", pupilId));
            counts.put("arrangement.ended", TestDb.count(
                    "select count(*) from arrangement where pupil_id = ? and ended", pupilId));
            counts.put("tlv_request", TestDb.count("select count(*) from tlv_request where pupil_id = ?", pupilId));
            counts.put("tlv_request.version", TestDb.count(
                    "select coalesce(sum(version), 0) from tlv_request where pupil_id = ?", pupilId));
            counts.put("outbox_event", TestDb.count("select count(*) from outbox_event where event_key = ?",
                    pupilId.toString()));
            counts.put("audit_log (writes)", TestDb.count("select count(*) from audit_log where pupil_id = ?"
                    + " and action not like '%.read' and action not like '%.list'", pupilId));
            return new Rows(pupilId, counts);
        }

        void assertUnchanged() {
            assertThat(of(pupilId).counts()).as("rows of pupil %s", pupilId).isEqualTo(counts);
        }
    }
}
