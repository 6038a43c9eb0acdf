package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.events.team.TeamSignal;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.team.service.TeamSignals;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.TestDb;
import org.junit.jupiter.api.Test;

/**
 * The signals this service owns, listed per school and published by the job: a pupil discussed three
 * times within twelve months without a decision that changes the approach (reset by one that does),
 * and an action item past its due date; each raised once and resolved once. A pupil who left is no
 * longer signalled.
 */
@QuarkusTest
class TeamSignalsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    @Inject
    TeamSignals signals;

    @Test
    void aPupilDiscussedThreeTimesWithoutAChangeIsRaisedOnceAndResolvedByAChangingDecision() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Fixtures.discussed(pupil, TODAY.minusDays(90), List.of("OBSERVE"), List.of());
        Fixtures.discussed(pupil, TODAY.minusDays(60), List.of("NO_ACTION"), List.of());
        list(school.staff("ib"), school.code()).then().statusCode(200).body("", empty());
        signals.publish();
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isZero();

        Fixtures.discussed(pupil, TODAY.minusDays(30), List.of("OBSERVE", "ASSESS"), List.of());
        for (String role : List.of("ib", "director")) {
            list(school.staff(role), school.code()).then().statusCode(200)
                    .body("pupilId", contains(pupil.id().toString())).body("schoolCode", contains(school.code()))
                    .body("kind", contains("DISCUSSED_REPEATEDLY")).body("actionItemId", contains((Object) null))
                    .body("since", contains(TODAY.minusDays(30).toString()));
        }

        assertThat(signals.publish()).isPositive();
        signals.publish();
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);
        assertThat(Fixtures.outbox(pupil.id(), EventType.TEAM_SIGNAL_RESOLVED)).isZero();
        List<EventEnvelope> raised = Fixtures.sent(pupil.id(), EventType.TEAM_SIGNAL_RAISED, 1);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).schoolcode()).isEqualTo(school.code());
        assertThat(EventJson.data(raised.get(0), TeamSignal.class)).isEqualTo(new TeamSignal(pupil.id(), school.code(),
                TeamSignalKind.DISCUSSED_REPEATEDLY, null, TODAY.minusDays(30), TODAY));

        // a fourth discussion that still changes nothing keeps the one signal
        Fixtures.discussed(pupil, TODAY.minusDays(10), List.of("OBSERVE"), List.of());
        signals.publish();
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);
        list(school.staff("ib"), school.code()).then().body("since", contains(TODAY.minusDays(30).toString()));

        // a decision that changes the approach resets the count
        Fixtures.discussed(pupil, TODAY.minusDays(1), List.of("OBSERVE", "CHANGE_ARRANGEMENT"), List.of());
        list(school.staff("ib"), school.code()).then().statusCode(200).body("", empty());
        signals.publish();
        signals.publish();
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RESOLVED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);
        List<EventEnvelope> resolved = Fixtures.sent(pupil.id(), EventType.TEAM_SIGNAL_RESOLVED, 1);
        assertThat(resolved).hasSize(1);
        assertThat(EventJson.data(resolved.get(0), TeamSignal.class)).isEqualTo(new TeamSignal(pupil.id(),
                school.code(), TeamSignalKind.DISCUSSED_REPEATEDLY, null, TODAY.minusDays(30), TODAY));
        assertThat(TestDb.count("select count(*) from team_signal where pupil_id = ?", pupil.id())).isZero();
    }

    @Test
    void onlyDiscussionsWithinTwelveMonthsAndAfterTheLastChangeCount() {
        School school = Fixtures.school();
        Pupil longAgo = Fixtures.pupil(school);
        Fixtures.discussed(longAgo, TODAY.minusDays(400), List.of("OBSERVE"), List.of());
        Fixtures.discussed(longAgo, TODAY.minusDays(60), List.of("OBSERVE"), List.of());
        Fixtures.discussed(longAgo, TODAY.minusDays(30), List.of("NO_ACTION"), List.of());
        Pupil changed = Fixtures.pupil(school);
        Fixtures.discussed(changed, TODAY.minusDays(200), List.of("OBSERVE"), List.of());
        Fixtures.discussed(changed, TODAY.minusDays(150), List.of("REFER"), List.of());
        Fixtures.discussed(changed, TODAY.minusDays(100), List.of("OBSERVE"), List.of());
        Fixtures.discussed(changed, TODAY.minusDays(50), List.of("OBSERVE"), List.of());
        list(school.staff("ib"), school.code()).then().statusCode(200).body("", empty());
        signals.publish();
        assertThat(Fixtures.outbox(longAgo.id(), EventType.TEAM_SIGNAL_RAISED)).isZero();
        assertThat(Fixtures.outbox(changed.id(), EventType.TEAM_SIGNAL_RAISED)).isZero();

        // the third discussion after the change, today
        Fixtures.discussed(changed, TODAY, List.of("NO_ACTION"), List.of());
        list(school.staff("ib"), school.code()).then().body("pupilId", contains(changed.id().toString()))
                .body("since", contains(TODAY.toString()));
        signals.publish();
        assertThat(outbox(changed, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);

        // only the school's IB'er and director see the signals
        assertProblem(list(school.staff("teacher"), school.code()), 403, "forbidden");
        assertProblem(list(school.swvConsultant(), school.code()), 403, "forbidden");
        assertProblem(list(Fixtures.school().staff("ib"), school.code()), 404, "not-found");
    }

    @Test
    void anOverdueActionItemIsRaisedOnceAndResolvedOnceWhenDone() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        UUID caseId = Fixtures.discussed(pupil, TODAY.minusDays(20), List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", TODAY.minusDays(5)), Fixtures.actionItem("TEACHER", TODAY)));
        List<String> items = given().auth().oauth2(school.staff("ib")).get("/cases/{id}", caseId).then().statusCode(200)
                .extract().path("actionItems.id");
        UUID overdue = UUID.fromString(items.get(0));

        list(school.staff("director"), school.code()).then().statusCode(200)
                .body("kind", contains("ACTION_ITEM_OVERDUE")).body("pupilId", contains(pupil.id().toString()))
                .body("actionItemId", contains(overdue.toString())).body("since", contains(TODAY.minusDays(4).toString()));

        signals.publish();
        signals.publish();
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.ACTION_ITEM_OVERDUE)).isEqualTo(1);
        List<EventEnvelope> raised = Fixtures.sent(pupil.id(), EventType.TEAM_SIGNAL_RAISED, 1);
        assertThat(raised).hasSize(1);
        assertThat(EventJson.data(raised.get(0), TeamSignal.class)).isEqualTo(new TeamSignal(pupil.id(), school.code(),
                TeamSignalKind.ACTION_ITEM_OVERDUE, overdue, TODAY.minusDays(4), TODAY));

        given().auth().oauth2(school.staff("teacher")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("doneOn", TODAY.toString())).post("/action-items/{id}/done", overdue).then().statusCode(200);
        list(school.staff("ib"), school.code()).then().statusCode(200).body("", empty());
        signals.publish();
        signals.publish();
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RESOLVED, TeamSignalKind.ACTION_ITEM_OVERDUE)).isEqualTo(1);
        assertThat(outbox(pupil, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.ACTION_ITEM_OVERDUE)).isEqualTo(1);
        List<EventEnvelope> resolved = Fixtures.sent(pupil.id(), EventType.TEAM_SIGNAL_RESOLVED, 1);
        assertThat(resolved).hasSize(1);
        assertThat(EventJson.data(resolved.get(0), TeamSignal.class)).isEqualTo(new TeamSignal(pupil.id(),
                school.code(), TeamSignalKind.ACTION_ITEM_OVERDUE, overdue, TODAY.minusDays(4), TODAY));
    }

    @Test
    void aPupilWhoLeftIsNotSignalledAndItsSignalsAreResolved() {
        School school = Fixtures.school();
        Pupil leftBefore = Fixtures.pupil(school);
        Pupil leftAfter = Fixtures.pupil(school);
        for (Pupil pupil : List.of(leftBefore, leftAfter)) {
            Fixtures.discussed(pupil, TODAY.minusDays(90), List.of("OBSERVE"), List.of());
            Fixtures.discussed(pupil, TODAY.minusDays(60), List.of("OBSERVE"), List.of());
            Fixtures.discussed(pupil, TODAY.minusDays(30), List.of("OBSERVE"),
                    List.of(Fixtures.actionItem("IB", TODAY.minusDays(3))));
        }
        DirectoryEvents.left(leftBefore.id(), school.code(), TODAY, LeavingDestination.SBO);
        list(school.staff("ib"), school.code()).then().statusCode(200)
                .body("pupilId", contains(leftAfter.id().toString(), leftAfter.id().toString()))
                .body("kind", contains("DISCUSSED_REPEATEDLY", "ACTION_ITEM_OVERDUE"));

        signals.publish();
        assertThat(Fixtures.outbox(leftBefore.id(), EventType.TEAM_SIGNAL_RAISED)).isZero();
        assertThat(outbox(leftAfter, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);
        assertThat(outbox(leftAfter, EventType.TEAM_SIGNAL_RAISED, TeamSignalKind.ACTION_ITEM_OVERDUE)).isEqualTo(1);

        DirectoryEvents.left(leftAfter.id(), school.code(), TODAY, LeavingDestination.VO);
        list(school.staff("ib"), school.code()).then().statusCode(200).body("", empty());
        signals.publish();
        signals.publish();
        assertThat(outbox(leftAfter, EventType.TEAM_SIGNAL_RESOLVED, TeamSignalKind.DISCUSSED_REPEATEDLY)).isEqualTo(1);
        assertThat(outbox(leftAfter, EventType.TEAM_SIGNAL_RESOLVED, TeamSignalKind.ACTION_ITEM_OVERDUE)).isEqualTo(1);
        assertThat(Fixtures.outbox(leftAfter.id(), EventType.TEAM_SIGNAL_RAISED)).isEqualTo(2);
        assertThat(Fixtures.outbox(leftBefore.id(), EventType.TEAM_SIGNAL_RAISED)).isZero();
        assertThat(Fixtures.outbox(leftBefore.id(), EventType.TEAM_SIGNAL_RESOLVED)).isZero();
        assertThat(Fixtures.sent(leftAfter.id(), EventType.TEAM_SIGNAL_RESOLVED, 2)).hasSize(2);
        assertThat(TestDb.count("select count(*) from team_signal where school_code = ?", school.code())).isZero();
    }

    private static Response list(String token, String schoolCode) {
        return given().auth().oauth2(token).get("/schools/{code}/team-signals", schoolCode);
    }

    /** Rows of the outbox about the pupil of one signal type and kind. */
    private static long outbox(Pupil pupil, EventType type, TeamSignalKind kind) {
        return TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ? and envelope like ?",
                pupil.id().toString(), type.type(), "%\"kind\":\"" + kind + "\"%");
    }
}
