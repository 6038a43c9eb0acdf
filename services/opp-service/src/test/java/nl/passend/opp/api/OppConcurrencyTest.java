package nl.passend.opp.api;

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
import static nl.passend.opp.api.OppCalls.plan;
import static nl.passend.opp.api.OppCalls.problem;
import static nl.passend.opp.api.OppCalls.revise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.passend.events.EventType;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.api.OppCalls.Snapshot;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No lost update: every change needs If-Match (428 without, 412 when stale), and of two writers
 * with the same ETag exactly one wins; the other gets 412, never a 500, and what is stored is the
 * winner's. Two parallel creates for one pupil: one plan.
 */
@QuarkusTest
class OppConcurrencyTest {

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
    void everyChangeNeedsTheCurrentETag() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.Plan created = Fixtures.createPlan(pupil);
        UUID draft = created.id();
        // a stale ETag: the plan's ETag before its last change
        edit(pupil, draft, 1, created.etag(), Fixtures.planInput("HAVO")).then().statusCode(200);
        String stale = created.etag();

        Map<String, Function<String, Response>> changes = new LinkedHashMap<>();
        changes.put("edit", m -> edit(pupil, draft, 1, m, Fixtures.planInput("VWO")));
        changes.put("consent-request", m -> consentRequest(pupil, draft, 1, m));
        changes.put("view", m -> addView(pupil.staff("ib"), draft, 1, m, Map.of("kind", "PUPIL", "text", "fijn")));
        changes.put("parents' view", m -> addView(pupil.parent(), draft, 1, m, Map.of("kind", "PARENTS",
                "text", "goed")));
        changes.put("document", m -> addDocument(pupil, draft, m, Map.of("title", "Verslag", "kind", "ONDERZOEK",
                "uri", "https://dossier.example.nl/1")));
        changes.put("closure", m -> close(pupil, draft, m, "NO_LONGER_NEEDED"));
        Snapshot before = Snapshot.of(pupil);
        for (var change : changes.entrySet()) {
            assertRefusedWithoutCurrentETag(change.getKey(), change.getValue(), stale);
        }
        before.assertUnchanged(pupil);

        Pupil other = Fixtures.pupil();
        UUID established = Fixtures.establishedPlan(other);
        List<String> goals = goalIds(Fixtures.get(other.staff("ib"), established));
        String staleEstablished = etag(other, established);
        addView(other.staff("ib"), established, 1, staleEstablished, Map.of("kind", "PUPIL", "text", "fijn"))
                .then().statusCode(201);
        Map<String, Function<String, Response>> later = new LinkedHashMap<>();
        later.put("new version", m -> revise(other, established, m, Fixtures.planInput()));
        later.put("evaluation", m -> evaluate(other, established, 1, m, evaluation(TestClock.today(), goals)));
        later.put("establishment", m -> OppCalls.as(other.staff("director"), m)
                .post("/opps/{id}/versions/1/establishment", established));
        later.put("closure", m -> close(other, established, m, "NO_LONGER_NEEDED"));
        Snapshot beforeEstablished = Snapshot.of(other);
        for (var change : later.entrySet()) {
            assertRefusedWithoutCurrentETag(change.getKey(), change.getValue(), staleEstablished);
        }
        beforeEstablished.assertUnchanged(other);

        // weak and list forms of the current ETag, and *, are accepted
        String current = etag(pupil, draft);
        edit(pupil, draft, 1, "W/" + current, Fixtures.planInput()).then().statusCode(200);
        edit(pupil, draft, 1, stale + ", " + etag(pupil, draft), Fixtures.planInput()).then().statusCode(200);
        edit(pupil, draft, 1, "*", Fixtures.planInput()).then().statusCode(200);
    }

    private static void assertRefusedWithoutCurrentETag(String what, Function<String, Response> change, String stale) {
        problem(change.apply(null), 428, "if-match-required");
        problem(change.apply(""), 428, "if-match-required");
        problem(change.apply(stale), 412, "stale-version");
        problem(change.apply("\"999999\""), 412, "stale-version");
        problem(change.apply("not-an-etag"), 412, "stale-version");
    }

    // ---- parallel writers -------------------------------------------------------------------------

    @Test
    void ofTwoParallelEditsWithTheSameETagExactlyOneWinsAndItsContentIsStored() throws Exception {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        for (int round = 0; round < 10; round++) {
            String etag = etag(pupil, planId);
            String a = "round " + round + ": A";
            String b = "round " + round + ": B";
            Map<String, Object> bodyA = plan(p -> child(p, "perspective").put("rationale", a));
            Map<String, Object> bodyB = plan(p -> {
                child(p, "perspective").put("rationale", b);
                child(p, "perspective").put("expectedDestination", "HAVO");
            });
            String teacherA = pupil.staff("teacher");
            String teacherB = pupil.staff("ib");
            List<Response> answers = race(
                    () -> OppCalls.as(teacherA, etag).body(bodyA).put("/opps/{id}/versions/1", planId),
                    () -> OppCalls.as(teacherB, etag).body(bodyB).put("/opps/{id}/versions/1", planId));

            Response winner = oneWinner("round " + round, answers, 200);
            String won = winner.path("current.content.perspective.rationale");
            assertThat(won).isIn(a, b);
            Response stored = Fixtures.get(pupil.staff("ib"), planId);
            assertThat(stored.<String>path("current.content.perspective.rationale")).isEqualTo(won);
            assertThat(stored.<String>path("current.content.perspective.expectedDestination"))
                    .isEqualTo(won.equals(a) ? "VMBO_KB" : "HAVO");
            assertThat(stored.header("ETag")).isEqualTo(winner.header("ETag")).isNotEqualTo(etag);
        }
        assertThat(TestDb.count("select count(*) from opp_version where plan_id = ?", planId)).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.edit'",
                pupil.id())).isEqualTo(10);
    }

    @Test
    void ofAParallelConsentRequestAndEditWithTheSameETagExactlyOneWins() throws Exception {
        for (int round = 0; round < 4; round++) {
            Pupil pupil = Fixtures.pupil();
            UUID planId = Fixtures.createPlan(pupil).id();
            String etag = etag(pupil, planId);
            String edited = "round " + round + ": edited";
            Map<String, Object> body = plan(p -> child(p, "perspective").put("rationale", edited));
            String ib = pupil.staff("ib");
            String teacher = pupil.staff("teacher");
            List<Response> answers = race(
                    () -> OppCalls.as(ib, etag).post("/opps/{id}/versions/1/consent-request", planId),
                    () -> OppCalls.as(teacher, etag).body(body).put("/opps/{id}/versions/1", planId));

            Response winner = oneWinner("round " + round, answers, 200);
            boolean consentWon = winner == answers.get(0);
            Response stored = Fixtures.get(ib, planId);
            assertThat(stored.header("ETag")).isEqualTo(winner.header("ETag"));
            long requests = TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ?",
                    pupil.id().toString(), EventType.OPP_CONSENT_REQUESTED.type());
            long edits = TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.edit'",
                    pupil.id());
            if (consentWon) {
                assertThat(stored.<String>path("status")).isEqualTo("IN_DIALOGUE");
                assertThat(stored.<String>path("current.content.perspective.rationale")).isNotEqualTo(edited);
                assertThat(requests).isEqualTo(1);
                assertThat(edits).isZero();
            } else {
                assertThat(stored.<String>path("status")).isEqualTo("DRAFT");
                assertThat(stored.<String>path("current.content.perspective.rationale")).isEqualTo(edited);
                assertThat(stored.<Object>path("current.consent.requestId")).isNull();
                assertThat(requests).isZero();
                assertThat(edits).isEqualTo(1);
            }
        }
    }

    @Test
    void ofTwoParallelCreatesForOnePupilExactlyOneMakesThePlan() throws Exception {
        for (int round = 0; round < 6; round++) {
            Pupil pupil = Fixtures.pupil();
            Map<String, Object> bodyA = plan(p -> child(p, "perspective").put("rationale", "A"));
            Map<String, Object> bodyB = plan(p -> child(p, "perspective").put("rationale", "B"));
            List<Response> answers = race(() -> create(pupil, bodyA), () -> create(pupil, bodyB));

            Response winner = oneWinner("round " + round, answers, 201, 409, "plan-exists");
            assertThat(TestDb.count("select count(*) from opp_plan where pupil_id = ?", pupil.id())).isEqualTo(1);
            assertThat(TestDb.count("select count(*) from opp_version where plan_id in "
                    + "(select id from opp_plan where pupil_id = ?)", pupil.id())).isEqualTo(1);
            assertThat(TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ?",
                    pupil.id().toString(), EventType.OPP_DRAFTED.type())).isEqualTo(1);
            Response stored = Fixtures.get(pupil.staff("ib"), UUID.fromString(winner.path("id")));
            assertThat(stored.<String>path("current.content.perspective.rationale"))
                    .isEqualTo(winner.<String>path("current.content.perspective.rationale"));
        }
    }

    @Test
    void ofTwoParallelRevisionsOrEvaluationsWithTheSameETagExactlyOneIsRecorded() throws Exception {
        for (int round = 0; round < 3; round++) {
            Pupil pupil = Fixtures.pupil();
            UUID planId = Fixtures.establishedPlan(pupil);
            List<String> goals = goalIds(Fixtures.get(pupil.staff("ib"), planId));
            String etag = etag(pupil, planId);
            String ib = pupil.staff("ib");
            String teacher = pupil.staff("teacher");
            Map<String, Object> evaluationA = evaluation(TestClock.today(), goals);
            Map<String, Object> evaluationB = evaluation(TestClock.today(), goals);
            evaluationB.put("changes", "B");
            List<Response> evaluations = race(
                    () -> OppCalls.as(ib, etag).body(evaluationA).post("/opps/{id}/versions/1/evaluations", planId),
                    () -> OppCalls.as(teacher, etag).body(evaluationB).post("/opps/{id}/versions/1/evaluations",
                            planId));
            Response evaluated = oneWinner("evaluations, round " + round, evaluations, 201);
            assertThat(TestDb.count("select count(*) from opp_evaluation where plan_id = ?", planId)).isEqualTo(1);
            // the two views of the winner only
            assertThat(TestDb.count("select count(*) from opp_view where plan_id = ?", planId)).isEqualTo(2);
            Fixtures.get(ib, planId).then().header("ETag", evaluated.header("ETag"));

            String next = etag(pupil, planId);
            Map<String, Object> revisionA = plan(p -> child(p, "perspective").put("rationale", "A"));
            Map<String, Object> revisionB = plan(p -> child(p, "perspective").put("rationale", "B"));
            List<Response> revisions = race(
                    () -> OppCalls.as(ib, next).body(revisionA).post("/opps/{id}/versions", planId),
                    () -> OppCalls.as(teacher, next).body(revisionB).post("/opps/{id}/versions", planId));
            Response revised = oneWinner("revisions, round " + round, revisions, 201);
            assertThat(TestDb.count("select count(*) from opp_version where plan_id = ?", planId)).isEqualTo(2);
            Fixtures.get(ib, planId).then().header("ETag", revised.header("ETag"))
                    .body("currentVersion", equalTo(2))
                    .body("current.content.perspective.rationale",
                            equalTo(revised.path("current.content.perspective.rationale")));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Runs both calls at the same moment; returns their answers in the order given. */
    @SafeVarargs
    private static List<Response> race(Callable<Response>... calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (Callable<Response> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** Exactly one answer has {@code status}; every other is a 412 stale-version problem, never a 5xx. */
    private static Response oneWinner(String round, List<Response> answers, int status) {
        return oneWinner(round, answers, status, 412, "stale-version");
    }

    /** Exactly one answer has {@code status}; every other is the given problem, never a 5xx. */
    private static Response oneWinner(String round, List<Response> answers, int status, int loserStatus,
            String loserSlug) {
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).as(round + ": " + answers.stream().map(Response::asString).toList())
                .allMatch(s -> s < 500).containsOnlyOnce(status);
        Response winner = answers.stream().filter(r -> r.statusCode() == status).findFirst().orElseThrow();
        for (Response loser : answers) {
            if (loser != winner) {
                loser.then().contentType(PROBLEM_JSON);
                problem(loser, loserStatus, loserSlug);
            }
        }
        return winner;
    }
}
