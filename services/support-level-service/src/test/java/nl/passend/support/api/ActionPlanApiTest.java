package nl.passend.support.api;

import static nl.passend.support.api.SupportCalls.PROBLEM_JSON;
import static nl.passend.support.api.SupportCalls.actionPlan;
import static nl.passend.support.api.SupportCalls.actionPlanEvaluation;
import static nl.passend.support.api.SupportCalls.envelope;
import static nl.passend.support.api.SupportCalls.evaluateActionPlan;
import static nl.passend.support.api.SupportCalls.outbox;
import static nl.passend.support.api.SupportCalls.sent;
import static nl.passend.support.api.SupportCalls.startActionPlan;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.support.api.SupportCalls.Rows;
import nl.passend.testing.TestClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Handelingsplannen: the IB'er starts one for pupils at LEVEL_3, the school's staff read it, the
 * IB'er evaluates and ends it; one event per pupil for the start and the end; what the rules refuse
 * writes nothing.
 */
@QuarkusTest
class ActionPlanApiTest {

    private static final LocalDate TODAY = TestClock.today();
    private static final LocalDate START = TODAY.minusWeeks(2);
    private static final LocalDate END = TODAY.plusWeeks(8);

    @Test
    void theIbStartsAPlanForPupilsAtLevel3WithAnEventPerPupil() {
        String school = Fixtures.school();
        Pupil a = atLevel(school, "LEVEL_3");
        Pupil b = atLevel(school, "LEVEL_3");
        String ib = a.staff("ib");

        Response created = startActionPlan(ib, school, actionPlan(List.of(a.id(), b.id()), START, END));
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("schoolCode", equalTo(school))
                .body("pupilIds", containsInAnyOrder(a.id().toString(), b.id().toString()))
                .body("domain", equalTo("READING")).body("startDate", equalTo(START.toString()))
                .body("endDate", equalTo(END.toString())).body("ended", equalTo(false))
                .body("evaluation", nullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/action-plans/" + id);

        for (Pupil pupil : List.of(a, b)) {
            List<ConsumerRecord<String, String>> events = sent(EventType.ACTION_PLAN_STARTED, pupil.id(), 1);
            assertThat(events).hasSize(1);
            EventEnvelope event = envelope(events.get(0));
            assertThat(events.get(0).key()).isEqualTo(pupil.id().toString());
            assertThat(event.data().get("actionPlanId").asText()).isEqualTo(id);
            assertThat(event.data().get("pupilId").asText()).isEqualTo(pupil.id().toString());
            assertThat(event.data().get("effectiveDate").asText()).isEqualTo(START.toString());
            assertThat(event.data().toString()).doesNotContain("AVI").doesNotContain("herhaald lezen");
        }

        // the school's staff read it; another school's IB'er does not know it
        for (String reader : List.of(ib, a.staff("director"), a.staff("teacher"))) {
            SupportCalls.actionPlan(reader, id).then().statusCode(200).header("ETag", "\"0\"")
                    .body("id", equalTo(id)).body("goal", equalTo("Leest AVI E4 vloeiend aan het einde van de periode"));
            SupportCalls.as(reader).get("/pupils/{id}/action-plans", a.id()).then().statusCode(200)
                    .body("id", hasItem(id));
        }
        assertProblem(SupportCalls.actionPlan(Fixtures.staff("ib", Fixtures.school()), id), 404, "not-found");
        assertProblem(SupportCalls.actionPlan(Fixtures.staff("director", Fixtures.school()), id), 404, "not-found");
        assertProblem(SupportCalls.actionPlan(ib, UUID.randomUUID()), 404, "not-found");
        assertProblem(SupportCalls.actionPlan(a.parent(), id), 403, "forbidden");
        assertProblem(SupportCalls.as(Fixtures.staff("ib", Fixtures.school())).get("/pupils/{id}/action-plans", a.id()),
                404, "not-found");
    }

    @Test
    void everyPupilMustBeAtLevel3() {
        String school = Fixtures.school();
        Pupil atThree = atLevel(school, "LEVEL_3");
        Pupil atTwo = atLevel(school, "LEVEL_2");
        Pupil atFour = atLevel(school, "LEVEL_4");
        Pupil noLevel = Fixtures.pupil(school);
        String ib = atThree.staff("ib");

        Rows before = Rows.of(school);
        for (Pupil other : List.of(atTwo, atFour, noLevel)) {
            Response r = startActionPlan(ib, school, actionPlan(List.of(atThree.id(), other.id()), START, END));
            assertProblem(r, 422, "not-at-level-3");
            assertThat(r.asString()).contains(other.id().toString());
        }
        before.assertUnchanged();

        // once the pupil is at LEVEL_3 the plan can start
        Fixtures.changeLevel(atTwo, "LEVEL_3", TODAY).then().statusCode(201);
        startActionPlan(ib, school, actionPlan(List.of(atThree.id(), atTwo.id()), START, END)).then().statusCode(201);
    }

    @Test
    void refusedStartsWriteNothing() {
        String school = Fixtures.school();
        Pupil pupil = atLevel(school, "LEVEL_3");
        Pupil elsewhere = atLevel(Fixtures.school(), "LEVEL_3");
        String ib = pupil.staff("ib");
        Rows before = Rows.of(school, elsewhere.schoolCode());

        assertProblem(startActionPlan(ib, school, actionPlan(List.of(pupil.id()), END, START)), 422, "end-before-start");
        assertProblem(startActionPlan(ib, school, actionPlan(List.of(pupil.id(), elsewhere.id()), START, END)), 422,
                "pupil-not-at-school");
        assertProblem(startActionPlan(ib, school, actionPlan(List.of(UUID.randomUUID()), START, END)), 422,
                "pupil-not-at-school");
        assertProblem(startActionPlan(ib, school, actionPlan(List.of(pupil.id(), pupil.id()), START, END)), 422,
                "duplicate-pupil");
        // roles: only the IB'er starts a plan, and only at their own school
        for (String role : List.of("teacher", "director")) {
            assertProblem(startActionPlan(pupil.staff(role), school, actionPlan(List.of(pupil.id()), START, END)), 403,
                    "forbidden");
        }
        assertProblem(startActionPlan(pupil.parent(), school, actionPlan(List.of(pupil.id()), START, END)), 403,
                "forbidden");
        assertProblem(startActionPlan(elsewhere.staff("ib"), school, actionPlan(List.of(pupil.id()), START, END)), 404,
                "not-found");
        // bad input
        for (String field : List.of("pupilIds", "domain", "goal", "approach", "startDate", "endDate")) {
            Map<String, Object> body = actionPlan(List.of(pupil.id()), START, END);
            body.remove(field);
            startActionPlan(ib, school, body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        startActionPlan(ib, school, actionPlan(List.of(), START, END)).then().statusCode(400)
                .body("violations.field", hasItem("pupilIds"));
        Map<String, Object> badDomain = actionPlan(List.of(pupil.id()), START, END);
        badDomain.put("domain", "CHESS");
        assertProblem(startActionPlan(ib, school, badDomain), 400, "invalid-value").body("violations.field", equalTo(List.of("domain")));
        before.assertUnchanged();
    }

    @Test
    void theIbEvaluatesAndEndsAPlanAfterWhichItIsClosed() {
        String school = Fixtures.school();
        Pupil a = atLevel(school, "LEVEL_3");
        Pupil b = atLevel(school, "LEVEL_3");
        String ib = a.staff("ib");
        String id = startActionPlan(ib, school, actionPlan(List.of(a.id(), b.id()), START, END)).then()
                .statusCode(201).extract().path("id");
        String etag = SupportCalls.actionPlan(ib, id).then().extract().header("ETag");

        Rows before = Rows.of(school);
        assertProblem(evaluateActionPlan(ib, id, null, actionPlanEvaluation(TODAY, false)), 428, "if-match-required");
        assertProblem(evaluateActionPlan(ib, id, "\"3\"", actionPlanEvaluation(TODAY, false)), 412, "stale-version");
        assertProblem(evaluateActionPlan(ib, id, etag, actionPlanEvaluation(TODAY.plusDays(1), false)), 422,
                "invalid-evaluation-date");
        assertProblem(evaluateActionPlan(ib, id, etag, actionPlanEvaluation(START.minusDays(1), true)), 422,
                "invalid-evaluation-date");
        assertProblem(evaluateActionPlan(a.staff("teacher"), id, etag, actionPlanEvaluation(TODAY, true)), 403,
                "forbidden");
        assertProblem(evaluateActionPlan(Fixtures.staff("ib", Fixtures.school()), id, etag,
                actionPlanEvaluation(TODAY, true)), 404, "not-found");
        Map<String, Object> blank = actionPlanEvaluation(TODAY, true);
        blank.put("evaluation", " ");
        evaluateActionPlan(ib, id, etag, blank).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("evaluation"));
        before.assertUnchanged();

        // an interim evaluation: the plan goes on, nothing is published
        String interim = evaluateActionPlan(ib, id, etag, actionPlanEvaluation(TODAY.minusDays(1), false)).then()
                .statusCode(200).body("ended", equalTo(false))
                .body("evaluatedOn", equalTo(TODAY.minusDays(1).toString())).extract().header("ETag");
        assertThat(interim).isNotEqualTo(etag);
        assertThat(outbox(a.id(), EventType.ACTION_PLAN_ENDED)).isZero();
        assertProblem(evaluateActionPlan(ib, id, etag, actionPlanEvaluation(TODAY, true)), 412, "stale-version");

        // the end
        String ended = evaluateActionPlan(ib, id, interim, actionPlanEvaluation(TODAY, true)).then().statusCode(200)
                .body("ended", equalTo(true)).body("evaluatedOn", equalTo(TODAY.toString()))
                .body("evaluation", equalTo("Doel grotendeels gehaald")).extract().header("ETag");
        SupportCalls.actionPlan(a.staff("director"), id).then().statusCode(200).body("ended", equalTo(true));
        for (Pupil pupil : List.of(a, b)) {
            List<ConsumerRecord<String, String>> events = sent(EventType.ACTION_PLAN_ENDED, pupil.id(), 1);
            assertThat(events).hasSize(1);
            EventEnvelope event = envelope(events.get(0));
            assertThat(event.data().get("actionPlanId").asText()).isEqualTo(id);
            assertThat(event.data().get("effectiveDate").asText()).isEqualTo(TODAY.toString());
            assertThat(event.data().toString()).doesNotContain("grotendeels");
        }

        // an ended plan is not evaluated again
        Rows afterEnd = Rows.of(school);
        assertProblem(evaluateActionPlan(ib, id, ended, actionPlanEvaluation(TODAY, false)), 409, "action-plan-ended");
        assertProblem(evaluateActionPlan(ib, id, ended, actionPlanEvaluation(TODAY, true)), 409, "action-plan-ended");
        assertProblem(evaluateActionPlan(ib, id, "*", actionPlanEvaluation(TODAY, true)), 409, "action-plan-ended");
        afterEnd.assertUnchanged();
        assertThat(outbox(a.id(), EventType.ACTION_PLAN_ENDED)).isEqualTo(1);
        assertThat(outbox(b.id(), EventType.ACTION_PLAN_ENDED)).isEqualTo(1);
    }

    /** A new pupil of the school at the level (set 3 months ago). */
    private static Pupil atLevel(String school, String level) {
        Pupil pupil = Fixtures.pupil(school);
        Fixtures.changeLevel(pupil, level, TODAY.minusMonths(3)).then().statusCode(201);
        return pupil;
    }
}
