package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.opp.api.OppCalls.PROBLEM_JSON;
import static nl.passend.opp.api.OppCalls.addDocument;
import static nl.passend.opp.api.OppCalls.addView;
import static nl.passend.opp.api.OppCalls.child;
import static nl.passend.opp.api.OppCalls.close;
import static nl.passend.opp.api.OppCalls.consentRequest;
import static nl.passend.opp.api.OppCalls.create;
import static nl.passend.opp.api.OppCalls.edit;
import static nl.passend.opp.api.OppCalls.etag;
import static nl.passend.opp.api.OppCalls.evaluate;
import static nl.passend.opp.api.OppCalls.evaluation;
import static nl.passend.opp.api.OppCalls.goalIds;
import static nl.passend.opp.api.OppCalls.goals;
import static nl.passend.opp.api.OppCalls.plan;
import static nl.passend.opp.api.OppCalls.problem;
import static nl.passend.opp.api.OppCalls.revise;
import static nl.passend.opp.api.OppCalls.totals;
import static nl.passend.opp.api.OppCalls.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.api.OppCalls.Snapshot;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Bad input and requests the plan's state does not allow: each is answered with a problem (400
 * malformed or missing, 404 unknown, 409 state, 422 rule) and writes nothing.
 */
@QuarkusTest
class OppInputTest {

    private static final String TODAY = TestClock.today().toString();

    // ---- missing and invalid fields: 400 naming the field -------------------------------------

    @Test
    void aGoalWithoutMeasureTargetDateKindDomainOrDescriptionIsABadRequestNamingTheField() {
        Pupil pupil = Fixtures.pupil();
        for (String field : List.of("measure", "targetDate", "kind", "domain", "description")) {
            Map<String, Object> body = plan(p -> goals(p).get(1).remove(field));
            Snapshot before = Snapshot.of(pupil);
            create(pupil, body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("status", equalTo(400))
                    .body("violations.field", hasItem("goals[1]." + field));
            before.assertUnchanged(pupil);
        }
        // a blank measure is as good as none
        create(pupil, plan(p -> goals(p).get(0).put("measure", "  "))).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("goals[0].measure"));
    }

    @Test
    void theSameRulesHoldForAnEditAndANewVersion() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Map<String, Object> noTargetDate = plan(p -> goals(p).get(0).remove("targetDate"));
        Snapshot before = Snapshot.of(pupil);
        edit(pupil, planId, 1, etag(pupil, planId), noTargetDate).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("goals[0].targetDate"));
        revise(pupil, planId, etag(pupil, planId), noTargetDate).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("goals[0].targetDate"));
        before.assertUnchanged(pupil);
    }

    @Test
    void missingPartsOfThePlanAreBadRequestsNamingThePart() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("perspective", p -> p.remove("perspective"));
        cases.put("actionPart", p -> p.remove("actionPart"));
        cases.put("goals", p -> p.remove("goals"));
        cases.put("goals ", p -> p.put("goals", List.of()));
        cases.put("perspective.expectedDestination", p -> child(p, "perspective").remove("expectedDestination"));
        cases.put("perspective.rationale", p -> child(p, "perspective").put("rationale", ""));
        cases.put("perspective.supportingFactors", p -> child(p, "perspective").put("supportingFactors", List.of()));
        cases.put("perspective.hinderingFactors", p -> child(p, "perspective").remove("hinderingFactors"));
        cases.put("actionPart.support", p -> child(p, "actionPart").remove("support"));
        cases.put("actionPart.tasks", p -> child(p, "actionPart").put("tasks", List.of()));
        cases.put("actionPart.scenarios", p -> child(p, "actionPart").remove("scenarios"));
        cases.put("actionPart.arrangement", p -> child(p, "actionPart").remove("arrangement"));
        cases.put("perspective.agreementDialogue.summary", p -> child(p, "perspective")
                .put("agreementDialogue", Map.of("date", TODAY)));
        cases.put("destinationDecision.reference", p -> p.put("destinationDecision", Map.of("date", TODAY)));

        Pupil fresh = Fixtures.pupil();
        Snapshot before = Snapshot.of(pupil);
        Snapshot freshBefore = Snapshot.of(fresh);
        for (var c : cases.entrySet()) {
            Map<String, Object> body = plan(c.getValue());
            String field = c.getKey().trim();
            create(fresh, body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
            edit(pupil, planId, 1, etag(pupil, planId), body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        // no body at all
        given().auth().oauth2(fresh.staff("ib")).contentType(ContentType.JSON).post("/pupils/{id}/opps", fresh.id())
                .then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(pupil.staff("ib")).contentType(ContentType.JSON).header("If-Match", etag(pupil, planId))
                .put("/opps/{id}/versions/1", planId).then().statusCode(400).contentType(PROBLEM_JSON);
        before.assertUnchanged(pupil);
        freshBefore.assertUnchanged(fresh);
    }

    // ---- goal rules: 422 invalid-goal ----------------------------------------------------------

    @Test
    void languageAndMathsGoalsNameTheirReferenceLevelOtherDomainsHaveNone() {
        Pupil pupil = Fixtures.pupil();
        for (String domain : List.of("MATHS", "LANGUAGE", "TECHNICAL_READING", "READING_COMPREHENSION", "SPELLING")) {
            Snapshot before = Snapshot.of(pupil);
            problem(create(pupil, plan(p -> goals(p).set(0, Fixtures.goal("INTERIM", domain, null)))), 422,
                    "invalid-goal");
            create(pupil, plan(p -> goals(p).set(0, Fixtures.goal("INTERIM", domain, null)))).then()
                    .body("detail", containsString("goals[0].referenceLevel"));
            before.assertUnchanged(pupil);
        }
        for (String domain : List.of("SOCIAL_EMOTIONAL", "WORK_ATTITUDE", "MOTOR_SKILLS")) {
            Snapshot before = Snapshot.of(pupil);
            problem(create(pupil, plan(p -> goals(p).set(1, Fixtures.goal("FINAL", domain, "2F")))), 422,
                    "invalid-goal").body("detail", containsString("goals[1].referenceLevel"));
            before.assertUnchanged(pupil);
        }

        // the same in an edit of the draft and in a new version
        UUID planId = Fixtures.createPlan(pupil).id();
        Map<String, Object> mathsWithoutLevel = plan(p -> goals(p).set(0, Fixtures.goal("INTERIM", "MATHS", null)));
        Snapshot before = Snapshot.of(pupil);
        problem(edit(pupil, planId, 1, etag(pupil, planId), mathsWithoutLevel), 422, "invalid-goal");
        before.assertUnchanged(pupil);

        Pupil established = Fixtures.pupil();
        UUID establishedPlan = Fixtures.establishedPlan(established);
        Snapshot beforeRevision = Snapshot.of(established);
        problem(revise(established, establishedPlan, etag(established, establishedPlan),
                plan(p -> goals(p).set(1, Fixtures.goal("FINAL", "SOCIAL_EMOTIONAL", "1S")))), 422, "invalid-goal");
        beforeRevision.assertUnchanged(established);
    }

    // ---- malformed bodies: 400, never 500 ------------------------------------------------------

    @Test
    void anUnparseableValueNamesItsFieldAndTheCodesItTakesNeverAJavaClass() {
        Pupil pupil = Fixtures.pupil();
        problem(create(pupil, plan(p -> goals(p).get(0).put("kind", "SOMETIMES"))), 400, "invalid-value")
                .body("violations.field", org.hamcrest.Matchers.equalTo(java.util.List.of("goals[0].kind")))
                .body("detail", containsString("INTERIM, FINAL"))
                .body("detail", org.hamcrest.Matchers.not(containsString("nl.passend")));
        problem(create(pupil, plan(p -> goals(p).get(0).put("kind", 1))), 400, "invalid-value");
        problem(create(pupil, plan(p -> goals(p).get(0).put("targetDate", "next summer"))), 400, "invalid-value")
                .body("detail", containsString("date (yyyy-mm-dd)"));
    }

    @Test
    void malformedBodiesAreBadRequestsNeverServerErrors() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        List<Map<String, Object>> bodies = new ArrayList<>();
        // malformed dates
        bodies.add(plan(p -> goals(p).get(0).put("targetDate", "01-09-2027")));
        bodies.add(plan(p -> goals(p).get(0).put("targetDate", "2027-02-30")));
        bodies.add(plan(p -> goals(p).get(0).put("targetDate", "next summer")));
        bodies.add(plan(p -> child(p, "perspective").put("agreementDialogue", Map.of("date", "gisteren",
                "summary", "besproken"))));
        bodies.add(plan(p -> p.put("destinationDecision", Map.of("date", "2026-13-01", "reference", "CvB 12"))));
        // unknown enum values
        bodies.add(plan(p -> child(p, "perspective").put("expectedDestination", "MARS")));
        bodies.add(plan(p -> goals(p).get(0).put("kind", "SOMETIMES")));
        bodies.add(plan(p -> goals(p).get(0).put("domain", "CHESS")));
        bodies.add(plan(p -> goals(p).get(0).put("referenceLevel", "3F")));
        bodies.add(plan(p -> goals(p).get(0).put("referenceLevel", "LEVEL_9")));
        // a number is never a code's position: 0 is not INTERIM, 2 is not VMBO_TL
        bodies.add(plan(p -> goals(p).get(0).put("kind", 0)));
        bodies.add(plan(p -> child(p, "perspective").put("expectedDestination", 2)));
        // wrong types
        bodies.add(plan(p -> p.put("goals", "read better")));
        bodies.add(plan(p -> p.put("goals", Map.of("kind", "FINAL"))));
        bodies.add(plan(p -> goals(p).get(0).put("id", "not-a-uuid")));
        bodies.add(plan(p -> goals(p).get(0).put("targetDate", List.of("tomorrow"))));
        bodies.add(plan(p -> goals(p).get(0).put("description", Map.of("nl", "tafels"))));
        bodies.add(plan(p -> child(p, "perspective").put("supportingFactors", Map.of("a", "b"))));
        bodies.add(plan(p -> child(p, "actionPart").put("tasks", "dagelijks")));
        bodies.add(plan(p -> p.put("perspective", "VMBO_KB")));
        bodies.add(plan(p -> p.put("perspective", List.of())));

        Pupil fresh = Fixtures.pupil();
        Snapshot before = Snapshot.of(pupil);
        Snapshot freshBefore = Snapshot.of(fresh);
        for (Map<String, Object> body : bodies) {
            create(fresh, body).then().statusCode(400).contentType(PROBLEM_JSON);
            edit(pupil, planId, 1, etag(pupil, planId), body).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        for (String raw : List.of("{", "{\"perspective\": ", "not json at all", "[]", "\"plan\"", "42", "null",
                "{\"goals\": [null]}", "{\"goals\": [42]}", "{}")) {
            given().auth().oauth2(fresh.staff("ib")).contentType(ContentType.JSON).body(raw)
                    .post("/pupils/{id}/opps", fresh.id()).then().statusCode(400).contentType(PROBLEM_JSON);
            given().auth().oauth2(pupil.staff("ib")).contentType(ContentType.JSON).header("If-Match", etag(pupil, planId))
                    .body(raw).put("/opps/{id}/versions/1", planId).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        before.assertUnchanged(pupil);
        freshBefore.assertUnchanged(fresh);
    }

    // ---- path parameters: 400 when malformed, 404 when unknown ---------------------------------

    @Test
    void malformedIdsAndVersionNumbersInThePathAreBadRequests() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String ib = pupil.staff("ib");
        String etag = etag(pupil, planId);
        Map<String, Long> totals = totals();
        Snapshot before = Snapshot.of(pupil);

        for (String bad : List.of("not-a-uuid", "123", "0000")) {
            problem(OppCalls.as(ib, null).body(Fixtures.planInput()).post("/pupils/{id}/opps", bad), 400,
                    "invalid-parameter")
                    .body("detail", containsString("pupilId"));
            problem(given().auth().oauth2(ib).get("/pupils/{id}/opps", bad), 400, "invalid-parameter");
            problem(given().auth().oauth2(ib).get("/opps/{id}", bad), 400, "invalid-parameter")
                    .body("detail", containsString("planId"));
            problem(given().auth().oauth2(ib).get("/opps/{id}/versions/1", bad), 400, "invalid-parameter");
            problem(given().auth().oauth2(ib).get("/opps/{id}/document.pdf", bad), 400, "invalid-parameter");
            problem(OppCalls.as(ib, etag).body(Fixtures.planInput()).put("/opps/{id}/versions/1", bad), 400,
                    "invalid-parameter");
            problem(OppCalls.as(ib, etag).body(Fixtures.planInput()).post("/opps/{id}/versions", bad), 400,
                    "invalid-parameter");
            problem(OppCalls.as(ib, etag).post("/opps/{id}/versions/1/consent-request", bad), 400,
                    "invalid-parameter");
            problem(OppCalls.as(pupil.staff("director"), etag).post("/opps/{id}/versions/1/establishment", bad), 400,
                    "invalid-parameter");
            problem(OppCalls.as(ib, etag).body(Map.of("kind", "PUPIL", "text", "fijn"))
                    .post("/opps/{id}/versions/1/views", bad), 400, "invalid-parameter");
            problem(OppCalls.as(ib, etag).body(document()).post("/opps/{id}/documents", bad), 400,
                    "invalid-parameter");
            problem(OppCalls.as(ib, etag).body(Map.of("reason", "NO_LONGER_NEEDED")).post("/opps/{id}/closure", bad),
                    400, "invalid-parameter");
        }
        for (String number : List.of("abc", "0", "-1", "1.5", "10001", "99999999999", "v1")) {
            problem(version(pupil, planId, number), 400, "invalid-parameter").body("detail", containsString("number"));
            problem(edit(pupil, planId, number, etag, Fixtures.planInput()), 400, "invalid-parameter");
            problem(consentRequest(pupil, planId, number, etag), 400, "invalid-parameter");
            problem(OppCalls.as(pupil.staff("director"), etag).post("/opps/{id}/versions/{n}/establishment", planId,
                    number), 400, "invalid-parameter");
            problem(evaluate(pupil, planId, number, etag, evaluation(TestClock.today(), List.of(UUID.randomUUID()
                    .toString()))), 400, "invalid-parameter");
            problem(addView(ib, planId, number, etag, Map.of("kind", "PUPIL", "text", "fijn")), 400,
                    "invalid-parameter");
        }
        before.assertUnchanged(pupil);
        assertThat(totals()).isEqualTo(totals);
    }

    @Test
    void unknownPupilsPlansAndVersionsAreNotFound() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String ib = pupil.staff("ib");
        String etag = etag(pupil, planId);
        UUID unknown = UUID.randomUUID();
        Map<String, Long> totals = totals();
        Snapshot before = Snapshot.of(pupil);

        problem(OppCalls.as(ib, null).body(Fixtures.planInput()).post("/pupils/{id}/opps", unknown), 404, "not-found");
        problem(given().auth().oauth2(ib).get("/pupils/{id}/opps", unknown), 404, "not-found");

        problem(given().auth().oauth2(ib).get("/opps/{id}", unknown), 404, "not-found");
        problem(given().auth().oauth2(ib).get("/opps/{id}/versions/1", unknown), 404, "not-found");
        problem(edit(pupil, unknown, 1, etag, Fixtures.planInput()), 404, "not-found");
        problem(revise(pupil, unknown, etag, Fixtures.planInput()), 404, "not-found");
        problem(consentRequest(pupil, unknown, 1, etag), 404, "not-found");
        problem(evaluate(pupil, unknown, 1, etag, evaluation(TestClock.today(), List.of(unknown.toString()))), 404,
                "not-found");
        problem(addView(ib, unknown, 1, etag, Map.of("kind", "PUPIL", "text", "fijn")), 404, "not-found");
        problem(addDocument(pupil, unknown, etag, document()), 404, "not-found");
        problem(close(pupil, unknown, etag, "NO_LONGER_NEEDED"), 404, "not-found");

        for (int number : List.of(2, 7, 10_000)) {
            problem(version(pupil, planId, number), 404, "not-found");
            problem(edit(pupil, planId, number, etag, Fixtures.planInput()), 404, "not-found");
            problem(consentRequest(pupil, planId, number, etag), 404, "not-found");
            problem(OppCalls.as(pupil.staff("director"), etag).post("/opps/{id}/versions/{n}/establishment", planId,
                    number), 404, "not-found");
            problem(evaluate(pupil, planId, number, etag, evaluation(TestClock.today(), List.of(unknown.toString()))),
                    404, "not-found");
            problem(addView(ib, planId, number, etag, Map.of("kind", "PUPIL", "text", "fijn")), 404, "not-found");
        }
        before.assertUnchanged(pupil);
        assertThat(totals()).isEqualTo(totals);
    }

    // ---- state conflicts: 409 -------------------------------------------------------------------

    @Test
    void aPupilWithAnOpenPlanGetsNoSecondOne() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.createPlan(pupil);
        Snapshot before = Snapshot.of(pupil);
        problem(create(pupil, Fixtures.planInput()), 409, "plan-exists");
        before.assertUnchanged(pupil);

        // also while the plan is established
        Pupil established = Fixtures.pupil();
        Fixtures.establishedPlan(established);
        Snapshot beforeEstablished = Snapshot.of(established);
        problem(create(established, Fixtures.planInput()), 409, "plan-exists");
        beforeEstablished.assertUnchanged(established);
    }

    @Test
    void aVersionThatLeftDraftIsNeverEditedAndASupersededOneNeither() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Fixtures.requestConsent(pupil, planId, 1);
        Snapshot inDialogue = Snapshot.of(pupil);
        problem(edit(pupil, planId, 1, etag(pupil, planId), Fixtures.planInput("HAVO")), 409, "not-a-draft");
        inDialogue.assertUnchanged(pupil);

        Pupil other = Fixtures.pupil();
        UUID established = Fixtures.establishedPlan(other);
        Snapshot before = Snapshot.of(other);
        problem(edit(other, established, 1, etag(other, established), Fixtures.planInput("HAVO")), 409,
                "not-a-draft").body("detail", containsString("ESTABLISHED"));
        before.assertUnchanged(other);

        // after a new version, version 1 is superseded: not the current version any more
        revise(other, established, etag(other, established), Fixtures.planInput()).then().statusCode(201);
        Snapshot revised = Snapshot.of(other);
        problem(edit(other, established, 1, etag(other, established), Fixtures.planInput("HAVO")), 409,
                "not-current");
        problem(consentRequest(other, established, 1, etag(other, established)), 409, "not-current");
        revised.assertUnchanged(other);
    }

    @Test
    void aNewVersionWhileTheCurrentIsADraftIsRefused() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Snapshot before = Snapshot.of(pupil);
        problem(revise(pupil, planId, etag(pupil, planId), Fixtures.planInput("HAVO")), 409, "draft-open");
        before.assertUnchanged(pupil);

        // and the same for the draft of version 2
        Pupil other = Fixtures.pupil();
        UUID established = Fixtures.establishedPlan(other);
        revise(other, established, etag(other, established), Fixtures.planInput()).then().statusCode(201);
        Snapshot revised = Snapshot.of(other);
        problem(revise(other, established, etag(other, established), Fixtures.planInput()), 409, "draft-open");
        revised.assertUnchanged(other);
    }

    @Test
    void consentIsNotAskedBeforeTheAgreementDialogue() {
        Pupil pupil = Fixtures.pupil();
        Map<String, Object> withoutDialogue = plan(p -> child(p, "perspective").remove("agreementDialogue"));
        Response created = create(pupil, withoutDialogue);
        created.then().statusCode(201).body("current.content.perspective.agreementDialogue", equalTo(null));
        UUID planId = UUID.fromString(created.path("id"));

        Snapshot before = Snapshot.of(pupil);
        problem(consentRequest(pupil, planId, 1, etag(pupil, planId)), 422, "agreement-dialogue-missing");
        before.assertUnchanged(pupil);

        // once recorded in the draft, consent can be asked
        edit(pupil, planId, 1, etag(pupil, planId), Fixtures.planInput()).then().statusCode(200);
        consentRequest(pupil, planId, 1, etag(pupil, planId)).then().statusCode(200)
                .body("status", equalTo("IN_DIALOGUE"));
        // asking again while it is open is a state conflict
        Snapshot inDialogue = Snapshot.of(pupil);
        problem(consentRequest(pupil, planId, 1, etag(pupil, planId)), 409, "consent-not-askable");
        inDialogue.assertUnchanged(pupil);
    }

    // ---- evaluations ----------------------------------------------------------------------------

    @Test
    void onlyAnEstablishedVersionIsEvaluated() {
        Pupil pupil = Fixtures.pupil();
        Response created = Fixtures.createPlan(pupil).response();
        UUID planId = UUID.fromString(created.path("id"));
        Map<String, Object> body = evaluation(TestClock.today(), goalIds(created));
        Snapshot before = Snapshot.of(pupil);
        problem(evaluate(pupil, planId, 1, etag(pupil, planId), body), 409, "not-established");
        before.assertUnchanged(pupil);

        Fixtures.requestConsent(pupil, planId, 1);
        Snapshot inDialogue = Snapshot.of(pupil);
        problem(evaluate(pupil, planId, 1, etag(pupil, planId), body), 409, "not-established");
        inDialogue.assertUnchanged(pupil);
    }

    @Test
    void anEvaluationReportsEachGoalOfTheVersionOnceOnADayBetweenEstablishmentAndToday() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        List<String> goals = goalIds(Fixtures.get(pupil.staff("ib"), planId));
        assertThat(goals).hasSize(2).doesNotContainNull();
        LocalDate today = TestClock.today();

        Map<String, Function<Map<String, Object>, Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("unknown-goal", b -> evaluation(today, List.of(goals.get(0), UUID.randomUUID().toString())));
        cases.put("duplicate-goal", b -> evaluation(today, List.of(goals.get(0), goals.get(1), goals.get(0))));
        cases.put("goal-missing", b -> evaluation(today, List.of(goals.get(1))));
        cases.put("evaluation-in-future", b -> evaluation(today.plusDays(1), goals));
        cases.put("evaluation-before-establishment", b -> evaluation(today.minusDays(1), goals));
        Snapshot before = Snapshot.of(pupil);
        for (var c : cases.entrySet()) {
            problem(evaluate(pupil, planId, 1, etag(pupil, planId), c.getValue().apply(null)), 422, c.getKey());
        }
        before.assertUnchanged(pupil);

        // malformed or missing: 400
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(with(evaluation(today, goals), b -> b.remove("evaluatedOn")));
        bad.add(with(evaluation(today, goals), b -> b.put("evaluatedOn", "vandaag")));
        bad.add(with(evaluation(today, goals), b -> b.put("goalProgress", List.of())));
        bad.add(with(evaluation(today, goals), b -> b.remove("goalProgress")));
        bad.add(with(evaluation(today, goals), b -> b.put("goalProgress", List.of(Map.of("goalId", goals.get(0),
                "progress", "GREAT")))));
        bad.add(with(evaluation(today, goals), b -> b.put("goalProgress", List.of(Map.of("goalId", "goal-1",
                "progress", "ON_TRACK")))));
        bad.add(with(evaluation(today, goals), b -> b.put("goalProgress", List.of(Map.of("progress", "ON_TRACK")))));
        bad.add(with(evaluation(today, goals), b -> b.put("goalProgress", List.of(Map.of("goalId", goals.get(0))))));
        for (Map<String, Object> body : bad) {
            evaluate(pupil, planId, 1, etag(pupil, planId), body).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        before.assertUnchanged(pupil);

        // the complete one is recorded
        evaluate(pupil, planId, 1, etag(pupil, planId), evaluation(today, goals)).then().statusCode(201);
    }

    // ---- views, documents, closure --------------------------------------------------------------

    @Test
    void aDocumentNeedsAnHttpOrUrnUriAndATitle() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Snapshot before = Snapshot.of(pupil);
        for (String uri : List.of("not a uri", "verslag.pdf", "ftp://files.example/verslag.pdf",
                "javascript:alert(1)", "", "https://", "http:dossier", "https:///docs/1", "urn:", "urn:isbn",
                "https://example.nl/with space", "https://example.nl/a<b>", "https://example.nl/\"onclick=x")) {
            addDocument(pupil, planId, etag(pupil, planId), with(document(), d -> d.put("uri", uri)))
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("uri"));
        }
        for (String field : List.of("uri", "title", "kind")) {
            addDocument(pupil, planId, etag(pupil, planId), with(document(), d -> d.remove(field)))
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem(field));
        }
        addDocument(pupil, planId, etag(pupil, planId), with(document(), d -> d.put("uri", List.of("https://a.nl"))))
                .then().statusCode(400).contentType(PROBLEM_JSON);
        before.assertUnchanged(pupil);

        // http(s) with a host and urn:<nid>:<nss> are linked
        for (String uri : List.of("https://dossier.example.nl/docs/1?v=2#p3", "http://localhost:8080/x",
                "urn:isbn:9789024419326", "urn:uuid:" + UUID.randomUUID())) {
            addDocument(pupil, planId, etag(pupil, planId), with(document(), d -> d.put("uri", uri)))
                    .then().statusCode(201).body("documents.uri", hasItem(uri));
        }
    }

    @Test
    void aViewNeedsAKnownKindAndText() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String ib = pupil.staff("ib");
        Snapshot before = Snapshot.of(pupil);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("kind", "TEACHER", "text", "prima"),
                Map.<String, Object>of("kind", "PUPIL", "text", " "), Map.<String, Object>of("text", "prima"),
                Map.<String, Object>of("kind", "PUPIL"), Map.<String, Object>of("kind", List.of("PUPIL"), "text", "x"))) {
            addView(ib, planId, 1, etag(pupil, planId), body).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        // a parent records only the parents' view
        problem(addView(pupil.parent(), planId, 1, etag(pupil, planId), Map.of("kind", "PUPIL", "text", "fijn")),
                403, "forbidden");
        before.assertUnchanged(pupil);
    }

    @Test
    void aClosedPlanIsNotClosedAgainNorChanged() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        Snapshot open = Snapshot.of(pupil);
        for (String reason : List.of("BORED", "", "no_longer_needed")) {
            close(pupil, planId, etag(pupil, planId), reason).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        OppCalls.as(pupil.staff("ib"), etag(pupil, planId)).body(Map.of()).post("/opps/{id}/closure", planId)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("reason"));
        open.assertUnchanged(pupil);

        close(pupil, planId, etag(pupil, planId), "NO_LONGER_NEEDED").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        Snapshot closed = Snapshot.of(pupil);
        problem(close(pupil, planId, etag(pupil, planId), "NO_LONGER_NEEDED"), 409, "plan-closed");
        problem(close(pupil, planId, etag(pupil, planId), "PUPIL_LEFT"), 409, "plan-closed");
        problem(revise(pupil, planId, etag(pupil, planId), Fixtures.planInput()), 409, "plan-closed");
        problem(edit(pupil, planId, 1, etag(pupil, planId), Fixtures.planInput()), 409, "not-a-draft");
        problem(addView(pupil.staff("teacher"), planId, 1, etag(pupil, planId), Map.of("kind", "PUPIL", "text",
                "fijn")), 409, "plan-closed");
        List<String> goals = goalIds(Fixtures.get(pupil.staff("ib"), planId));
        problem(evaluate(pupil, planId, 1, etag(pupil, planId), evaluation(TestClock.today(), goals)), 409,
                "not-established");
        closed.assertUnchanged(pupil);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Map<String, Object> document() {
        return new HashMap<>(Map.of("title", "Verslag psychologisch onderzoek", "kind", "ONDERZOEK",
                "uri", "https://dossier.example.nl/docs/123"));
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = OppCalls.copy(body);
        change.accept(copy);
        return copy;
    }
}
