package nl.passend.support.api;

import static nl.passend.support.api.SupportCalls.PROBLEM_JSON;
import static nl.passend.support.api.SupportCalls.envelope;
import static nl.passend.support.api.SupportCalls.evaluateIntervention;
import static nl.passend.support.api.SupportCalls.interventionETag;
import static nl.passend.support.api.SupportCalls.interventionEvaluation;
import static nl.passend.support.api.SupportCalls.sent;
import static nl.passend.support.api.SupportCalls.session;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.support.api.SupportCalls.Rows;
import nl.passend.support.domain.SupportRules;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Interventions as a teacher's app sends them: a batch of interventions and sessions, all or
 * nothing and idempotent on the app's ids, one event per pupil; the rules and bad input refused
 * without writing anything; the evaluation afterwards; and the signal of intervening without
 * changing course.
 */
@QuarkusTest
class InterventionBatchTest {

    private static final LocalDate TODAY = TestClock.today();
    private static final Set<String> EVENT_FIELDS = Set.of("interventionId", "pupilId", "schoolCode", "domain", "level",
            "kind", "startDate", "endDate", "effect", "effectiveDate");

    // ---- a batch --------------------------------------------------------------------------------

    @Test
    void aBatchRecordsEachInterventionWithItsSessionsAndOneEventPerPupil() {
        String school = Fixtures.school();
        Pupil single = Fixtures.pupil(school);
        List<Pupil> group = List.of(Fixtures.pupil(school), Fixtures.pupil(school), Fixtures.pupil(school));
        String teacher = single.staff("teacher");
        String soloApp = appId();
        String groupApp = appId();
        List<Map<String, Object>> interventions = List.of(
                Fixtures.intervention(soloApp, "READING", List.of(single.id())),
                Fixtures.intervention(groupApp, "MATHS", group.stream().map(Pupil::id).toList()));
        List<Map<String, Object>> sessions = List.of(
                session(appId(), soloApp, TODAY.minusWeeks(7), 20),
                session(appId(), soloApp, TODAY.minusWeeks(6), 25),
                session(appId(), groupApp, TODAY.minusWeeks(1), 20));

        Response first = Fixtures.batch(teacher, school, interventions, sessions);
        first.then().statusCode(200)
                .body("interventions", hasSize(2)).body("interventions.outcome", everyItem(equalTo("CREATED")))
                .body("interventions.appId", equalTo(List.of(soloApp, groupApp)))
                .body("sessions", hasSize(3)).body("sessions.outcome", everyItem(equalTo("CREATED")));
        String soloId = first.path("interventions[0].id");
        String groupId = first.path("interventions[1].id");

        assertThat(TestDb.count("select count(*) from intervention where school_code = ?", school)).isEqualTo(2);
        assertThat(TestDb.count("select count(*) from intervention_pupil where intervention_id = ?",
                UUID.fromString(groupId))).isEqualTo(3);
        SupportCalls.intervention(teacher, soloId).then().statusCode(200).body("appId", equalTo(soloApp))
                .body("domain", equalTo("READING")).body("pupilIds", equalTo(List.of(single.id().toString())))
                .body("sessions", hasSize(2)).body("sessions.minutes", equalTo(List.of(20, 25)));
        SupportCalls.intervention(teacher, groupId).then().statusCode(200).body("pupilIds", hasSize(3))
                .body("sessions", hasSize(1));

        // one intervention-recorded event per pupil, keyed by the pupil, with ids, codes and dates only
        assertRecordedOnce(single, soloId, "READING");
        for (Pupil pupil : group) {
            assertRecordedOnce(pupil, groupId, "MATHS");
        }

        // the same batch again (the app retries): nothing new
        Rows before = Rows.of(school);
        Fixtures.batch(teacher, school, interventions, sessions).then().statusCode(200)
                .body("interventions.outcome", everyItem(equalTo("UNCHANGED")))
                .body("interventions.id", equalTo(List.of(soloId, groupId)))
                .body("sessions.outcome", everyItem(equalTo("UNCHANGED")))
                .body("sessions.id", equalTo(first.path("sessions.id")));
        // a retry of part of it, by the school's IB'er, with the pupils in another order: also unchanged
        Map<String, Object> reordered = new HashMap<>(interventions.get(1));
        reordered.put("pupilIds", List.of(group.get(2).id(), group.get(0).id(), group.get(1).id()));
        Fixtures.batch(single.staff("ib"), school, List.of(reordered), List.of(sessions.get(2))).then().statusCode(200)
                .body("interventions[0].outcome", equalTo("UNCHANGED")).body("interventions[0].id", equalTo(groupId))
                .body("sessions[0].outcome", equalTo("UNCHANGED"));
        before.assertUnchanged();
        assertRecordedOnce(single, soloId, "READING");
        for (Pupil pupil : group) {
            assertRecordedOnce(pupil, groupId, "MATHS");
        }
    }

    @Test
    void aBatchOfExactly500ItemsIsAccepted() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        List<Map<String, Object>> interventions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            interventions.add(Fixtures.intervention(appId(), "READING", List.of(pupil.id())));
        }
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 495; i++) {
            sessions.add(session(appId(), (String) interventions.get(i % 5).get("appId"), TODAY.minusWeeks(2), 20));
        }
        Fixtures.batch(pupil.staff("teacher"), school, interventions, sessions).then().statusCode(200)
                .body("interventions", hasSize(5)).body("sessions", hasSize(495));
        assertThat(TestDb.count("select count(*) from intervention_session where intervention_id in"
                + " (select id from intervention where school_code = ?)", school)).isEqualTo(495);
    }

    // ---- all or nothing -------------------------------------------------------------------------

    @Test
    void anAppIdUsedBeforeForOtherContentIsAConflictAndNothingOfTheBatchIsWritten() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        String used = appId();
        Map<String, Object> original = Fixtures.intervention(used, "READING", List.of(pupil.id()));
        String sessionApp = appId();
        Fixtures.batch(teacher, school, List.of(original), List.of(session(sessionApp, used, TODAY.minusWeeks(3), 20)))
                .then().statusCode(200);

        Rows before = Rows.of(school);
        Map<String, Object> changed = new HashMap<>(original);
        changed.put("minutesPerSession", 30);
        Map<String, Object> fresh = Fixtures.intervention(appId(), "MATHS", List.of(pupil.id()));
        assertProblem(Fixtures.batch(teacher, school, List.of(fresh, changed), List.of()), 409, "app-id-reused");
        before.assertUnchanged();

        Pupil other = Fixtures.pupil(school);
        Rows beforeOther = Rows.of(school);
        Map<String, Object> otherPupil = new HashMap<>(original);
        otherPupil.put("pupilIds", List.of(pupil.id(), other.id()));
        assertProblem(Fixtures.batch(teacher, school, List.of(fresh, otherPupil), List.of()), 409, "app-id-reused");

        // a session under a used appId with other minutes, after a new intervention and session in the same batch
        assertProblem(Fixtures.batch(teacher, school, List.of(fresh, original), List.of(
                session(appId(), (String) fresh.get("appId"), TODAY.minusWeeks(2), 20),
                session(sessionApp, used, TODAY.minusWeeks(3), 45))), 409, "app-id-reused");
        beforeOther.assertUnchanged();
        assertThat(TestDb.count("select count(*) from intervention where school_code = ? and app_id = ?", school,
                fresh.get("appId"))).isZero();
    }

    @Test
    void moreThan500ItemsAreABadRequestAndNothingIsWritten() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        Rows before = Rows.of(school);

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(Fixtures.intervention(appId(), "READING", List.of(pupil.id())));
        }
        Fixtures.batch(teacher, school, many, List.of()).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("interventions"));

        // 300 interventions and 201 sessions: each list is within its bound, together they are not
        List<Map<String, Object>> interventions = many.subList(0, 300);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            sessions.add(session(appId(), (String) interventions.get(i).get("appId"), TODAY.minusWeeks(2), 20));
        }
        assertProblem(Fixtures.batch(teacher, school, interventions, sessions), 400, "batch-too-large");

        List<Map<String, Object>> manySessions = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            manySessions.add(session(appId(), (String) many.get(0).get("appId"), TODAY.minusWeeks(2), 20));
        }
        Fixtures.batch(teacher, school, many.subList(0, 1), manySessions).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("sessions"));
        before.assertUnchanged();
    }

    @Test
    void aPupilOfAnotherSchoolRefusesTheWholeBatch() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil elsewhere = Fixtures.pupil();
        String teacher = pupil.staff("teacher");
        Rows before = Rows.of(school, elsewhere.schoolCode());

        Map<String, Object> valid = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        List<Map<String, Object>> validSession = List.of(session(appId(), (String) valid.get("appId"),
                TODAY.minusWeeks(2), 20));
        Response r = Fixtures.batch(teacher, school, List.of(valid,
                Fixtures.intervention(appId(), "MATHS", List.of(pupil.id(), elsewhere.id()))), validSession);
        assertProblem(r, 422, "pupil-not-at-school");
        assertThat(r.asString()).contains("interventions[1]");
        assertProblem(Fixtures.batch(teacher, school, List.of(valid,
                Fixtures.intervention(appId(), "MATHS", List.of(elsewhere.id()))), List.of()), 422, "pupil-not-at-school");
        assertProblem(Fixtures.batch(teacher, school, List.of(valid,
                Fixtures.intervention(appId(), "MATHS", List.of(UUID.randomUUID()))), List.of()), 422,
                "pupil-not-at-school");
        assertProblem(Fixtures.batch(teacher, school, List.of(valid,
                Fixtures.intervention(appId(), "MATHS", List.of(pupil.id(), pupil.id()))), List.of()), 422,
                "duplicate-pupil");
        before.assertUnchanged();
    }

    // ---- rules and bad input ----------------------------------------------------------------------

    @Test
    void anEndBeforeTheStartIsRefused() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Rows before = Rows.of(school);
        Map<String, Object> backwards = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        backwards.put("startDate", TODAY.minusWeeks(2).toString());
        backwards.put("endDate", TODAY.minusWeeks(3).toString());
        Response r = Fixtures.batch(pupil.staff("teacher"), school,
                List.of(Fixtures.intervention(appId(), "MATHS", List.of(pupil.id())), backwards), List.of());
        assertProblem(r, 422, "end-before-start");
        assertThat(r.asString()).contains("interventions[1]");
        before.assertUnchanged();

        // open-ended and one-day interventions are fine
        Map<String, Object> open = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        open.remove("endDate");
        Map<String, Object> oneDay = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        oneDay.put("endDate", oneDay.get("startDate"));
        Fixtures.batch(pupil.staff("teacher"), school, List.of(open, oneDay), List.of()).then().statusCode(200)
                .body("interventions.outcome", everyItem(equalTo("CREATED")));
    }

    @Test
    void aZeroOrNegativeDosageIsABadRequestNamingTheField() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        Rows before = Rows.of(school);
        for (String field : List.of("frequencyPerWeek", "minutesPerSession")) {
            for (int value : List.of(0, -1)) {
                Map<String, Object> item = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
                item.put(field, value);
                Fixtures.batch(teacher, school, List.of(Fixtures.intervention(appId(), "MATHS", List.of(pupil.id())),
                        item), List.of()).then().statusCode(400).contentType(PROBLEM_JSON)
                        .body("violations.field", hasItem("interventions[1]." + field));
            }
        }
        Map<String, Object> tooOften = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        tooOften.put("frequencyPerWeek", 36);
        Fixtures.batch(teacher, school, List.of(tooOften), List.of()).then().statusCode(400)
                .body("violations.field", hasItem("interventions[0].frequencyPerWeek"));

        Map<String, Object> item = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        for (int minutes : List.of(0, -5)) {
            Fixtures.batch(teacher, school, List.of(item), List.of(session(appId(), (String) item.get("appId"),
                    TODAY.minusWeeks(2), minutes))).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("sessions[0].minutes"));
        }
        for (String field : List.of("appId", "pupilIds", "domain", "level", "kind", "startDate", "frequencyPerWeek",
                "minutesPerSession", "givenBy")) {
            Map<String, Object> missing = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
            missing.remove(field);
            Fixtures.batch(teacher, school, List.of(missing), List.of()).then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations.field", hasItem("interventions[0]." + field));
        }
        Map<String, Object> noPupils = Fixtures.intervention(appId(), "READING", List.of());
        Fixtures.batch(teacher, school, List.of(noPupils), List.of()).then().statusCode(400)
                .body("violations.field", hasItem("interventions[0].pupilIds"));
        before.assertUnchanged();
    }

    @Test
    void anUnknownCodeOrMalformedValueIsABadRequest() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        Rows before = Rows.of(school);
        Map<String, String> bad = Map.of("domain", "CHESS", "level", "LEVEL_5", "kind", "MAGIC", "givenBy", "PARENT",
                "startDate", "2026-02-30", "endDate", "yesterday");
        for (var entry : bad.entrySet()) {
            Map<String, Object> item = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
            item.put(entry.getKey(), entry.getValue());
            assertProblem(Fixtures.batch(teacher, school, List.of(Fixtures.intervention(appId(), "MATHS",
                    List.of(pupil.id())), item), List.of()), 400, "invalid-value")
                    .body("violations.field", equalTo(List.of("interventions[1]." + entry.getKey())));
        }
        Map<String, Object> badPupil = Fixtures.intervention(appId(), "READING", List.of());
        badPupil.put("pupilIds", List.of("not-a-uuid"));
        assertProblem(Fixtures.batch(teacher, school, List.of(badPupil), List.of()), 400, "invalid-value");
        assertProblem(SupportCalls.as(teacher).body("[]").post("/schools/{code}/interventions/batch", school), 400,
                "malformed-body");
        SupportCalls.as(teacher).body("{\"interventions\": [").post("/schools/{code}/interventions/batch", school)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        before.assertUnchanged();
    }

    @Test
    void aSessionOfAnUnknownInterventionOrOutsideItsPeriodIsRefused() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        Map<String, Object> known = Fixtures.intervention(appId(), "READING", List.of(pupil.id()));
        Fixtures.batch(teacher, school, List.of(known), List.of()).then().statusCode(200);
        String knownApp = (String) known.get("appId");
        Map<String, Object> fresh = Fixtures.intervention(appId(), "MATHS", List.of(pupil.id()));
        String freshApp = (String) fresh.get("appId");

        Rows before = Rows.of(school);
        Response unknown = Fixtures.batch(teacher, school, List.of(fresh), List.of(
                session(appId(), freshApp, TODAY.minusWeeks(2), 20),
                session(appId(), "never-sent", TODAY.minusWeeks(2), 20)));
        assertProblem(unknown, 422, "unknown-intervention");
        assertThat(unknown.asString()).contains("sessions[1]");

        // another school's intervention under the same appId is not this school's
        String otherSchool = Fixtures.school();
        Pupil otherPupil = Fixtures.pupil(otherSchool);
        String otherApp = appId();
        Fixtures.batch(otherPupil.staff("teacher"), otherSchool, List.of(Fixtures.intervention(otherApp, "READING",
                List.of(otherPupil.id()))), List.of()).then().statusCode(200);
        Rows beforeBoth = Rows.of(school, otherSchool);
        assertProblem(Fixtures.batch(teacher, school, List.of(), List.of(session(appId(), otherApp,
                TODAY.minusWeeks(2), 20))), 422, "unknown-intervention");

        // the default period runs from 8 weeks ago to a week ago
        for (LocalDate outside : List.of(TODAY.minusWeeks(8).minusDays(1), TODAY.minusWeeks(1).plusDays(1),
                TODAY.plusWeeks(1))) {
            assertProblem(Fixtures.batch(teacher, school, List.of(fresh), List.of(
                    session(appId(), freshApp, TODAY.minusWeeks(2), 20),
                    session(appId(), knownApp, outside, 20))), 422, "session-outside-period");
        }
        beforeBoth.assertUnchanged();
        before.assertUnchanged();

        // the first and last day of the period are inside
        Fixtures.batch(teacher, school, List.of(), List.of(session(appId(), knownApp, TODAY.minusWeeks(8), 20),
                session(appId(), knownApp, TODAY.minusWeeks(1), 20))).then().statusCode(200)
                .body("sessions.outcome", everyItem(equalTo("CREATED")));
    }

    @Test
    void onlyTheSchoolsTeachersAndIbRecordInterventions() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Rows before = Rows.of(school);
        List<Map<String, Object>> items = List.of(Fixtures.intervention(appId(), "READING", List.of(pupil.id())));
        String otherSchool = Fixtures.school();
        assertProblem(Fixtures.batch(Fixtures.staff("teacher", otherSchool), school, items, List.of()), 404,
                "not-found");
        assertProblem(Fixtures.batch(Fixtures.staff("ib", otherSchool), school, items, List.of()), 404, "not-found");
        // the other school's teacher cannot record at their own school for this pupil either
        assertProblem(Fixtures.batch(Fixtures.staff("teacher", otherSchool), otherSchool, items, List.of()), 422,
                "pupil-not-at-school");
        assertProblem(Fixtures.batch(pupil.parent(), school, items, List.of()), 403, "forbidden");
        assertProblem(Fixtures.batch(pupil.staff("director"), school, items, List.of()), 403, "forbidden");
        before.assertUnchanged();
        assertThat(TestDb.count("select count(*) from intervention where school_code = ?", otherSchool)).isZero();
    }

    // ---- evaluation -----------------------------------------------------------------------------

    @Test
    void anInterventionIsEvaluatedOnceWithTheCurrentETag() {
        String school = Fixtures.school();
        List<Pupil> group = List.of(Fixtures.pupil(school), Fixtures.pupil(school), Fixtures.pupil(school));
        String teacher = group.get(0).staff("teacher");
        String id = record(teacher, school, Fixtures.intervention(appId(), "READING",
                group.stream().map(Pupil::id).toList()));
        String etag = interventionETag(teacher, id);

        Rows before = Rows.of(school);
        Map<String, Object> evaluation = interventionEvaluation("PARTLY_ACHIEVED", TODAY.minusDays(3));
        assertProblem(evaluateIntervention(teacher, id, null, evaluation), 428, "if-match-required");
        assertProblem(evaluateIntervention(teacher, id, "\"7\"", evaluation), 412, "stale-version");
        assertProblem(evaluateIntervention(teacher, id, etag, interventionEvaluation("ACHIEVED", TODAY.plusDays(1))),
                422, "invalid-evaluation-date");
        assertProblem(evaluateIntervention(teacher, id, etag, interventionEvaluation("ACHIEVED",
                TODAY.minusWeeks(8).minusDays(1))), 422, "invalid-evaluation-date");
        Map<String, Object> badEffect = interventionEvaluation("ACHIEVED", TODAY);
        badEffect.put("effect", "SUPER");
        assertProblem(evaluateIntervention(teacher, id, etag, badEffect), 400, "invalid-value");
        Map<String, Object> noEffect = interventionEvaluation("ACHIEVED", TODAY);
        noEffect.remove("effect");
        evaluateIntervention(teacher, id, etag, noEffect).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("effect"));
        Map<String, Object> longNote = interventionEvaluation("ACHIEVED", TODAY);
        longNote.put("note", "x".repeat(501));
        evaluateIntervention(teacher, id, etag, longNote).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("note"));
        assertProblem(evaluateIntervention(Fixtures.staff("teacher", Fixtures.school()), id, etag, evaluation), 404,
                "not-found");
        assertProblem(evaluateIntervention(group.get(0).parent(), id, etag, evaluation), 403, "forbidden");
        assertProblem(evaluateIntervention(teacher, UUID.randomUUID(), etag, evaluation), 404, "not-found");
        before.assertUnchanged();

        String evaluated = evaluateIntervention(teacher, id, etag, evaluation).then().statusCode(200)
                .body("effect", equalTo("PARTLY_ACHIEVED")).body("evaluatedOn", equalTo(TODAY.minusDays(3).toString()))
                .body("evaluationNote", equalTo("Doel niet gehaald")).extract().header("ETag");
        assertThat(evaluated).isNotEqualTo(etag);
        for (Pupil pupil : group) {
            List<ConsumerRecord<String, String>> events = sent(EventType.INTERVENTION_EVALUATED, pupil.id(), 1);
            assertThat(events).hasSize(1);
            EventEnvelope event = envelope(events.get(0));
            assertThat(event.data().get("effect").asText()).isEqualTo("PARTLY_ACHIEVED");
            assertThat(event.data().get("interventionId").asText()).isEqualTo(id);
            assertThat(event.data().get("effectiveDate").asText()).isEqualTo(TODAY.minusDays(3).toString());
            assertThat(event.data().toString()).doesNotContain("Doel niet gehaald");
        }

        // once: a second evaluation, even with the current ETag, is a conflict
        Rows afterFirst = Rows.of(school);
        assertProblem(evaluateIntervention(teacher, id, evaluated, interventionEvaluation("ACHIEVED", TODAY)), 409,
                "already-evaluated");
        assertProblem(evaluateIntervention(group.get(0).staff("ib"), id, "*", interventionEvaluation("ACHIEVED",
                TODAY)), 409, "already-evaluated");
        assertProblem(evaluateIntervention(teacher, id, etag, interventionEvaluation("ACHIEVED", TODAY)), 412,
                "stale-version");
        afterFirst.assertUnchanged();
        SupportCalls.intervention(teacher, id).then().body("effect", equalTo("PARTLY_ACHIEVED"));
    }

    // ---- the signal of intervening without changing course ---------------------------------------

    @Test
    void threeInterventionsNotAchievedInOneDomainWithoutALevelChangeAreSignalledUntilTheLevelChanges() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil classmate = Fixtures.pupil(school);
        String teacher = pupil.staff("teacher");
        String ib = pupil.staff("ib");
        LocalDate yearStart = SupportRules.schoolYearStart(TODAY);
        // in the past, in this school year (on 1 August itself only today is both)
        LocalDate evaluatedOn = TODAY.minusDays(1).isBefore(yearStart) ? TODAY : TODAY.minusDays(1);

        List<String> reading = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reading.add(record(teacher, school, thisYear("READING", List.of(pupil.id(), classmate.id()), yearStart,
                    evaluatedOn)));
        }
        String maths = record(teacher, school, thisYear("MATHS", List.of(pupil.id()), yearStart, evaluatedOn));
        String readingAchieved = record(teacher, school, thisYear("READING", List.of(classmate.id()), yearStart,
                evaluatedOn));

        evaluate(teacher, reading.get(0), "NOT_ACHIEVED", evaluatedOn);
        evaluate(teacher, reading.get(1), "NOT_ACHIEVED", evaluatedOn);
        evaluate(teacher, maths, "NOT_ACHIEVED", evaluatedOn);
        evaluate(teacher, readingAchieved, "ACHIEVED", evaluatedOn);
        assertThat(signals(ib, school)).isEmpty();

        evaluate(teacher, reading.get(2), "NOT_ACHIEVED", evaluatedOn);
        List<Map<String, Object>> signals = signals(ib, school);
        assertThat(signals).extracting(s -> s.get("pupilId")).containsExactlyInAnyOrder(pupil.id().toString(),
                classmate.id().toString());
        assertThat(signals).allSatisfy(s -> {
            assertThat(s).containsEntry("kind", "NO_CHANGE_OF_COURSE").containsEntry("domain", "READING")
                    .containsEntry("since", yearStart.toString());
        });
        SupportCalls.as(pupil.staff("director")).get("/schools/{code}/support-signals", school).then().statusCode(200)
                .body("size()", equalTo(2));
        assertProblem(SupportCalls.as(teacher).get("/schools/{code}/support-signals", school), 403, "forbidden");
        assertProblem(SupportCalls.as(Fixtures.staff("ib", Fixtures.school())).get("/schools/{code}/support-signals",
                school), 404, "not-found");

        // the course changes for one of them: a new level, effective today
        Fixtures.changeLevel(pupil, "LEVEL_3", TODAY).then().statusCode(201);
        assertThat(signals(ib, school)).extracting(s -> s.get("pupilId"))
                .containsExactly(classmate.id().toString());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String appId() {
        return "app-" + UUID.randomUUID();
    }

    /** Records one intervention by batch; returns its id. */
    private static String record(String token, String school, Map<String, Object> item) {
        return Fixtures.batch(token, school, List.of(item), List.of()).then().statusCode(200)
                .body("interventions[0].outcome", equalTo("CREATED")).extract().path("interventions[0].id");
    }

    private static Map<String, Object> thisYear(String domain, List<UUID> pupils, LocalDate start, LocalDate end) {
        Map<String, Object> item = Fixtures.intervention(appId(), domain, pupils);
        item.put("startDate", start.toString());
        item.put("endDate", end.toString());
        return item;
    }

    private static void evaluate(String token, String id, String effect, LocalDate on) {
        evaluateIntervention(token, id, interventionETag(token, id), interventionEvaluation(effect, on)).then()
                .statusCode(200).body("effect", equalTo(effect));
    }

    private static List<Map<String, Object>> signals(String token, String school) {
        return SupportCalls.as(token).get("/schools/{code}/support-signals", school).then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    private static void assertRecordedOnce(Pupil pupil, String interventionId, String domain) {
        List<ConsumerRecord<String, String>> records = sent(EventType.INTERVENTION_RECORDED, pupil.id(), 1);
        assertThat(records).as("intervention-recorded of %s", pupil.id()).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(pupil.id().toString());
        EventEnvelope event = envelope(record);
        assertThat(event.subject()).isEqualTo(pupil.id().toString());
        assertThat(event.schoolcode()).isEqualTo(pupil.schoolCode());
        Set<String> fields = new java.util.HashSet<>();
        for (Iterator<String> names = event.data().fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        assertThat(fields).isSubsetOf(EVENT_FIELDS);
        assertThat(event.data().get("interventionId").asText()).isEqualTo(interventionId);
        assertThat(event.data().get("pupilId").asText()).isEqualTo(pupil.id().toString());
        assertThat(event.data().get("domain").asText()).isEqualTo(domain);
        assertThat(event.data().get("effect").isNull()).isTrue();
        assertThat(event.data().toString()).doesNotContain("app-");
    }
}
