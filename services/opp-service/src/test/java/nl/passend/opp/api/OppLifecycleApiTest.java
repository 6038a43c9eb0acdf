package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.opp.api.OppCalls.addDocument;
import static nl.passend.opp.api.OppCalls.addView;
import static nl.passend.opp.api.OppCalls.child;
import static nl.passend.opp.api.OppCalls.close;
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
import static nl.passend.opp.api.OppCalls.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.api.OppCalls.Snapshot;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * The OPP's life through the API: a draft edited, an established plan revised as a new version
 * while the old one stays in force, evaluations with the views given at them, views and documents,
 * closure, and the commissie van begeleiding's decision on a changed destination in SO/SBO.
 */
@QuarkusTest
class OppLifecycleApiTest {

    private static final LocalDate TODAY = TestClock.today();
    private static final String AFTER = "X-Passend-After";
    private static final String CONSISTENCY = "X-Passend-Consistency";

    @Test
    void editingADraftReplacesItsContentAndChangesTheETag() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.Plan created = Fixtures.createPlan(pupil);
        UUID planId = created.id();
        List<String> ids = goalIds(created.response());

        Map<String, Object> changed = plan(p -> {
            child(p, "perspective").put("expectedDestination", "HAVO");
            child(p, "perspective").put("rationale", "Leest en rekent boven verwachting.");
            child(p, "actionPart").put("support", "Verrijking in de plusgroep.");
            goals(p).get(0).put("id", ids.get(0));
            goals(p).get(0).put("description", "Rekent met breuken");
            goals(p).remove(1);
            goals(p).add(Fixtures.goal("INTERIM", "SPELLING", "2F"));
            goals(p).add(Fixtures.goal("FINAL", "WORK_ATTITUDE", null));
        });
        Response edited = edit(pupil, planId, 1, created.etag(), changed);
        edited.then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("currentVersion", equalTo(1))
                .body("current.content.perspective.expectedDestination", equalTo("HAVO"))
                .body("current.content.perspective.rationale", equalTo("Leest en rekent boven verwachting."))
                .body("current.content.actionPart.support", equalTo("Verrijking in de plusgroep."))
                .body("current.content.goals.domain", contains("MATHS", "SPELLING", "WORK_ATTITUDE"))
                .body("current.content.goals[0].description", equalTo("Rekent met breuken"))
                .body("current.content.goals[1].referenceLevel", equalTo("2F"))
                .body("versions", hasSize(1)).body("versions[0].expectedDestination", equalTo("HAVO"));
        String newEtag = edited.header("ETag");
        assertThat(newEtag).isNotNull().isNotEqualTo(created.etag());

        // the goal sent back keeps its id; the new goals get their own; the dropped one is gone
        List<String> after = goalIds(edited);
        assertThat(after.get(0)).isEqualTo(ids.get(0));
        assertThat(after).doesNotContainNull().doesNotHaveDuplicates().doesNotContain(ids.get(1));

        // what a reader sees afterwards is the edit, under the new ETag; the old ETag is stale
        Response read = Fixtures.get(pupil.staff("teacher"), planId);
        assertThat(read.header("ETag")).isEqualTo(newEtag);
        assertThat(JsonPath.from(read.asString()).getMap("current.content"))
                .isEqualTo(JsonPath.from(edited.asString()).getMap("current.content"));
        problem(edit(pupil, planId, 1, created.etag(), Fixtures.planInput()), 412, "stale-version");

        // a draft edited again: still version 1, one row
        edit(pupil, planId, 1, newEtag, Fixtures.planInput()).then().statusCode(200)
                .body("current.content.perspective.expectedDestination", equalTo("VMBO_KB"))
                .header("ETag", not(equalTo(newEtag)));
        assertThat(TestDb.count("select count(*) from opp_version where plan_id = ?", planId)).isEqualTo(1);
    }

    @Test
    void aRevisionIsANewDraftWhileTheEstablishedVersionStaysInForceUntilTheNewOneIsEstablished() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        Response v1 = version(pupil, planId, 1);
        v1.then().statusCode(200).body("status", equalTo("ESTABLISHED"));
        List<String> ids = v1.path("content.goals.id");

        Map<String, Object> revision = plan(p -> {
            child(p, "actionPart").put("support", "Twee keer per week RT buiten de groep.");
            goals(p).get(0).put("id", ids.get(0));
            goals(p).get(1).put("id", ids.get(1));
            goals(p).add(Fixtures.goal("INTERIM", "TECHNICAL_READING", "1F"));
        });
        Response revised = revise(pupil, planId, etag(pupil, planId), revision);
        revised.then().statusCode(201)
                .header("Location", endsWith("/opps/" + planId + "/versions/2"))
                .body("currentVersion", equalTo(2)).body("status", equalTo("DRAFT"))
                .body("inForceVersion", equalTo(1))
                .body("current.number", equalTo(2)).body("current.status", equalTo("DRAFT"))
                .body("current.consent.requestId", nullValue())
                .body("current.content.actionPart.support", equalTo("Twee keer per week RT buiten de groep."))
                .body("versions.number", contains(1, 2))
                .body("versions.status", contains("ESTABLISHED", "DRAFT"))
                .body("versions[0].supersededAt", notNullValue());
        assertThat(revised.header("ETag")).isNotNull();

        // goal ids sent back are kept; the new goal gets a new one
        List<String> v2Ids = goalIds(revised);
        assertThat(v2Ids).hasSize(3);
        assertThat(v2Ids.subList(0, 2)).isEqualTo(ids);
        assertThat(v2Ids.get(2)).isNotNull().isNotIn(ids);

        // version 1 is still readable, unchanged and in force
        Response v1After = version(pupil, planId, 1);
        v1After.then().statusCode(200).body("status", equalTo("ESTABLISHED")).body("supersededAt", notNullValue());
        assertThat(JsonPath.from(v1After.asString()).getMap("content"))
                .isEqualTo(JsonPath.from(v1.asString()).getMap("content"));
        assertThat((Object) v1After.path("establishedAt")).isEqualTo(v1.path("establishedAt"));
        version(pupil, planId, 2).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("content.goals.id", equalTo(v2Ids));
        // parents read both
        Fixtures.get(pupil.parent(), planId).then().statusCode(200).body("inForceVersion", equalTo(1));

        // version 1, in force, is still what gets evaluated meanwhile
        evaluate(pupil, planId, 1, etag(pupil, planId), evaluation(TODAY, ids)).then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("currentVersion", equalTo(2))
                .body("lastEvaluatedOn", equalTo(TODAY.toString()));
        version(pupil, planId, 1).then().body("status", equalTo("EVALUATED")).body("evaluations", hasSize(1));

        // version 2 needs the parents' consent again before the director can establish it
        problem(Fixtures.act(pupil.staff("director"), pupil, planId, 2, "establishment"), 409, "not-consented");
        UUID requestId = Fixtures.requestConsent(pupil, planId, 2);
        assertThat(requestId).isNotEqualTo(UUID.fromString(v1.path("consent.requestId")));
        Fixtures.get(pupil.staff("ib"), planId).then().body("status", equalTo("IN_DIALOGUE"))
                .body("inForceVersion", equalTo(1));
        Fixtures.decide(pupil, planId, 2, requestId, ConsentOutcome.GRANTED);
        Fixtures.awaitStatus(pupil, planId, "CONSENTED");
        Fixtures.get(pupil.staff("ib"), planId).then().body("inForceVersion", equalTo(1));

        Fixtures.act(pupil.staff("director"), pupil, planId, 2, "establishment").then().statusCode(200)
                .body("status", equalTo("ESTABLISHED")).body("inForceVersion", equalTo(2))
                .body("currentVersion", equalTo(2)).body("current.establishedAt", notNullValue())
                .body("versions.status", contains("EVALUATED", "ESTABLISHED"));
        // version 1 stays readable as it was; it is no longer the one evaluated
        version(pupil, planId, 1).then().statusCode(200).body("content.actionPart.support",
                equalTo(v1.path("content.actionPart.support")));
        Snapshot before = Snapshot.of(pupil);
        problem(evaluate(pupil, planId, 1, etag(pupil, planId), evaluation(TODAY, ids)), 409, "not-in-force");
        before.assertUnchanged(pupil);
        evaluate(pupil, planId, 2, etag(pupil, planId), evaluation(TODAY, v2Ids)).then().statusCode(201)
                .body("status", equalTo("EVALUATED"));
    }

    @Test
    void anEvaluationRecordsProgressPerGoalAndTheViewsGivenAtIt() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        List<String> ids = goalIds(Fixtures.get(pupil.staff("ib"), planId));
        Map<String, Object> body = evaluation(TODAY, ids);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> progress = (List<Map<String, Object>>) body.get("goalProgress");
        progress.get(0).put("progress", "ACHIEVED");
        progress.get(1).put("progress", "BEHIND");
        progress.get(1).put("note", "meer oefenen in de klas");
        String before = etag(pupil, planId);

        Response evaluated = evaluate(pupil, planId, 1, before, body);
        evaluated.then().statusCode(201)
                .body("status", equalTo("EVALUATED")).body("inForceVersion", equalTo(1))
                .body("lastEvaluatedOn", equalTo(TODAY.toString()))
                .body("current.status", equalTo("EVALUATED"))
                .body("current.evaluations", hasSize(1))
                .body("current.evaluations[0].evaluatedOn", equalTo(TODAY.toString()))
                .body("current.evaluations[0].changes", equalTo(body.get("changes")))
                .body("current.evaluations[0].recordedRole", equalTo("ib"))
                .body("current.evaluations[0].goalProgress.goalId", equalTo(ids))
                .body("current.evaluations[0].goalProgress.progress", contains("ACHIEVED", "BEHIND"))
                .body("current.evaluations[0].goalProgress[1].note", equalTo("meer oefenen in de klas"))
                .body("current.views", hasSize(2))
                .body("current.views.kind", containsInAnyOrder("PUPIL", "PARENTS"))
                .body("current.views.text", containsInAnyOrder(body.get("pupilView"), body.get("parentView")));
        assertThat(evaluated.header("ETag")).isNotEqualTo(before);
        String evaluationId = evaluated.path("current.evaluations[0].id");
        assertThat(evaluated.<List<String>>path("current.views.evaluationId")).containsOnly(evaluationId);
        assertThat(TestDb.count("select count(*) from opp_view where plan_id = ? and evaluation_id = ?::uuid",
                planId, evaluationId)).isEqualTo(2);
        assertThat(TestDb.count("select count(*) from opp_evaluation where plan_id = ? and version_number = 1",
                planId)).isEqualTo(1);
        // the established version itself is not edited by its evaluation
        version(pupil, planId, 1).then().body("content.goals.id", equalTo(ids)).body("establishedAt", notNullValue());

        // an evaluated version is evaluated again; without views, none are added
        Map<String, Object> second = evaluation(TODAY, ids);
        second.remove("pupilView");
        second.remove("parentView");
        evaluate(pupil, planId, 1, etag(pupil, planId), second).then().statusCode(201)
                .body("current.evaluations", hasSize(2)).body("current.views", hasSize(2));
    }

    @Test
    void viewsPerVersionAndDocumentsAppearInThePlan() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();

        Response pupilView = addView(pupil.staff("teacher"), planId, 1, etag(pupil, planId),
                Map.of("kind", "PUPIL", "text", "Ik wil graag aan een eigen tafel werken."));
        pupilView.then().statusCode(201).body("current.views", hasSize(1))
                .body("current.views[0].kind", equalTo("PUPIL"))
                .body("current.views[0].recordedRole", equalTo("teacher"))
                .body("current.views[0].evaluationId", nullValue());
        // the parents record their own view on their child's plan
        addView(pupil.parent(), planId, 1, pupilView.header("ETag"),
                Map.of("kind", "PARENTS", "text", "Wij steunen het plan.")).then().statusCode(201)
                .body("current.views.kind", contains("PUPIL", "PARENTS"))
                .body("current.views[1].recordedRole", equalTo("parent"));

        Response document = addDocument(pupil, planId, etag(pupil, planId), Map.of("title", "Verslag onderzoek",
                "kind", "ONDERZOEK", "uri", "https://dossier.example.nl/docs/42"));
        document.then().statusCode(201).body("documents", hasSize(1))
                .body("documents[0].title", equalTo("Verslag onderzoek"))
                .body("documents[0].kind", equalTo("ONDERZOEK"))
                .body("documents[0].uri", equalTo("https://dossier.example.nl/docs/42"))
                .body("documents[0].id", notNullValue()).body("documents[0].addedAt", notNullValue());

        Fixtures.get(pupil.staff("ib"), planId).then().statusCode(200)
                .header("ETag", equalTo(document.header("ETag")))
                .body("current.views.text", contains("Ik wil graag aan een eigen tafel werken.", "Wij steunen het plan."))
                .body("documents.uri", contains("https://dossier.example.nl/docs/42"));
        version(pupil, planId, 1).then().body("views", hasSize(2));

        // views belong to their version: version 2's list starts empty, version 1's stays readable
        Pupil other = Fixtures.pupil();
        UUID otherPlan = Fixtures.establishedPlan(other);
        addView(other.staff("ib"), otherPlan, 1, etag(other, otherPlan), Map.of("kind", "PUPIL", "text", "v1"))
                .then().statusCode(201);
        revise(other, otherPlan, etag(other, otherPlan), Fixtures.planInput()).then().statusCode(201)
                .body("current.views", hasSize(0));
        addView(other.staff("ib"), otherPlan, 2, etag(other, otherPlan), Map.of("kind", "PUPIL", "text", "v2"))
                .then().statusCode(201).body("current.views.text", contains("v2"));
        version(other, otherPlan, 1).then().body("views.text", contains("v1"));
        // documents belong to the plan, across versions
        addDocument(other, otherPlan, etag(other, otherPlan), Map.of("title", "Toetsoverzicht", "kind", "TOETS",
                "uri", "urn:isbn:9789024419326")).then().statusCode(201).body("documents", hasSize(1));
    }

    @Test
    void closingAPlanThatIsNoLongerNeeded() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        String before = etag(pupil, planId);
        Response closed = close(pupil, planId, before, "NO_LONGER_NEEDED");
        closed.then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedOn", equalTo(TODAY.toString())).body("closeReason", equalTo("NO_LONGER_NEEDED"))
                .body("current.status", equalTo("CLOSED")).body("firstEstablishedOn", equalTo(TODAY.toString()));
        assertThat(closed.header("ETag")).isNotEqualTo(before);
        Fixtures.get(pupil.parent(), planId).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedOn", equalTo(TODAY.toString()));
        // the plan stays readable; the pupil may get a new plan later
        version(pupil, planId, 1).then().statusCode(200).body("content.goals", hasSize(2));
        create(pupil, Fixtures.planInput()).then().statusCode(201).body("currentVersion", equalTo(1));
        assertThat(TestDb.count("select count(*) from opp_plan where pupil_id = ?", pupil.id())).isEqualTo(2);

        // the director may close a draft too
        Pupil other = Fixtures.pupil();
        UUID draft = Fixtures.createPlan(other).id();
        OppCalls.as(other.staff("director"), etag(other, draft)).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .post("/opps/{id}/closure", draft).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    // ---- SO/SBO: the commissie van begeleiding decides a change of destination -----------------

    @Test
    void inSoANewVersionThatChangesTheDestinationNeedsTheCommissionsDecision() {
        destinationChangeNeedsADecision(SchoolType.SO);
    }

    @Test
    void inSboANewVersionThatChangesTheDestinationNeedsTheCommissionsDecision() {
        destinationChangeNeedsADecision(SchoolType.SBO);
    }

    private void destinationChangeNeedsADecision(SchoolType type) {
        Pupil pupil = Fixtures.pupil(Fixtures.school(type), TODAY.minusMonths(3));
        UUID planId = Fixtures.establishedPlan(pupil);

        Snapshot before = Snapshot.of(pupil);
        problem(revise(pupil, planId, etag(pupil, planId), Fixtures.planInput("PRO")), 422,
                "destination-decision-required");
        before.assertUnchanged(pupil);

        Map<String, Object> decided = copyWithDecision("PRO", TODAY.minusDays(2), "CvB 2026-14");
        Response revised = revise(pupil, planId, etag(pupil, planId), decided);
        revised.then().statusCode(201)
                .body("current.content.perspective.expectedDestination", equalTo("PRO"))
                .body("current.destinationDecision.date", equalTo(TODAY.minusDays(2).toString()))
                .body("current.destinationDecision.reference", equalTo("CvB 2026-14"))
                .body("versions.expectedDestination", contains("VMBO_KB", "PRO"));
        version(pupil, planId, 2).then().body("destinationDecision.reference", equalTo("CvB 2026-14"));
        version(pupil, planId, 1).then().body("destinationDecision", nullValue());

        // editing the draft keeps needing the decision as long as it differs from version 1
        Snapshot draft = Snapshot.of(pupil);
        problem(edit(pupil, planId, 2, etag(pupil, planId), Fixtures.planInput("PRO")), 422,
                "destination-decision-required");
        draft.assertUnchanged(pupil);
        // back to version 1's destination: no decision needed, and none is kept
        edit(pupil, planId, 2, etag(pupil, planId), Fixtures.planInput("VMBO_KB")).then().statusCode(200)
                .body("current.destinationDecision", nullValue());

        // an unchanged destination in a new version needs no decision
        Pupil same = Fixtures.pupil(pupil.school(), TODAY.minusMonths(3));
        UUID samePlan = Fixtures.establishedPlan(same);
        revise(same, samePlan, etag(same, samePlan), Fixtures.planInput("VMBO_KB")).then().statusCode(201)
                .body("current.destinationDecision", nullValue());
    }

    @Test
    void inARegularSchoolNoDecisionIsNeededToChangeTheDestination() {
        Pupil pupil = Fixtures.pupil(Fixtures.school(SchoolType.BAO), TODAY.minusMonths(3));
        UUID planId = Fixtures.establishedPlan(pupil);
        revise(pupil, planId, etag(pupil, planId), Fixtures.planInput("PRO")).then().statusCode(201)
                .body("current.content.perspective.expectedDestination", equalTo("PRO"))
                .body("current.destinationDecision", nullValue())
                .body("versions.expectedDestination", contains("VMBO_KB", "PRO"));
        edit(pupil, planId, 2, etag(pupil, planId), Fixtures.planInput("HAVO")).then().statusCode(200)
                .body("current.content.perspective.expectedDestination", equalTo("HAVO"));
    }

    private static Map<String, Object> copyWithDecision(String destination, LocalDate date, String reference) {
        Map<String, Object> body = OppCalls.copy(Fixtures.planInput(destination));
        body.put("destinationDecision", new HashMap<>(Map.of("date", date.toString(), "reference",
                reference)));
        return body;
    }

    // --- read-your-writes after a sync ---

    @Test
    void aReadAfterASyncWaitsForThePupilInsteadOfAnswering404() throws Exception {
        Fixtures.School school = Fixtures.school(SchoolType.BAO);
        String teacher = Fixtures.staff("teacher", school.code());
        UUID pupilId = UUID.randomUUID();
        EventEnvelope enrolled = EventJson.envelope(EventType.PUPIL_ENROLLED, TestEvents.sourceOf(Topics.PUPIL),
                pupilId.toString(), school.code(), new PupilEnrolled(pupilId, UUID.randomUUID(), school.code(), 4,
                        TODAY.minusMonths(1)), TestClock.now());
        // without the token, a pupil opp-service has not heard of yet is a 404, as before
        problem(given().auth().oauth2(teacher).get("/pupils/{id}/opps", pupilId), 404, "not-found");

        CompletableFuture<Response> read = CompletableFuture.supplyAsync(() -> given().auth().oauth2(teacher)
                .header(AFTER, enrolled.id()).get("/pupils/{id}/opps", pupilId));
        TestEvents.sendRaw(Topics.PUPIL, pupilId.toString(), EventJson.write(enrolled));
        read.get(30, TimeUnit.SECONDS).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void aReadAfterAnEventThatDoesNotArriveIs503AndAMalformedTokenIs400() {
        Pupil pupil = Fixtures.pupil();
        String teacher = pupil.staff("teacher");
        long start = System.nanoTime();
        Response late = given().auth().oauth2(teacher).header(AFTER, UUID.randomUUID().toString())
                .get("/pupils/{id}/opps", pupil.id());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        problem(late, 503, "not-yet-synced");
        assertThat(late.header("Retry-After")).isEqualTo("1");

        for (String malformed : List.of("42", "not-an-event", UUID.randomUUID() + "x", "1-1-1-1-1")) {
            problem(given().auth().oauth2(teacher).header(AFTER, malformed).get("/pupils/{id}/opps", pupil.id()),
                    400, "invalid-consistency-token");
        }
    }

    @Test
    void aWriteAnswersWithItsEventAndTheServiceReadsItsOwnWriteAtOnce() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.Plan created = Fixtures.createPlan(pupil);
        String token = created.response().header(CONSISTENCY);
        assertThat(token).isEqualTo(TestDb.string(
                "select event_id::text from outbox_event where event_key = ? order by seq desc limit 1", pupil.id().toString()));
        given().auth().oauth2(pupil.staff("teacher")).header(AFTER, token).get("/opps/{id}", created.id())
                .then().statusCode(200);
        // a read writes nothing: no token
        assertThat(Fixtures.get(pupil.staff("teacher"), created.id()).header(CONSISTENCY)).isNull();
    }
}
