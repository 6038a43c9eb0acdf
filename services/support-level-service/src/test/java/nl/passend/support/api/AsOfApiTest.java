package nl.passend.support.api;

import static nl.passend.support.api.SupportCalls.as;
import static nl.passend.support.api.SupportCalls.correction;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.support.AccessCalls;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Reads as of a day (?asOf=yyyy-MM-dd): the level, its history and the interventions as they stood
 * at the end of that day: recorded by then, in force by then. The past is made through the API with
 * the services' clock set to the day each entry was recorded.
 */
@QuarkusTest
class AsOfApiTest {

    private static final LocalDate TODAY = TestClock.today();

    /** A change of level, effective on {@code effective}, recorded at noon on {@code recorded}. */
    private static String change(Pupil pupil, String level, LocalDate effective, LocalDate recorded) {
        try (TestClock.Travel t = TestClock.travelTo(recorded)) {
            return Fixtures.changeLevel(pupil, level, effective).then().statusCode(201).extract().path("entry.id");
        }
    }

    private static Response level(String token, Pupil pupil, Object asOf) {
        return as(token).queryParam("asOf", String.valueOf(asOf)).get("/pupils/{id}/support-level", pupil.id());
    }

    private static Response history(String token, Pupil pupil, Object asOf) {
        return as(token).queryParam("asOf", String.valueOf(asOf)).get("/pupils/{id}/support-level/history", pupil.id());
    }

    private static Response interventions(String token, Pupil pupil, Object asOf) {
        return as(token).queryParam("asOf", String.valueOf(asOf)).get("/pupils/{id}/interventions", pupil.id());
    }

    /**
     * LEVEL_2 100 days ago; LEVEL_3 effective 60 days ago but recorded two days later; LEVEL_4 30 days
     * ago, corrected to LEVEL_3 ten days later. Returns the entry ids in that order.
     */
    private static List<String> history(Pupil pupil) {
        String two = change(pupil, "LEVEL_2", TODAY.minusDays(100), TODAY.minusDays(100));
        String three = change(pupil, "LEVEL_3", TODAY.minusDays(60), TODAY.minusDays(58));
        String four = change(pupil, "LEVEL_4", TODAY.minusDays(30), TODAY.minusDays(30));
        String corrected;
        try (TestClock.Travel t = TestClock.travelTo(TODAY.minusDays(20))) {
            corrected = as(pupil.staff("ib")).header("If-Match", Fixtures.etag(pupil))
                    .body(correction("LEVEL_3", TODAY.minusDays(30), four))
                    .post("/pupils/{id}/support-level", pupil.id()).then().statusCode(201).extract().path("entry.id");
        }
        return List.of(two, three, four, corrected);
    }

    @Test
    void theLevelAsOfADayIsTheLatestEntryKnownAtItsEnd() {
        Pupil pupil = Fixtures.pupil();
        List<String> ids = history(pupil);
        String ib = pupil.staff("ib");

        // before the first entry: no level, as for a pupil without one; and no ETag to change it with
        Response before = level(ib, pupil, TODAY.minusDays(101));
        before.then().statusCode(200).body("pupilId", equalTo(pupil.id().toString())).body("level", nullValue())
                .body("entry", nullValue());
        assertThat(before.header("ETag")).isNull();
        history(ib, pupil, TODAY.minusDays(101)).then().statusCode(200).body("$", empty());

        // between two changes: the earlier one
        level(ib, pupil, TODAY.minusDays(100)).then().statusCode(200).body("level", equalTo("LEVEL_2"))
                .body("category", equalTo("BASIC")).body("since", equalTo(TODAY.minusDays(100).toString()))
                .body("entry.id", equalTo(ids.get(0)));
        level(ib, pupil, TODAY.minusDays(70)).then().statusCode(200).body("level", equalTo("LEVEL_2"));
        // effective 60 days ago, but only recorded two days later: not yet in the file of 59 days ago
        level(ib, pupil, TODAY.minusDays(59)).then().statusCode(200).body("level", equalTo("LEVEL_2"));
        level(ib, pupil, TODAY.minusDays(58)).then().statusCode(200).body("level", equalTo("LEVEL_3"))
                .body("since", equalTo(TODAY.minusDays(60).toString()));

        // the mistake stood until it was corrected
        level(ib, pupil, TODAY.minusDays(25)).then().statusCode(200).body("level", equalTo("LEVEL_4"))
                .body("category", equalTo("EXTRA")).body("entry.id", equalTo(ids.get(2)));
        history(ib, pupil, TODAY.minusDays(25)).then().statusCode(200).body("id", contains(ids.subList(0, 3).toArray()))
                .body("[2].correctedBy", nullValue());

        // after the correction: the corrected level, and the history names the correction
        level(ib, pupil, TODAY.minusDays(20)).then().statusCode(200).body("level", equalTo("LEVEL_3"))
                .body("entry.id", equalTo(ids.get(3))).body("entry.correctsEntryId", equalTo(ids.get(2)));
        history(ib, pupil, TODAY.minusDays(20)).then().statusCode(200).body("id", contains(ids.toArray()))
                .body("[2].correctedBy", equalTo(ids.get(3)));

        // today: what the reads without asOf say
        level(ib, pupil, TODAY).then().statusCode(200).body("level", equalTo("LEVEL_3")).body("entry.id", equalTo(ids.get(3)));
        SupportCalls.current(pupil).then().statusCode(200).body("level", equalTo("LEVEL_3"))
                .body("entry.id", equalTo(ids.get(3)));
        assertThat(SupportCalls.history(pupil)).extracting(e -> e.get("id")).containsExactlyElementsOf(ids);
    }

    @Test
    void theInterventionsAsOfADayAreThoseRecordedAndStartedByThenWithWhatWasHeldAndEvaluatedByThen() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        String app = "asof-" + UUID.randomUUID();
        String lateApp = "asof-late-" + UUID.randomUUID();
        Map<String, Object> early = Fixtures.intervention(app, "READING", List.of(pupil.id()));
        early.put("startDate", TODAY.minusDays(56).toString());
        early.put("endDate", TODAY.minusDays(7).toString());
        Map<String, Object> late = Fixtures.intervention(lateApp, "MATHS", List.of(pupil.id()));
        late.put("startDate", TODAY.minusDays(40).toString());
        late.remove("endDate");
        // the early one and its first session were recorded as they happened; the rest is recorded today
        String earlyId;
        try (TestClock.Travel t = TestClock.travelTo(TODAY.minusDays(56))) {
            earlyId = Fixtures.batch(teacher, school, List.of(early), List.of()).then().statusCode(200)
                    .extract().path("interventions[0].id");
        }
        try (TestClock.Travel t = TestClock.travelTo(TODAY.minusDays(50))) {
            Fixtures.batch(teacher, school, List.of(), List.of(SupportCalls.session("s1-" + app, app,
                    TODAY.minusDays(50), 20))).then().statusCode(200);
        }
        String lateId = Fixtures.batch(teacher, school, List.of(late), List.of(SupportCalls.session("s2-" + app, app,
                TODAY.minusDays(10), 25))).then().statusCode(200).extract().path("interventions[0].id");
        SupportCalls.evaluateIntervention(teacher, earlyId, SupportCalls.interventionETag(teacher, earlyId),
                SupportCalls.interventionEvaluation("NOT_ACHIEVED", TODAY.minusDays(5))).then().statusCode(200);

        // before the first started: none
        interventions(teacher, pupil, TODAY.minusDays(57)).then().statusCode(200).body("$", empty());
        // a month in: the early one, its first session, not yet evaluated; the late one not yet recorded
        interventions(teacher, pupil, TODAY.minusDays(30)).then().statusCode(200).body("id", contains(earlyId))
                .body("[0].sessions.minutes", contains(20)).body("[0].effect", nullValue())
                .body("[0].evaluatedOn", nullValue()).body("[0].evaluationNote", nullValue())
                .body("[0].endDate", equalTo(TODAY.minusDays(7).toString()));
        // today: both, every session, the evaluation; as the read without asOf
        interventions(teacher, pupil, TODAY).then().statusCode(200).body("id", contains(lateId, earlyId))
                .body("[1].sessions", hasSize(2));
        Response now = interventions(teacher, pupil, TODAY);
        Response plain = as(teacher).get("/pupils/{id}/interventions", pupil.id());
        assertThat(now.jsonPath().getList("")).isEqualTo(plain.jsonPath().getList(""));
        assertThat(now.jsonPath().getString("find { it.id == '" + earlyId + "' }.effect")).isEqualTo("NOT_ACHIEVED");
    }

    @Test
    void anAsOfReadIsAuthorizedAsTheReadWithoutItAndAuditedWithTheDay() {
        Pupil pupil = Fixtures.pupil();
        change(pupil, "LEVEL_2", TODAY.minusDays(40), TODAY.minusDays(40));
        String day = TODAY.minusDays(10).toString();
        String ibSubject = AccessCalls.subject("ib");
        String ib = AccessCalls.staff(ibSubject, "ib", pupil.schoolCode());

        for (String path : List.of("/pupils/{id}/support-level", "/pupils/{id}/support-level/history",
                "/pupils/{id}/interventions")) {
            // another school's IB'er, another child's parent, an unlinked care professional: as for an unknown pupil
            for (String stranger : List.of(Fixtures.staff("ib", Fixtures.school()),
                    TestTokens.subject("parent-" + UUID.randomUUID()).roles("parent").sign(),
                    TestTokens.subject("care-" + UUID.randomUUID()).roles("care-professional").sign())) {
                assertProblem(as(stranger).queryParam("asOf", day).get(path, pupil.id()), 404, "not-found")
                        .body("detail", containsString(pupil.id().toString()));
                assertProblem(as(stranger).queryParam("asOf", day).get(path, UUID.randomUUID()), 404, "not-found");
            }
            // roles that never read here: 403, with or without asOf
            assertProblem(as(AccessCalls.withEveryClaimOf("c-" + UUID.randomUUID(), "swv-consultant",
                    pupil.schoolCode())).queryParam("asOf", day).get(path, pupil.id()), 403, "forbidden");
            // the pupil's own parent and school read it
            as(pupil.parent()).queryParam("asOf", day).get(path, pupil.id()).then().statusCode(200);
            as(ib).queryParam("asOf", day).get(path, pupil.id()).then().statusCode(200);
        }

        List<AuditRow> rows = audit(pupil.id(), ibSubject);
        assertThat(rows).extracting(AuditRow::action, AuditRow::reason).containsExactly(
                tuple("support.level.read", "asOf=" + day),
                tuple("support.level.history", "asOf=" + day),
                tuple("support.intervention.list", "asOf=" + day));
    }

    @Test
    void aBadOrFutureAsOfIs400NamingTheParameterAndAuditsNothing() {
        Pupil pupil = Fixtures.pupil();
        String ibSubject = AccessCalls.subject("ib");
        String ib = AccessCalls.staff(ibSubject, "ib", pupil.schoolCode());
        for (String path : List.of("/pupils/{id}/support-level", "/pupils/{id}/support-level/history",
                "/pupils/{id}/interventions")) {
            for (String bad : List.of("yesterday", "2026-02-30", "1-3-2026", "2026-03-01T00:00:00Z",
                    TODAY.plusDays(1).toString())) {
                assertProblem(as(ib).queryParam("asOf", bad).get(path, pupil.id()), 400, "invalid-parameter")
                        .body("detail", containsString("asOf")).body("violations", hasSize(1))
                        .body("violations[0].field", equalTo("asOf")).body("violations[0].message", containsString("asOf"));
            }
        }
        assertThat(audit(pupil.id(), ibSubject)).isEmpty();
    }
}
