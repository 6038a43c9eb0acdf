package nl.passend.gateway.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.gateway.ClientTokens;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The change feed (GET /api/v1/schools/{code}/changes) of events on the real topics: entries in the order they
 * arrived, paged with a stable cursor, filtered by type, only for the caller's schools, and an erasure that leaves
 * an ERASED entry and strips the pupil's earlier entries of their ids. Each test uses fresh clients: the test
 * profile allows a client 5 requests a minute.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 1);

    /** Sends the events one by one, each consumed before the next, so that their order of arrival is the order sent. */
    private static void sendInOrder(Runnable... sends) {
        for (Runnable send : sends) {
            send.run();
        }
    }

    private static String consumed(String eventJson) {
        String id = EventJson.read(eventJson).id();
        TestDb.awaitCount("select count(*) from inbox_event where event_id = ?", 1, id);
        return id;
    }

    private static Runnable enrolled(UUID pupil, UUID enrolment, String school) {
        return () -> consumed(TestEvents.send(EventType.PUPIL_ENROLLED, pupil.toString(), school,
                new PupilEnrolled(pupil, enrolment, school, 3, DAY)));
    }

    private static Runnable opp(EventType type, UUID plan, UUID pupil, String school, int version, OppStatus status) {
        return () -> consumed(TestEvents.send(type, pupil.toString(), school,
                new OppChanged(plan, pupil, school, version, status, null, null, DAY)));
    }

    private static Response changes(String token, String school, String query) {
        return given().auth().oauth2(token).get("/api/v1/schools/" + school + "/changes" + query);
    }

    private static String sis(String... schools) {
        return ClientTokens.sis("sis-" + UUID.randomUUID(), schools);
    }

    @Test
    void aPupilsEnrolmentAndOppArePagedInOrderWithAStableCursorFilteredAndOnlyForItsSchool() {
        String school = TestTokens.newSchoolCode();
        String otherSchool = TestTokens.newSchoolCode();
        UUID pupil = UUID.randomUUID();
        UUID enrolment = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        sendInOrder(enrolled(pupil, enrolment, school),
                opp(EventType.OPP_DRAFTED, plan, pupil, school, 1, OppStatus.DRAFT),
                enrolled(UUID.randomUUID(), UUID.randomUUID(), otherSchool),
                opp(EventType.OPP_ESTABLISHED, plan, pupil, school, 2, OppStatus.ESTABLISHED));

        String sis = sis(school, otherSchool);
        JsonPath first = changes(sis, school, "?size=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(true)).extract().jsonPath();
        assertThat(first.getMap("items[0]")).containsEntry("type", "enrolment")
                .containsEntry("id", enrolment.toString()).containsEntry("pupilId", pupil.toString())
                .containsEntry("change", "UPSERTED").containsEntry("eventType", EventType.PUPIL_ENROLLED.type())
                .containsEntry("href", "/api/v1/pupils/" + pupil + "/enrolments");
        assertThat(first.getString("items[0].version")).isNull();
        assertThat(first.getString("items[0].time")).isNotBlank();
        assertThat(first.getMap("items[1]")).containsEntry("type", "opp").containsEntry("id", plan.toString())
                .containsEntry("version", 1).containsEntry("eventType", EventType.OPP_DRAFTED.type())
                .containsEntry("href", "/api/v1/opps/" + plan);

        String cursor = first.getString("nextCursor");
        JsonPath second = changes(sis, school, "?size=2&cursor=" + cursor).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("hasMore", equalTo(false))
                .body("items[0].eventType", equalTo(EventType.OPP_ESTABLISHED.type()))
                .body("items[0].version", equalTo(2)).extract().jsonPath();
        String last = second.getString("nextCursor");
        assertThat(last).isNotEqualTo(cursor);
        changes(sis, school, "?cursor=" + last).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("hasMore", equalTo(false)).body("nextCursor", equalTo(last));
        changes(sis, otherSchool, "").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].pupilId", not(equalTo(pupil.toString())));

        String filtering = sis(school);
        changes(filtering, school, "?types=" + EventType.OPP_ESTABLISHED.type() + "," + EventType.PUPIL_ENROLLED.type())
                .then().statusCode(200).body("items.eventType",
                        equalTo(List.of(EventType.PUPIL_ENROLLED.type(), EventType.OPP_ESTABLISHED.type())));
        assertProblem(changes(filtering, school, "?types=nl.passend.pupil.enrolled.v1,nl.passend.nothing.v1"),
                400, "invalid-parameter");
        assertProblem(changes(filtering, school, "?cursor=not-a-cursor"), 400, "invalid-cursor");
        assertProblem(changes(filtering, school, "?size=501"), 400, "invalid-parameter");

        String otherVendor = sis(otherSchool);
        assertProblem(changes(otherVendor, school, ""), 404, "not-found");
    }

    @Test
    void anErasureLeavesAnErasedEntryAndTheEarlierEntriesWithoutIds() {
        String school = TestTokens.newSchoolCode();
        UUID pupil = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        sendInOrder(enrolled(pupil, UUID.randomUUID(), school),
                opp(EventType.OPP_DRAFTED, plan, pupil, school, 1, OppStatus.DRAFT),
                () -> consumed(TestEvents.send(EventType.PUPIL_ERASED, pupil.toString(), school,
                        new PupilErased(pupil, school, DAY))));

        JsonPath page = changes(sis(school), school, "").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.change", equalTo(List.of("UPSERTED", "UPSERTED", "ERASED")))
                .body("items.type", equalTo(List.of("enrolment", "opp", "pupil")))
                .body("items[0].id", nullValue()).body("items[1].id", nullValue())
                .body("items[0].href", nullValue()).body("items[1].version", nullValue())
                .body("items[2].pupilId", equalTo(pupil.toString()))
                .body("items[2].eventType", equalTo(EventType.PUPIL_ERASED.type()))
                .extract().jsonPath();
        assertThat(Arrays.asList(page.getString("items[0].pupilId"), page.getString("items[1].pupilId")))
                .containsOnlyNulls();
        assertThat(TestDb.count("select count(*) from change_feed where pupil_id = ?::uuid and change <> 'ERASED'",
                pupil.toString())).isZero();
    }
}
