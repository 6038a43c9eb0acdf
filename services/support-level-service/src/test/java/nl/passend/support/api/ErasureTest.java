package nl.passend.support.api;

import static nl.passend.support.AccessCalls.as;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventJson;
import nl.passend.events.Topics;
import nl.passend.support.AccessCalls;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.support.service.SupportSignals;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Erasure after the retention period (PUPIL_ERASED on passend.pupil): everything this service holds
 * about the pupil goes, in the consumer's transaction; what is shared with other pupils (a group
 * intervention, a group action plan) stays theirs; no other pupil loses anything.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    SupportSignals signals;

    /**
     * Two pupils of one school with everything there is: a history of three entries (one a
     * correction), an intervention each of their own with sessions, a group intervention of both with
     * sessions, an action plan each and one of both, a raised signal each, and audit rows.
     */
    record Scenario(Pupil erased, Pupil kept, UUID erasedsIntervention, UUID keptsIntervention, UUID group,
            UUID erasedsPlan, UUID keptsPlan, UUID groupPlan) {
    }

    private Scenario scenario() {
        String school = Fixtures.school();
        Pupil erased = Fixtures.pupil(school);
        Pupil kept = Fixtures.pupil(school);
        for (Pupil pupil : List.of(erased, kept)) {
            Fixtures.changeLevel(pupil, "LEVEL_2", TestClock.today().minusMonths(4)).then().statusCode(201);
            Response third = Fixtures.changeLevel(pupil, "LEVEL_3", TestClock.today().minusMonths(3));
            third.then().statusCode(201);
            Map<String, Object> correction = Fixtures.levelChange("LEVEL_3", TestClock.today().minusMonths(3));
            correction.put("correctsEntryId", third.path("entry.id"));
            as(pupil.staff("ib")).header("If-Match", third.header("ETag")).body(correction)
                    .post("/pupils/{id}/support-level", pupil.id()).then().statusCode(201);
        }
        String teacher = Fixtures.staff("teacher", school);
        LocalDate heldOn = TestClock.today().minusWeeks(4);
        Response batch = Fixtures.batch(teacher, school, List.of(
                Fixtures.intervention("erased", "READING", List.of(erased.id())),
                Fixtures.intervention("kept", "READING", List.of(kept.id())),
                Fixtures.intervention("group", "MATHS", List.of(erased.id(), kept.id()))), List.of(
                AccessCalls.session("erased", heldOn), AccessCalls.session("erased", heldOn.plusDays(1)),
                AccessCalls.session("kept", heldOn),
                AccessCalls.session("group", heldOn), AccessCalls.session("group", heldOn.plusDays(2))));
        batch.then().statusCode(200);
        UUID erasedsIntervention = UUID.fromString(batch.path("interventions.find { it.appId == 'erased' }.id"));
        UUID keptsIntervention = UUID.fromString(batch.path("interventions.find { it.appId == 'kept' }.id"));
        UUID group = UUID.fromString(batch.path("interventions.find { it.appId == 'group' }.id"));
        AccessCalls.evaluateIntervention(teacher, erasedsIntervention,
                AccessCalls.interventionEtag(erasedsIntervention, teacher), "NOT_ACHIEVED").then().statusCode(200);

        UUID erasedsPlan = AccessCalls.actionPlan(school, List.of(erased.id()));
        UUID keptsPlan = AccessCalls.actionPlan(school, List.of(kept.id()));
        UUID groupPlan = AccessCalls.actionPlan(school, List.of(erased.id(), kept.id()));

        // both at LEVEL_4 for seven weeks without an OPP: the job raises a signal for each
        for (Pupil pupil : List.of(erased, kept)) {
            Fixtures.changeLevel(pupil, "LEVEL_4", TestClock.today().minusWeeks(7)).then().statusCode(201);
            as(pupil.parent()).get("/pupils/{id}/support-level/history", pupil.id()).then().statusCode(200);
        }
        signals.publish();
        for (Pupil pupil : List.of(erased, kept)) {
            assertThat(TestDb.count("select count(*) from support_signal where pupil_id = ?", pupil.id())).isEqualTo(1);
        }
        return new Scenario(erased, kept, erasedsIntervention, keptsIntervention, group, erasedsPlan, keptsPlan,
                groupPlan);
    }

    /** What the service holds about one pupil, per table. */
    private static Map<String, Long> rowsOf(UUID pupilId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("level_entry", TestDb.count("select count(*) from level_entry where pupil_id = ?", pupilId));
        rows.put("pupil_support", TestDb.count("select count(*) from pupil_support where pupil_id = ?", pupilId));
        rows.put("intervention_pupil", TestDb.count("select count(*) from intervention_pupil where pupil_id = ?",
                pupilId));
        rows.put("action_plan_pupil", TestDb.count("select count(*) from action_plan_pupil where pupil_id = ?",
                pupilId));
        rows.put("support_signal", TestDb.count("select count(*) from support_signal where pupil_id = ?", pupilId));
        rows.put("audit_log", TestDb.count("select count(*) from audit_log where pupil_id = ?", pupilId));
        return rows;
    }

    private static long interventions(UUID id) {
        return TestDb.count("select count(*) from intervention where id = ?", id);
    }

    private static long sessions(UUID interventionId) {
        return TestDb.count("select count(*) from intervention_session where intervention_id = ?", interventionId);
    }

    private static long plans(UUID id) {
        return TestDb.count("select count(*) from action_plan where id = ?", id);
    }

    @Test
    void erasureDeletesEverythingHeldAboutThePupilAndNothingOfOthers() {
        Scenario s = scenario();
        Map<String, Long> keptBefore = rowsOf(s.kept().id());
        assertThat(rowsOf(s.erased().id())).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(keptBefore).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

        AccessCalls.erase(s.erased());

        assertThat(rowsOf(s.erased().id())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rowsOf(s.kept().id())).isEqualTo(keptBefore);

        // the pupil's own intervention goes with its sessions; the group's stays, with its sessions, for the other
        assertThat(interventions(s.erasedsIntervention())).isZero();
        assertThat(sessions(s.erasedsIntervention())).isZero();
        assertThat(interventions(s.group())).isEqualTo(1);
        assertThat(sessions(s.group())).isEqualTo(2);
        assertThat(interventions(s.keptsIntervention())).isEqualTo(1);
        assertThat(sessions(s.keptsIntervention())).isEqualTo(1);
        assertThat(plans(s.erasedsPlan())).isZero();
        assertThat(plans(s.groupPlan())).isEqualTo(1);
        assertThat(plans(s.keptsPlan())).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from level_entry where corrects_entry_id in"
                + " (select id from level_entry where pupil_id = ?)", s.kept().id())).isEqualTo(1);

        // through the API: the erased pupil is unknown, the other's data is whole
        String ib = s.kept().staff("ib");
        for (String path : List.of("/pupils/%s/support-level", "/pupils/%s/support-level/history",
                "/pupils/%s/interventions", "/pupils/%s/action-plans")) {
            assertProblem(as(ib).get(path.formatted(s.erased().id())), 404, "not-found");
        }
        assertProblem(as(ib).get("/interventions/{id}", s.erasedsIntervention()), 404, "not-found");
        assertProblem(as(ib).get("/action-plans/{id}", s.erasedsPlan()), 404, "not-found");
        as(ib).get("/interventions/{id}", s.group()).then().statusCode(200)
                .body("pupilIds", contains(s.kept().id().toString())).body("sessions.size()", equalTo(2));
        as(ib).get("/action-plans/{id}", s.groupPlan()).then().statusCode(200)
                .body("pupilIds", contains(s.kept().id().toString()));
        as(ib).get("/pupils/{id}/support-level/history", s.kept().id()).then().statusCode(200)
                .body("level", contains("LEVEL_2", "LEVEL_3", "LEVEL_3", "LEVEL_4"));
        as(ib).get("/pupils/{id}/interventions", s.kept().id()).then().statusCode(200).body("size()", equalTo(2));
        as(ib).get("/pupils/{id}/action-plans", s.kept().id()).then().statusCode(200).body("size()", equalTo(2));
        as(ib).get("/schools/{code}/support-signals", s.kept().schoolCode()).then().statusCode(200)
                .body("pupilId", contains(s.kept().id().toString()));
    }

    @Test
    void theHistoryStaysAppendOnlyForEveryoneElse() {
        Scenario s = scenario();
        AccessCalls.erase(s.erased());
        // erasure lifted the rule for its own transaction only
        assertThatThrownBy(() -> TestDb.execute("delete from level_entry where pupil_id = ?", s.kept().id()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> TestDb.execute("update level_entry set reason = 'x' where pupil_id = ?",
                s.kept().id())).hasStackTraceContaining("append-only");
        assertThat(TestDb.count("select count(*) from level_entry where pupil_id = ?", s.kept().id())).isEqualTo(4);
    }

    @Test
    void anErasureDeliveredAgainOrRepeatedChangesNothingMore() {
        Scenario s = scenario();
        String sent = AccessCalls.erase(s.erased());
        Map<String, Long> keptAfter = rowsOf(s.kept().id());

        TestEvents.sendRaw(Topics.PUPIL, s.erased().id().toString(), sent);
        String again = AccessCalls.erase(s.erased());
        String againId = EventJson.read(again).id();
        TestDb.awaitCount("select count(*) from inbox_event where event_id = ?", 1, againId);

        assertThat(rowsOf(s.erased().id())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rowsOf(s.kept().id())).isEqualTo(keptAfter);
        assertThat(interventions(s.group())).isEqualTo(1);
        assertThat(plans(s.groupPlan())).isEqualTo(1);
    }

    @Test
    void theSignalJobAfterAnErasureNeitherRaisesNorResolvesAnythingOfThePupil() {
        Scenario s = scenario();
        AccessCalls.erase(s.erased());
        signals.publish();
        assertThat(rowsOf(s.erased().id())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(TestDb.count("select count(*) from support_signal where pupil_id = ?", s.kept().id())).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from outbox_event where event_type like '%signal-resolved%'"
                + " and event_key = ?", s.erased().id().toString())).isZero();
    }
}
