package nl.passend.support.api;

import static nl.passend.support.api.SupportCalls.PROBLEM_JSON;
import static nl.passend.support.api.SupportCalls.changeLevel;
import static nl.passend.support.api.SupportCalls.correction;
import static nl.passend.support.api.SupportCalls.current;
import static nl.passend.support.api.SupportCalls.history;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventType;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.support.api.SupportCalls.Rows;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pupil's support level through the API: the IB'er changes it with If-Match; the history is
 * append-only and in order; a correction is a new entry naming the current one; the level rules
 * (unchanged, future, before the last) and bad input are refused without writing anything; and of
 * two parallel changes with one ETag exactly one wins.
 */
@QuarkusTest
class LevelApiTest {

    private static final LocalDate TODAY = TestClock.today();

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    // ---- If-Match -------------------------------------------------------------------------------

    @Test
    void aChangeNeedsTheCurrentETagWhichIsZeroBeforeTheFirstChange() {
        Pupil pupil = Fixtures.pupil();
        current(pupil).then().statusCode(200).header("ETag", "\"0\"")
                .body("pupilId", equalTo(pupil.id().toString())).body("level", nullValue()).body("entry", nullValue());
        Map<String, Object> body = Fixtures.levelChange("LEVEL_2", TODAY.minusMonths(2));

        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, null, body), 428, "if-match-required");
        assertProblem(changeLevel(pupil, "", body), 428, "if-match-required");
        assertProblem(changeLevel(pupil, "\"1\"", body), 412, "stale-version");
        before.assertUnchanged();
        assertThat(history(pupil)).isEmpty();

        String etag = changeLevel(pupil, "\"0\"", body).then().statusCode(201).body("level", equalTo("LEVEL_2"))
                .extract().header("ETag");
        assertThat(etag).isNotEqualTo("\"0\"");
        current(pupil).then().statusCode(200).header("ETag", etag).body("level", equalTo("LEVEL_2"));

        // the ETag before the change is stale now, and so is one that was never issued
        Map<String, Object> next = Fixtures.levelChange("LEVEL_3", TODAY.minusMonths(1));
        Rows afterFirst = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, "\"0\"", next), 412, "stale-version");
        assertProblem(changeLevel(pupil, null, next), 428, "if-match-required");
        assertProblem(changeLevel(pupil, "\"999\"", next), 412, "stale-version");
        afterFirst.assertUnchanged();
        assertThat(history(pupil)).hasSize(1);

        changeLevel(pupil, etag, next).then().statusCode(201).body("level", equalTo("LEVEL_3"));
        assertThat(history(pupil)).hasSize(2);
    }

    // ---- history ----------------------------------------------------------------------------------

    @Test
    void theHistoryKeepsEveryChangeInOrderWithThePreviousLevel() {
        Pupil pupil = Fixtures.pupil();
        List<String> ids = new ArrayList<>();
        ids.add(change(pupil, "LEVEL_1", TODAY.minusMonths(6)));
        ids.add(change(pupil, "LEVEL_2", TODAY.minusMonths(3)));
        ids.add(change(pupil, "LEVEL_3", TODAY.minusMonths(3)));
        ids.add(change(pupil, "LEVEL_2", TODAY));

        List<Map<String, Object>> history = history(pupil);
        assertThat(history).extracting(e -> e.get("id")).containsExactlyElementsOf(ids);
        assertThat(history).extracting(e -> e.get("level"))
                .containsExactly("LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_2");
        assertThat(history).extracting(e -> e.get("previousLevel"))
                .containsExactly(null, "LEVEL_1", "LEVEL_2", "LEVEL_3");
        assertThat(history).extracting(e -> e.get("effectiveDate")).containsExactly(
                TODAY.minusMonths(6).toString(), TODAY.minusMonths(3).toString(), TODAY.minusMonths(3).toString(),
                TODAY.toString());
        assertThat(history).extracting(e -> e.get("correctedBy")).containsOnlyNulls();
        assertThat(history).allSatisfy(e -> {
            assertThat(e.get("reason")).isEqualTo("Onvoldoende groei na twee periodes");
            assertThat(e.get("decidedBy")).isEqualTo("ondersteuningsteam");
            assertThat(e.get("domains")).isEqualTo(List.of("READING"));
            assertThat(e.get("recordedRole")).isEqualTo("ib");
            assertThat(e.get("recordedBy")).isNotNull();
        });
        current(pupil).then().statusCode(200).body("level", equalTo("LEVEL_2")).body("category", equalTo("BASIC"))
                .body("since", equalTo(TODAY.toString())).body("entry.id", equalTo(ids.get(3)))
                .body("entry.previousLevel", equalTo("LEVEL_3"));
        assertThat(TestDb.count("select count(*) from level_entry where pupil_id = ?", pupil.id())).isEqualTo(4);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        Pupil pupil = Fixtures.pupil();
        String id = change(pupil, "LEVEL_3", TODAY.minusWeeks(2));
        UUID entryId = UUID.fromString(id);

        assertThatThrownBy(() -> TestDb.execute("update level_entry set level = 'LEVEL_1' where id = ?", entryId))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestDb.execute("update level_entry set reason = 'overschreven' where pupil_id = ?",
                pupil.id())).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestDb.execute("delete from level_entry where id = ?", entryId))
                .hasStackTraceContaining("append-only");

        assertThat(TestDb.count("select count(*) from level_entry where id = ? and level = 'LEVEL_3'"
                + " and reason = 'Onvoldoende groei na twee periodes'", entryId)).isEqualTo(1);
        assertThat(history(pupil)).extracting(e -> e.get("level")).containsExactly("LEVEL_3");
    }

    // ---- corrections ----------------------------------------------------------------------------

    @Test
    void aCorrectionIsANewEntryAndTheCorrectedOneShowsWhoCorrectedIt() {
        Pupil pupil = Fixtures.pupil();
        String first = change(pupil, "LEVEL_2", TODAY.minusMonths(4));
        String wrong = change(pupil, "LEVEL_4", TODAY.minusMonths(1));

        // the level was meant to be LEVEL_3, from an earlier date
        String corrected = changeLevel(pupil, Fixtures.etag(pupil), correction("LEVEL_3", TODAY.minusMonths(2), wrong))
                .then().statusCode(201).body("level", equalTo("LEVEL_3"))
                .body("entry.correctsEntryId", equalTo(wrong)).body("entry.previousLevel", equalTo("LEVEL_2"))
                .extract().path("entry.id");

        List<Map<String, Object>> history = history(pupil);
        assertThat(history).extracting(e -> e.get("id")).containsExactly(first, wrong, corrected);
        assertThat(history.get(1)).containsEntry("level", "LEVEL_4").containsEntry("correctedBy", corrected);
        assertThat(history.get(2)).containsEntry("correctsEntryId", wrong).doesNotContainKey("correctedBy");
        assertThat(history.get(0)).doesNotContainKey("correctedBy");
        current(pupil).then().body("level", equalTo("LEVEL_3")).body("since", equalTo(TODAY.minusMonths(2).toString()));

        // a correction may repeat the current level (another reason, another date)
        String again = changeLevel(pupil, Fixtures.etag(pupil), correction("LEVEL_3", TODAY.minusMonths(2), corrected))
                .then().statusCode(201).extract().path("entry.id");
        assertThat(history(pupil)).extracting(e -> e.get("correctedBy")).containsExactly(null, corrected, again, null);
    }

    @Test
    void onlyTheCurrentEntryCanBeCorrectedAndOnlyOnce() {
        Pupil pupil = Fixtures.pupil();
        String first = change(pupil, "LEVEL_2", TODAY.minusMonths(4));
        String second = change(pupil, "LEVEL_3", TODAY.minusMonths(2));

        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, Fixtures.etag(pupil), correction("LEVEL_1", TODAY.minusMonths(4), first)),
                422, "not-the-current-entry");
        assertProblem(changeLevel(pupil, Fixtures.etag(pupil), correction("LEVEL_1", TODAY.minusMonths(4),
                UUID.randomUUID())), 422, "not-the-current-entry");
        before.assertUnchanged();

        String correction = changeLevel(pupil, Fixtures.etag(pupil), correction("LEVEL_4", TODAY.minusMonths(2), second))
                .then().statusCode(201).extract().path("entry.id");

        // the corrected entry is no longer the current one: correcting it again is refused
        Rows afterCorrection = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, Fixtures.etag(pupil), correction("LEVEL_1", TODAY.minusMonths(2), second)),
                422, "not-the-current-entry");
        afterCorrection.assertUnchanged();
        assertThat(history(pupil)).extracting(e -> e.get("id")).containsExactly(first, second, correction);

        // another pupil's entry is not this pupil's current entry
        Pupil other = Fixtures.pupil(pupil.schoolCode());
        Rows beforeOther = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(other, Fixtures.etag(other), correction("LEVEL_1", TODAY, correction)),
                422, "not-the-current-entry");
        beforeOther.assertUnchanged();
        assertThat(history(other)).isEmpty();
    }

    @Test
    void aPupilWithoutLevelHasNothingToCorrect() {
        Pupil pupil = Fixtures.pupil();
        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, "\"0\"", correction("LEVEL_1", TODAY, UUID.randomUUID())), 422,
                "not-the-current-entry");
        before.assertUnchanged();
    }

    // ---- level rules ----------------------------------------------------------------------------

    @Test
    void theSameLevelAgainIsAConflict() {
        Pupil pupil = Fixtures.pupil();
        change(pupil, "LEVEL_3", TODAY.minusMonths(1));
        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, Fixtures.etag(pupil), Fixtures.levelChange("LEVEL_3", TODAY)), 409,
                "level-unchanged");
        before.assertUnchanged();
        assertThat(history(pupil)).hasSize(1);
    }

    @Test
    void anEffectiveDateInTheFutureIsRefused() {
        Pupil pupil = Fixtures.pupil();
        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, "\"0\"", Fixtures.levelChange("LEVEL_2", TODAY.plusDays(1))), 422,
                "effective-in-future");
        before.assertUnchanged();

        String etag = changeLevel(pupil, "\"0\"", Fixtures.levelChange("LEVEL_2", TODAY)).then().statusCode(201)
                .extract().header("ETag");
        Rows after = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, etag, Fixtures.levelChange("LEVEL_3", TODAY.plusMonths(1))), 422,
                "effective-in-future");
        // a correction cannot move into the future either
        String currentId = current(pupil).then().extract().path("entry.id");
        assertProblem(changeLevel(pupil, etag, correction("LEVEL_3", TODAY.plusDays(1), currentId)), 422,
                "effective-in-future");
        after.assertUnchanged();
    }

    @Test
    void anEffectiveDateBeforeTheLastChangeIsRefused() {
        Pupil pupil = Fixtures.pupil();
        change(pupil, "LEVEL_2", TODAY.minusMonths(1));
        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, Fixtures.etag(pupil), Fixtures.levelChange("LEVEL_3",
                TODAY.minusMonths(1).minusDays(1))), 422, "effective-before-last");
        before.assertUnchanged();
        // the same day as the last change is fine
        change(pupil, "LEVEL_3", TODAY.minusMonths(1));
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    void anUnknownLevelOrAMalformedFieldIsABadRequest() {
        Pupil pupil = Fixtures.pupil();
        Rows before = Rows.of(pupil.schoolCode());
        for (String level : List.of("LEVEL_5", "LEVEL_0", "level_2", "NIVEAU_2", "")) {
            Map<String, Object> body = Fixtures.levelChange("LEVEL_2", TODAY);
            body.put("level", level);
            Response r = changeLevel(pupil, "\"0\"", body);
            assertThat(r.statusCode()).as("level %s", level).isEqualTo(400);
            assertThat(r.contentType()).startsWith(PROBLEM_JSON);
        }
        Map<String, Object> unknownLevel = Fixtures.levelChange("LEVEL_2", TODAY);
        unknownLevel.put("level", "LEVEL_5");
        assertProblem(changeLevel(pupil, "\"0\"", unknownLevel), 400, "invalid-value").body("violations.field", equalTo(List.of("level")));

        Map<String, Object> badDomain = Fixtures.levelChange("LEVEL_2", TODAY);
        badDomain.put("domains", List.of("READING", "ASTROLOGY"));
        assertProblem(changeLevel(pupil, "\"0\"", badDomain), 400, "invalid-value");

        Map<String, Object> badDate = Fixtures.levelChange("LEVEL_2", TODAY);
        badDate.put("effectiveDate", "2024-02-30");
        assertProblem(changeLevel(pupil, "\"0\"", badDate), 400, "invalid-value").body("violations.field", equalTo(List.of("effectiveDate")));

        Map<String, Object> badCorrects = Fixtures.levelChange("LEVEL_2", TODAY);
        badCorrects.put("correctsEntryId", "not-a-uuid");
        assertProblem(changeLevel(pupil, "\"0\"", badCorrects), 400, "invalid-value");

        for (String field : List.of("level", "effectiveDate", "reason", "domains", "decidedBy")) {
            Map<String, Object> body = Fixtures.levelChange("LEVEL_2", TODAY);
            body.remove(field);
            changeLevel(pupil, "\"0\"", body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        // strict bodies in every service: no coercion, every unknown property named; Bean Validation has the one shape
        Map<String, Object> reasonAsNumber = Fixtures.levelChange("LEVEL_2", TODAY);
        reasonAsNumber.put("reason", 5);
        assertProblem(changeLevel(pupil, "\"0\"", reasonAsNumber), 400, "invalid-value")
                .body("violations.field", equalTo(List.of("reason")));
        Map<String, Object> typos = Fixtures.levelChange("LEVEL_2", TODAY);
        typos.put("efectiveDate", TODAY.toString());
        typos.put("note", "x");
        assertProblem(changeLevel(pupil, "\"0\"", typos), 400, "unknown-property")
                .body("violations.field", containsInAnyOrder("efectiveDate", "note"));
        Map<String, Object> noReason = Fixtures.levelChange("LEVEL_2", TODAY);
        noReason.remove("reason");
        assertProblem(changeLevel(pupil, "\"0\"", noReason), 400, "validation-failed")
                .body("violations[0].field", equalTo("reason")).body("violations[0]", not(hasKey("in")));
        Map<String, Object> blankReason = Fixtures.levelChange("LEVEL_2", TODAY);
        blankReason.put("reason", "  ");
        changeLevel(pupil, "\"0\"", blankReason).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("reason"));

        for (String notJson : List.of("{\"level\": ", "level=LEVEL_2", "[]")) {
            SupportCalls.as(pupil.staff("ib"), "\"0\"").body(notJson).post("/pupils/{id}/support-level", pupil.id())
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        SupportCalls.as(pupil.staff("ib"), "\"0\"").post("/pupils/{id}/support-level", pupil.id())
                .then().statusCode(400).contentType(PROBLEM_JSON);
        before.assertUnchanged();
        assertThat(history(pupil)).isEmpty();
    }

    @Test
    void anUnknownPupilIsNotFound() {
        Pupil pupil = Fixtures.pupil();
        UUID unknown = UUID.randomUUID();
        Pupil stranger = new Pupil(unknown, pupil.schoolCode(), pupil.parentAccount());
        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(stranger, "\"0\"", Fixtures.levelChange("LEVEL_2", TODAY)), 404, "not-found");
        assertProblem(current(stranger), 404, "not-found");
        assertProblem(SupportCalls.as(pupil.staff("ib"), "\"0\"").body(Fixtures.levelChange("LEVEL_2", TODAY))
                .post("/pupils/{id}/support-level", "not-a-uuid"), 400, "invalid-parameter");
        before.assertUnchanged();
        assertThat(TestDb.count("select count(*) from pupil_support where pupil_id = ?", unknown)).isZero();
        assertThat(TestDb.count("select count(*) from level_entry where pupil_id = ?", unknown)).isZero();
    }

    @Test
    void theIbOfAnotherSchoolAndOtherRolesCannotChangeTheLevel() {
        Pupil pupil = Fixtures.pupil();
        Rows before = Rows.of(pupil.schoolCode());
        String otherIb = Fixtures.staff("ib", Fixtures.school());
        assertProblem(SupportCalls.as(otherIb, "\"0\"").body(Fixtures.levelChange("LEVEL_2", TODAY))
                .post("/pupils/{id}/support-level", pupil.id()), 404, "not-found");
        for (String token : List.of(pupil.staff("teacher"), pupil.staff("director"), pupil.parent())) {
            assertProblem(SupportCalls.as(token, "\"0\"").body(Fixtures.levelChange("LEVEL_2", TODAY))
                    .post("/pupils/{id}/support-level", pupil.id()), 403, "forbidden");
        }
        before.assertUnchanged();
    }

    @Test
    void noLevelIsRecordedForAPupilWhoLeft() {
        Pupil pupil = Fixtures.pupil();
        change(pupil, "LEVEL_2", TODAY.minusMonths(2));
        String etag = Fixtures.etag(pupil);
        TestEvents.send(EventType.PUPIL_LEFT, pupil.id().toString(), pupil.schoolCode(),
                new PupilLeft(pupil.id(), UUID.randomUUID(), pupil.schoolCode(), LeavingDestination.BAO, null, TODAY));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and left_on is not null", 1, pupil.id());

        // the school's staff no longer see the pupil once it left: a change is answered like an unknown pupil
        Rows before = Rows.of(pupil.schoolCode());
        assertProblem(changeLevel(pupil, etag, Fixtures.levelChange("LEVEL_3", TODAY)), 404, "not-found");
        assertProblem(changeLevel(pupil, etag, correction("LEVEL_3", TODAY, UUID.randomUUID())), 404, "not-found");
        assertProblem(changeLevel(pupil, "*", Fixtures.levelChange("LEVEL_3", TODAY)), 404, "not-found");
        before.assertUnchanged();
        assertThat(TestDb.count("select count(*) from level_entry where pupil_id = ?", pupil.id())).isEqualTo(1);
    }

    // ---- concurrency ----------------------------------------------------------------------------

    @Test
    void ofTwoParallelChangesWithOneETagExactlyOneWins() throws Exception {
        Pupil pupil = Fixtures.pupil();
        List<String> levels = List.of("LEVEL_1", "LEVEL_2", "LEVEL_3", "LEVEL_4", "LEVEL_3", "LEVEL_2", "LEVEL_3",
                "LEVEL_4", "LEVEL_2", "LEVEL_1");
        String ib = pupil.staff("ib");
        for (int round = 0; round < levels.size(); round++) {
            String etag = Fixtures.etag(pupil);
            if (round == 0) {
                assertThat(etag).isEqualTo("\"0\"");
            }
            Map<String, Object> body = Fixtures.levelChange(levels.get(round), TODAY);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return SupportCalls.as(ib, etag).body(body).post("/pupils/{id}/support-level", pupil.id());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response r = call.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 412) {
                    assertProblem(r, 412, "stale-version");
                }
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 412);
            assertThat(history(pupil)).as("round %d", round).hasSize(round + 1);
        }
        assertThat(history(pupil)).extracting(e -> e.get("level")).containsExactlyElementsOf(levels);
        assertThat(TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ?",
                pupil.id().toString(), EventType.SUPPORT_LEVEL_CHANGED.type())).isEqualTo(levels.size());
    }

    /** The IB'er changes the level with the current ETag; returns the new entry's id. */
    private static String change(Pupil pupil, String level, LocalDate effective) {
        return Fixtures.changeLevel(pupil, level, effective).then().statusCode(201).body("level", equalTo(level))
                .extract().path("entry.id");
    }
}
