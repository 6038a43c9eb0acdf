package nl.passend.support.api;

import static nl.passend.support.AccessCalls.as;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.AuditTrail.auditByActor;
import static nl.passend.support.AccessCalls.staff;
import static nl.passend.support.AccessCalls.subject;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.opp.OppChanged;
import nl.passend.support.AccessCalls;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.support.service.SupportSignals;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every read and write of a pupil's support data leaves an audit_log row per pupil in the
 * transaction of the access (who, acting role, which pupil, what, why); the signal job's changes are
 * audited as the system; a refused or failed access leaves none.
 */
@QuarkusTest
class SupportAuditTest {

    @Inject
    SupportSignals signals;

    private static Response changeLevel(String token, Pupil pupil, String etag, Map<String, Object> change) {
        var request = as(token).body(change);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.post("/pupils/{id}/support-level", pupil.id());
    }

    // ---- levels --------------------------------------------------------------------------------

    @Test
    void levelReadsChangesCorrectionsAndTheHistoryAreAuditedUnderTheIb() {
        Pupil pupil = Fixtures.pupil();
        String ib = subject("ib");
        String token = staff(ib, "ib", pupil.schoolCode());

        as(token).get("/pupils/{id}/support-level", pupil.id()).then().statusCode(200);
        Response first = changeLevel(token, pupil, "\"0\"", Fixtures.levelChange("LEVEL_2",
                TestClock.today().minusMonths(2)));
        first.then().statusCode(201);
        Response second = changeLevel(token, pupil, first.header("ETag"), Fixtures.levelChange("LEVEL_3",
                TestClock.today().minusMonths(1)));
        second.then().statusCode(201);
        Map<String, Object> correction = Fixtures.levelChange("LEVEL_1", TestClock.today().minusMonths(1));
        correction.put("correctsEntryId", second.path("entry.id"));
        changeLevel(token, pupil, second.header("ETag"), correction).then().statusCode(201);
        as(token).get("/pupils/{id}/support-level/history", pupil.id()).then().statusCode(200)
                .body("size()", equalTo(3));

        List<AuditRow> rows = audit(pupil.id(), ib);
        assertThat(rows).extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::pupilId, AuditRow::action)
                .containsExactly(
                        tuple(ib, "ib", pupil.id(), "support.level.read"),
                        tuple(ib, "ib", pupil.id(), "support.level.change"),
                        tuple(ib, "ib", pupil.id(), "support.level.change"),
                        tuple(ib, "ib", pupil.id(), "support.level.correct"),
                        tuple(ib, "ib", pupil.id(), "support.level.history"));
        assertThat(rows.get(1).reason()).endsWith("-> LEVEL_2");
        assertThat(rows.get(2).reason()).isEqualTo("LEVEL_2 -> LEVEL_3");
        // the correction replaces LEVEL_3: from what the pupil was at before it
        assertThat(rows.get(3).reason()).isEqualTo("LEVEL_2 -> LEVEL_1");
        assertThat(audit(pupil.id())).isEqualTo(rows);
    }

    @Test
    void readsAreAuditedInTheRoleTheCallerReadsUnder() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.changeLevel(pupil, "LEVEL_2", TestClock.today().minusMonths(1)).then().statusCode(201);
        DirectoryEvents.Professional professional = AccessCalls.linkProfessional(pupil);
        String teacher = subject("teacher");
        String director = subject("director");
        String ibAndTeacher = subject("ib");

        for (String token : List.of(staff(teacher, "teacher", pupil.schoolCode()),
                staff(director, "director", pupil.schoolCode()), professional.token(), pupil.parent(),
                TestTokens.subject(ibAndTeacher).roles("teacher", "ib").schools(pupil.schoolCode()).sign())) {
            as(token).get("/pupils/{id}/support-level", pupil.id()).then().statusCode(200);
            as(token).get("/pupils/{id}/support-level/history", pupil.id()).then().statusCode(200);
            as(token).get("/pupils/{id}/interventions", pupil.id()).then().statusCode(200);
        }

        for (String[] actorRole : new String[][] {{teacher, "teacher"}, {director, "director"},
                {professional.account(), "care-professional"}, {pupil.parentAccount(), "parent"},
                {ibAndTeacher, "ib"}}) {
            String role = actorRole[1];
            assertThat(audit(pupil.id(), actorRole[0])).as(role)
                    .extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                    .containsExactly(tuple(role, "support.level.read", null), tuple(role, "support.level.history", null),
                            tuple(role, "support.intervention.list", null));
        }
    }

    // ---- interventions -------------------------------------------------------------------------

    @Test
    void aBatchWritesOneRowPerPupilOfEachInterventionAndSessionAllOrNothing() {
        String school = Fixtures.school();
        Pupil first = Fixtures.pupil(school);
        Pupil second = Fixtures.pupil(school);
        Pupil third = Fixtures.pupil(school);
        String teacher = subject("teacher");
        String token = staff(teacher, "teacher", school);
        List<Map<String, Object>> interventions = List.of(
                Fixtures.intervention("group", "MATHS", List.of(first.id(), second.id(), third.id())),
                Fixtures.intervention("solo", "READING", List.of(first.id())));
        LocalDate heldOn = TestClock.today().minusWeeks(3);
        List<Map<String, Object>> sessions = List.of(AccessCalls.session("group", heldOn));

        Fixtures.batch(token, school, interventions, sessions).then().statusCode(200);

        String session = "MATHS SMALL_GROUP_TRAINING " + heldOn;
        assertThat(audit(first.id(), teacher)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactlyInAnyOrder(tuple("teacher", "support.intervention.record", "MATHS SMALL_GROUP_TRAINING"),
                        tuple("teacher", "support.intervention.record", "READING SMALL_GROUP_TRAINING"),
                        tuple("teacher", "support.intervention.session", session));
        for (Pupil pupil : List.of(second, third)) {
            assertThat(audit(pupil.id(), teacher)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                    .containsExactlyInAnyOrder(
                            tuple("teacher", "support.intervention.record", "MATHS SMALL_GROUP_TRAINING"),
                            tuple("teacher", "support.intervention.session", session));
        }
        assertThat(auditByActor(teacher)).hasSize(7);

        // the app sends it again: nothing new was recorded, so nothing new is audited
        Fixtures.batch(token, school, interventions, sessions).then().statusCode(200)
                .body("interventions.outcome", containsInAnyOrder("UNCHANGED", "UNCHANGED"));
        assertThat(auditByActor(teacher)).hasSize(7);

        // a later session alone, by the IB'er, is a change of the group's data too
        String ib = subject("ib");
        Fixtures.batch(staff(ib, "ib", school), school, List.of(),
                List.of(AccessCalls.session("group", heldOn.plusDays(2)))).then().statusCode(200);
        assertThat(auditByActor(ib)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactlyInAnyOrder(tuple(first.id(), "ib", "support.intervention.session"),
                        tuple(second.id(), "ib", "support.intervention.session"),
                        tuple(third.id(), "ib", "support.intervention.session"));

        // a batch whose last item fails records nothing, and audits nothing, of its first
        String failing = subject("teacher");
        Response refused = Fixtures.batch(staff(failing, "teacher", school), school, List.of(
                Fixtures.intervention("fine", "READING", List.of(second.id())),
                Fixtures.intervention("broken", "READING", List.of(UUID.randomUUID()))), List.of());
        assertProblem(refused, 422, "pupil-not-at-school");
        assertThat(auditByActor(failing)).isEmpty();
        assertThat(TestDb.count("select count(*) from intervention where school_code = ? and app_id = 'fine'", school))
                .isZero();
    }

    @Test
    void interventionReadsListsAndTheEvaluationAreAuditedPerPupilTheCallerSees() {
        String school = Fixtures.school();
        Pupil first = Fixtures.pupil(school);
        Pupil second = Fixtures.pupil(school);
        UUID group = AccessCalls.recordIntervention(Fixtures.staff("teacher", school), school, "READING",
                List.of(first.id(), second.id()));

        String ib = subject("ib");
        String ibToken = staff(ib, "ib", school);
        String etag = AccessCalls.interventionEtag(group, ibToken);
        assertThat(auditByActor(ib)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactlyInAnyOrder(tuple(first.id(), "ib", "support.intervention.read"),
                        tuple(second.id(), "ib", "support.intervention.read"));

        as(first.parent()).get("/interventions/{id}", group).then().statusCode(200);
        assertThat(auditByActor(first.parentAccount()))
                .extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple(first.id(), "parent", "support.intervention.read"));

        String teacher = subject("teacher");
        as(staff(teacher, "teacher", school)).get("/pupils/{id}/interventions", second.id()).then().statusCode(200);
        assertThat(auditByActor(teacher)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple(second.id(), "teacher", "support.intervention.list"));

        String evaluator = subject("teacher");
        AccessCalls.evaluateIntervention(staff(evaluator, "teacher", school), group, etag, "NOT_ACHIEVED").then()
                .statusCode(200);
        assertThat(auditByActor(evaluator))
                .extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactlyInAnyOrder(
                        tuple(first.id(), "teacher", "support.intervention.evaluate", "NOT_ACHIEVED"),
                        tuple(second.id(), "teacher", "support.intervention.evaluate", "NOT_ACHIEVED"));
    }

    // ---- action plans --------------------------------------------------------------------------

    @Test
    void anActionPlansStartReadsEvaluationAndEndAreAuditedPerPupil() {
        String school = Fixtures.school();
        Pupil first = Fixtures.pupil(school);
        Pupil second = Fixtures.pupil(school);
        for (Pupil pupil : List.of(first, second)) {
            Fixtures.changeLevel(pupil, "LEVEL_3", TestClock.today().minusMonths(2)).then().statusCode(201);
        }
        String ib = subject("ib");
        String ibToken = staff(ib, "ib", school);

        Response started = AccessCalls.startActionPlan(ibToken, school, List.of(first.id(), second.id()));
        started.then().statusCode(201);
        String planId = started.path("id");
        Response evaluated = AccessCalls.evaluateActionPlan(ibToken, UUID.fromString(planId), started.header("ETag"),
                false);
        evaluated.then().statusCode(200);
        AccessCalls.evaluateActionPlan(ibToken, UUID.fromString(planId), evaluated.header("ETag"), true).then()
                .statusCode(200);

        for (Pupil pupil : List.of(first, second)) {
            assertThat(audit(pupil.id(), ib)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                    .containsExactly(tuple("ib", "support.action-plan.start", planId),
                            tuple("ib", "support.action-plan.evaluate", planId),
                            tuple("ib", "support.action-plan.end", planId));
        }

        String director = subject("director");
        as(staff(director, "director", school)).get("/action-plans/{id}", planId).then().statusCode(200);
        assertThat(auditByActor(director)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action,
                AuditRow::reason).containsExactlyInAnyOrder(
                        tuple(first.id(), "director", "support.action-plan.read", planId),
                        tuple(second.id(), "director", "support.action-plan.read", planId));

        String teacher = subject("teacher");
        as(staff(teacher, "teacher", school)).get("/pupils/{id}/action-plans", second.id()).then().statusCode(200)
                .body("size()", equalTo(1));
        assertThat(auditByActor(teacher)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple(second.id(), "teacher", "support.action-plan.list"));
    }

    // ---- signals -------------------------------------------------------------------------------

    @Test
    void theSignalListWritesOneRowPerPupilListed() {
        String school = Fixtures.school();
        Pupil late = Fixtures.pupil(school);
        Pupil recent = Fixtures.pupil(school);
        Pupil stuck = Fixtures.pupil(school);
        Fixtures.changeLevel(late, "LEVEL_4", TestClock.today().minusWeeks(7)).then().statusCode(201);
        Fixtures.changeLevel(recent, "LEVEL_4", TestClock.today().minusWeeks(1)).then().statusCode(201);
        notAchievedThreeTimes(school, stuck, "READING");
        notAchievedThreeTimes(school, stuck, "MATHS");

        for (String role : List.of("ib", "director")) {
            String actor = subject(role);
            List<String> listed = as(staff(actor, role, school)).get("/schools/{code}/support-signals", school).then()
                    .statusCode(200).extract().jsonPath().getList("pupilId", String.class);
            assertThat(listed).containsExactlyInAnyOrder(late.id().toString(), stuck.id().toString(),
                    stuck.id().toString());
            assertThat(auditByActor(actor)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                    .containsExactlyInAnyOrder(tuple(late.id(), role, "support.signal.list"),
                            tuple(stuck.id(), role, "support.signal.list"));
        }
    }

    /** Three interventions of the pupil in one domain, each evaluated NOT_ACHIEVED today. */
    private static void notAchievedThreeTimes(String school, Pupil pupil, String domain) {
        String teacher = Fixtures.staff("teacher", school);
        for (int i = 0; i < 3; i++) {
            UUID id = AccessCalls.recordIntervention(teacher, school, domain, List.of(pupil.id()));
            AccessCalls.evaluateIntervention(teacher, id, AccessCalls.interventionEtag(id, teacher), "NOT_ACHIEVED")
                    .then().statusCode(200);
        }
    }

    @Test
    void theSignalJobAuditsWhatItRaisesAndResolvesAsTheSystem() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.changeLevel(pupil, "LEVEL_4", TestClock.today().minusWeeks(7)).then().statusCode(201);
        String job = "support-level-service/signals";

        signals.publish();
        assertThat(audit(pupil.id(), job)).extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::pupilId,
                AuditRow::action).containsExactly(tuple(job, "system", pupil.id(), "support.signal.raise"));
        assertThat(audit(pupil.id(), job).get(0).reason()).startsWith("LEVEL_4_WITHOUT_OPP");
        signals.publish();
        assertThat(audit(pupil.id(), job)).hasSize(1);

        TestEvents.send(EventType.OPP_ESTABLISHED, pupil.id().toString(), pupil.schoolCode(),
                new OppChanged(UUID.randomUUID(), pupil.id(), pupil.schoolCode(), 1, OppStatus.ESTABLISHED,
                        ExpectedDestination.VMBO_BB, null, TestClock.today()));
        TestDb.awaitCount("select count(*) from pupil_support where pupil_id = ? and opp_in_force", 1, pupil.id());
        signals.publish();
        assertThat(audit(pupil.id(), job)).extracting(AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple("system", "support.signal.raise"), tuple("system", "support.signal.resolve"));
        assertThat(audit(pupil.id(), job).get(1).reason()).startsWith("LEVEL_4_WITHOUT_OPP");
    }

    // ---- refused and failed requests leave no row ----------------------------------------------

    @Test
    void aRefusedRequestWritesNoAuditRowForTheRefusedCaller() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil otherChild = Fixtures.pupil(school);
        Fixtures.changeLevel(pupil, "LEVEL_3", TestClock.today().minusMonths(2)).then().statusCode(201);
        UUID group = AccessCalls.recordIntervention(Fixtures.staff("teacher", school), school, "READING",
                List.of(pupil.id()));
        UUID plan = AccessCalls.actionPlan(school, List.of(pupil.id()));
        String otherSchool = Fixtures.school();
        DirectoryEvents.Professional notLinked = AccessCalls.linkProfessional(otherChild);
        int before = audit(pupil.id()).size();

        List<String> actors = new ArrayList<>();
        String teacherElsewhere = refusedActor(actors, "teacher");
        assertProblem(as(staff(teacherElsewhere, "teacher", otherSchool)).get("/pupils/{id}/support-level",
                pupil.id()), 404, "not-found");
        assertProblem(as(staff(teacherElsewhere, "teacher", otherSchool)).get("/interventions/{id}", group), 404,
                "not-found");
        String ibElsewhere = refusedActor(actors, "ib");
        String ibElsewhereToken = staff(ibElsewhere, "ib", otherSchool);
        assertProblem(changeLevel(ibElsewhereToken, pupil, "*", Fixtures.levelChange("LEVEL_4", TestClock.today())),
                404, "not-found");
        assertProblem(AccessCalls.startActionPlan(ibElsewhereToken, school, List.of(pupil.id())), 404, "not-found");
        assertProblem(as(ibElsewhereToken).get("/action-plans/{id}", plan), 404, "not-found");
        assertProblem(AccessCalls.evaluateActionPlan(ibElsewhereToken, plan, "*", true), 404, "not-found");
        assertProblem(AccessCalls.evaluateIntervention(ibElsewhereToken, group, "*", "ACHIEVED"), 404, "not-found");
        String directorElsewhere = refusedActor(actors, "director");
        assertProblem(as(staff(directorElsewhere, "director", otherSchool)).get("/schools/{c}/support-signals",
                school), 404, "not-found");
        assertProblem(as(staff(directorElsewhere, "director", otherSchool)).get("/pupils/{id}/action-plans",
                pupil.id()), 404, "not-found");
        assertProblem(as(otherChild.parent()).get("/pupils/{id}/support-level/history", pupil.id()), 404, "not-found");
        assertProblem(as(otherChild.parent()).get("/interventions/{id}", group), 404, "not-found");
        actors.add(otherChild.parentAccount());
        assertProblem(as(notLinked.token()).get("/pupils/{id}/interventions", pupil.id()), 404, "not-found");
        actors.add(notLinked.account());

        assertProblem(Fixtures.batch(pupil.parent(), school, List.of(Fixtures.intervention("p", "READING",
                List.of(pupil.id()))), List.of()), 403, "forbidden");
        assertProblem(AccessCalls.evaluateIntervention(pupil.parent(), group, "*", "ACHIEVED"), 403, "forbidden");
        String teacher = refusedActor(actors, "teacher");
        assertProblem(changeLevel(staff(teacher, "teacher", school), pupil, "*",
                Fixtures.levelChange("LEVEL_4", TestClock.today())), 403, "forbidden");
        assertProblem(AccessCalls.startActionPlan(staff(teacher, "teacher", school), school, List.of(pupil.id())), 403,
                "forbidden");
        assertProblem(as(staff(teacher, "teacher", school)).get("/schools/{c}/support-signals", school), 403,
                "forbidden");
        String director = refusedActor(actors, "director");
        assertProblem(AccessCalls.evaluateIntervention(staff(director, "director", school), group, "*", "ACHIEVED"),
                403, "forbidden");
        for (String role : List.of("swv-consultant", "swv-analyst", "board")) {
            String actor = refusedActor(actors, role);
            assertProblem(as(AccessCalls.withEveryClaimOf(actor, role, school)).get("/pupils/{id}/support-level",
                    pupil.id()), 403, "forbidden");
        }

        for (String actor : actors) {
            assertThat(auditByActor(actor)).as(actor).isEmpty();
        }
        assertThat(audit(pupil.id(), pupil.parentAccount())).isEmpty();
        assertThat(audit(pupil.id())).hasSize(before);
    }

    private static String refusedActor(List<String> actors, String role) {
        String actor = subject(role);
        actors.add(actor);
        return actor;
    }

    @Test
    void aWriteThatFailsAfterTheAuthorizationWritesNoAuditRow() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil atLevel2 = Fixtures.pupil(school);
        Fixtures.changeLevel(pupil, "LEVEL_3", TestClock.today().minusMonths(2)).then().statusCode(201);
        Fixtures.changeLevel(atLevel2, "LEVEL_2", TestClock.today().minusMonths(2)).then().statusCode(201);
        UUID intervention = AccessCalls.recordIntervention(Fixtures.staff("teacher", school), school, "READING",
                List.of(pupil.id()));
        UUID plan = AccessCalls.actionPlan(school, List.of(pupil.id()));
        String interventionEtag = AccessCalls.interventionEtag(intervention, Fixtures.staff("ib", school));
        String planEtag = AccessCalls.actionPlanEtag(plan, Fixtures.staff("ib", school));
        AccessCalls.evaluateIntervention(Fixtures.staff("teacher", school), intervention, interventionEtag,
                "ACHIEVED").then().statusCode(200);
        Response ended = AccessCalls.evaluateActionPlan(Fixtures.staff("ib", school), plan, planEtag, true);
        ended.then().statusCode(200);

        String ib = subject("ib");
        String token = staff(ib, "ib", school);
        Map<String, Object> change = Fixtures.levelChange("LEVEL_4", TestClock.today());
        assertProblem(changeLevel(token, pupil, null, change), 428, "if-match-required");
        assertProblem(changeLevel(token, pupil, "\"0\"", change), 412, "stale-version");
        assertProblem(changeLevel(token, pupil, "*", Fixtures.levelChange("LEVEL_3", TestClock.today())), 409,
                "level-unchanged");
        assertProblem(changeLevel(token, pupil, "*", Fixtures.levelChange("LEVEL_4", TestClock.today().plusDays(1))),
                422, "effective-in-future");
        assertProblem(AccessCalls.evaluateIntervention(token, intervention, "*", "NOT_ACHIEVED"), 409,
                "already-evaluated");
        assertProblem(AccessCalls.startActionPlan(token, school, List.of(pupil.id(), atLevel2.id())), 422,
                "not-at-level-3");
        assertProblem(AccessCalls.evaluateActionPlan(token, plan, ended.header("ETag"), false), 409,
                "action-plan-ended");
        assertProblem(Fixtures.batch(token, school, List.of(), List.of(AccessCalls.session("no-such-app-id",
                TestClock.today()))), 422, "unknown-intervention");

        assertThat(auditByActor(ib)).isEmpty();
        as(Fixtures.staff("ib", school)).get("/pupils/{id}/support-level", pupil.id()).then()
                .body("level", equalTo("LEVEL_3"));
    }
}
