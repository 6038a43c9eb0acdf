package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.team.MeetingHeld;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meetings through the API: planned by the school's staff (a BOT also by the SWV consultant) with
 * members and participants under the attendee rules; changed with If-Match until held, the type
 * fixed, and of two parallel changes with one ETag exactly one wins; held from their day with the
 * meeting-held event; listed per school with keyset paging. Whatever is refused writes nothing.
 */
@QuarkusTest
class MeetingApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"));

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    // ---- planning -------------------------------------------------------------------------------

    @Test
    void theSchoolsStaffPlanAMeetingWithMembersAndParticipants() {
        School school = Fixtures.school();
        List<Map<String, Object>> attendees = Fixtures.insideTeam();
        attendees.add(Fixtures.attendee("Mevrouw Yilmaz", "PARENT", false));
        attendees.add(Fixtures.attendee("Daan", "PUPIL", false));
        Map<String, Object> body = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.plusWeeks(1), attendees);

        Response planned = Fixtures.planMeeting(school.staff("ib"), school.code(), body);
        planned.then().statusCode(201).header("ETag", "\"0\"")
                .body("schoolCode", equalTo(school.code())).body("type", equalTo("SCHOOL_SUPPORT_TEAM"))
                .body("date", equalTo(TODAY.plusWeeks(1).toString())).body("title", equalTo("Overleg"))
                .body("held", equalTo(false)).body("outsidersPresent", equalTo(false)).body("cases", empty())
                .body("attendees.function", contains("IB", "TEACHER", "DIRECTOR", "PARENT", "PUPIL"))
                .body("attendees.member", contains(true, true, true, false, false))
                .body("attendees.outsideSchool", contains(false, false, false, false, false));
        String id = planned.then().extract().path("id");
        assertThat(planned.header("Location")).endsWith("/meetings/" + id);

        given().auth().oauth2(school.staff("teacher")).get("/meetings/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(id)).body("attendees", hasSize(5))
                .body("attendees[3].name", equalTo("Mevrouw Yilmaz"));

        // the director and the teacher plan too; a multidisciplinary meeting with youth care from outside
        List<Map<String, Object>> multi = Fixtures.insideTeam();
        multi.add(Fixtures.attendee("Jeugdarts Peters", "YOUTH_DOCTOR", true));
        Fixtures.planMeeting(school.staff("director"), school.code(), Fixtures.meeting("MULTIDISCIPLINARY", TODAY, multi))
                .then().statusCode(201).body("outsidersPresent", equalTo(true))
                .body("attendees.find { it.function == 'YOUTH_DOCTOR' }.outsideSchool", equalTo(true));
        Fixtures.planMeeting(school.staff("teacher"), school.code(),
                Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.minusMonths(2), Fixtures.insideTeam())).then().statusCode(201);
        assertThat(Fixtures.rows(school.code())).containsEntry("meeting", 3L);
    }

    @Test
    void theSwvConsultantPlansABotOfTheirSwvOnly() {
        School school = Fixtures.school();
        String consultant = school.swvConsultant();
        Fixtures.planMeeting(consultant, school.code(), Fixtures.meeting("BOT", TODAY.plusDays(3), Fixtures.botTeam()))
                .then().statusCode(201).body("type", equalTo("BOT")).body("outsidersPresent", equalTo(true));

        Map<String, Long> before = Fixtures.rows(school.code());
        assertProblem(Fixtures.planMeeting(consultant, school.code(),
                Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam())), 404, "not-found");
        School other = Fixtures.school();
        assertProblem(Fixtures.planMeeting(other.swvConsultant(), school.code(),
                Fixtures.meeting("BOT", TODAY, Fixtures.botTeam())), 404, "not-found");
        assertProblem(Fixtures.planMeeting(other.staff("ib"), school.code(),
                Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam())), 404, "not-found");
        Pupil pupil = Fixtures.pupil(school);
        assertProblem(Fixtures.planMeeting(pupil.parent(), school.code(),
                Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam())), 403, "forbidden");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);
    }

    // ---- attendee rules and bad input -----------------------------------------------------------

    @Test
    void theAttendeeRulesAreUnprocessableAndWriteNothing() {
        School school = Fixtures.school();
        String ib = school.staff("ib");
        Map<String, Long> before = Fixtures.rows(school.code());

        // parents and the pupil take part, but a meeting needs a member of the team
        assertProblem(Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY,
                List.of(Fixtures.attendee("Mevrouw Yilmaz", "PARENT", false), Fixtures.attendee("Daan", "PUPIL", false)))),
                422, "no-members");
        // the SWV consultant always comes from outside the school
        List<Map<String, Object>> insideConsultant = Fixtures.insideTeam();
        insideConsultant.add(Fixtures.attendee("Karin Visser", "SWV_CONSULTANT", false));
        assertProblem(Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("BOT", TODAY, insideConsultant)), 422,
                "swv-consultant-inside-school");
        // a BOT meets with the SWV; outsiders of another kind do not make it one
        List<Map<String, Object>> noSwv = Fixtures.insideTeam();
        noSwv.add(Fixtures.attendee("Sander Bakker", "SCHOOL_SOCIAL_WORK", true));
        assertProblem(Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("BOT", TODAY, noSwv)), 422,
                "bot-without-swv");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);
    }

    @Test
    void malformedMeetingsAreBadRequestsListingTheFields() {
        School school = Fixtures.school();
        String ib = school.staff("ib");
        Map<String, Long> before = Fixtures.rows(school.code());

        for (String field : List.of("type", "date", "attendees")) {
            Map<String, Object> body = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
            body.remove(field);
            Fixtures.planMeeting(ib, school.code(), body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, List.of()))
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("attendees"));
        Map<String, Object> longTitle = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        longTitle.put("title", "x".repeat(201));
        Fixtures.planMeeting(ib, school.code(), longTitle).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("title"));
        for (String field : List.of("name", "function", "outsideSchool")) {
            List<Map<String, Object>> attendees = Fixtures.insideTeam();
            Map<String, Object> broken = new HashMap<>(attendees.get(1));
            broken.remove(field);
            attendees.set(1, broken);
            Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, attendees))
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("attendees[1]." + field));
        }
        List<Map<String, Object>> blankName = Fixtures.insideTeam();
        blankName.set(0, Fixtures.attendee("   ", "IB", false));
        Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, blankName))
                .then().statusCode(400).body("violations.field", hasItem("attendees[0].name"));

        assertProblem(Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("TEAM_BUILDING", TODAY,
                Fixtures.insideTeam())), 400, "invalid-value").body("violations.field", equalTo(List.of("type")));
        assertProblem(Fixtures.planMeeting(ib, school.code(), Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY,
                List.of(Fixtures.attendee("Juf Anna", "JUFFROUW", false)))), 400, "invalid-value");
        Map<String, Object> badDate = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        badDate.put("date", "2025-02-30");
        assertProblem(Fixtures.planMeeting(ib, school.code(), badDate), 400, "invalid-value")
                .body("violations.field", equalTo(List.of("date")));
        for (String notAMeeting : List.of("{\"type\": ", "[]")) {
            given().auth().oauth2(ib).contentType(ContentType.JSON).body(notAMeeting)
                    .post("/schools/{code}/meetings", school.code()).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        given().auth().oauth2(ib).contentType(ContentType.JSON).post("/schools/{code}/meetings", school.code())
                .then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        assertProblem(given().auth().oauth2(ib).get("/meetings/{id}", "not-a-uuid"), 400, "invalid-parameter");
        assertProblem(given().auth().oauth2(ib).get("/meetings/{id}", UUID.randomUUID()), 404, "not-found");
    }

    // ---- changing -------------------------------------------------------------------------------

    @Test
    void aChangeNeedsTheCurrentETag() {
        School school = Fixtures.school();
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(7), Fixtures.insideTeam());
        String ib = school.staff("ib");
        List<Map<String, Object>> attendees = Fixtures.insideTeam();
        attendees.add(Fixtures.attendee("Mevrouw Yilmaz", "PARENT", false));
        Map<String, Object> change = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.plusDays(14), attendees);
        change.put("title", "Ondersteuningsteam groep 5");

        Map<String, Long> before = Fixtures.rows(school.code());
        assertProblem(Fixtures.changeMeeting(ib, meeting, null, change), 428, "if-match-required");
        assertProblem(Fixtures.changeMeeting(ib, meeting, "", change), 428, "if-match-required");
        assertProblem(Fixtures.changeMeeting(ib, meeting, "\"1\"", change), 412, "stale-version");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        String etag = Fixtures.changeMeeting(ib, meeting, "\"0\"", change).then().statusCode(200)
                .body("date", equalTo(TODAY.plusDays(14).toString())).body("title", equalTo("Ondersteuningsteam groep 5"))
                .body("attendees", hasSize(4)).body("attendees[3].member", equalTo(false))
                .extract().header("ETag");
        assertThat(etag).isNotEqualTo("\"0\"");
        given().auth().oauth2(school.staff("director")).get("/meetings/{id}", meeting).then().statusCode(200)
                .header("ETag", etag).body("date", equalTo(TODAY.plusDays(14).toString()));

        // the ETag before the change is stale now
        Map<String, Long> afterChange = Fixtures.rows(school.code());
        assertProblem(Fixtures.changeMeeting(ib, meeting, "\"0\"", Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY,
                Fixtures.insideTeam())), 412, "stale-version");
        assertThat(Fixtures.rows(school.code())).isEqualTo(afterChange);
        given().auth().oauth2(ib).get("/meetings/{id}", meeting).then().body("date", equalTo(TODAY.plusDays(14).toString()));

        // a BOT keeps its SWV consultant, also in a change
        UUID bot = Fixtures.meeting(school, "BOT", TODAY.plusDays(7), Fixtures.botTeam());
        Map<String, Long> beforeBot = Fixtures.rows(school.code());
        assertProblem(Fixtures.changeMeeting(ib, bot, "\"0\"", Fixtures.meeting("BOT", TODAY.plusDays(7),
                Fixtures.insideTeam())), 422, "bot-without-swv");
        assertThat(Fixtures.rows(school.code())).isEqualTo(beforeBot);
        // the SWV consultant changes a BOT of their SWV, not the school's own support team
        String consultant = school.swvConsultant();
        Fixtures.changeMeeting(consultant, bot, "\"0\"", Fixtures.meeting("BOT", TODAY.plusDays(8), Fixtures.botTeam()))
                .then().statusCode(200).body("date", equalTo(TODAY.plusDays(8).toString()));
        assertProblem(Fixtures.changeMeeting(consultant, meeting, etag, change), 404, "not-found");
        assertProblem(Fixtures.changeMeeting(Fixtures.school().staff("ib"), meeting, etag, change), 404, "not-found");
    }

    @Test
    void theTypeOfAMeetingIsFixed() {
        School school = Fixtures.school();
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(7), Fixtures.insideTeam());
        Map<String, Long> before = Fixtures.rows(school.code());
        for (String type : List.of("BOT", "MULTIDISCIPLINARY")) {
            assertProblem(Fixtures.changeMeeting(school.staff("ib"), meeting, "\"0\"",
                    Fixtures.meeting(type, TODAY.plusDays(7), Fixtures.botTeam())), 422, "type-fixed");
        }
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);
        given().auth().oauth2(school.staff("ib")).get("/meetings/{id}", meeting).then().statusCode(200)
                .header("ETag", "\"0\"").body("type", equalTo("SCHOOL_SUPPORT_TEAM"));
    }

    @Test
    void ofTwoParallelChangesWithOneETagExactlyOneWins() throws Exception {
        School school = Fixtures.school();
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(7), Fixtures.insideTeam());
        String ib = school.staff("ib");
        String director = school.staff("director");
        for (int round = 0; round < 5; round++) {
            String etag = Fixtures.meetingEtag(ib, meeting);
            List<Future<Response>> calls = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (String token : List.of(ib, director)) {
                Map<String, Object> body = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.plusDays(7),
                        Fixtures.insideTeam());
                body.put("title", "ronde " + round + " door " + (token.equals(ib) ? "ib" : "directeur"));
                calls.add(pool.submit(() -> {
                    start.await();
                    return Fixtures.changeMeeting(token, meeting, etag, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Response> call : calls) {
                Response r = call.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 412) {
                    assertProblem(r, 412, "stale-version");
                } else {
                    winner = r.path("title");
                }
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
            // the winner's change is what is stored: no update lost, none half-applied
            given().auth().oauth2(ib).get("/meetings/{id}", meeting).then().body("title", equalTo(winner));
            assertThat(Fixtures.rows(school.code())).containsEntry("meeting.version", round + 1L);
        }
    }

    // ---- held -----------------------------------------------------------------------------------

    @Test
    void aMeetingIsHeldFromItsDayOnceAndNotChangedAfterwards() {
        School school = Fixtures.school();
        String ib = school.staff("ib");
        UUID future = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(1), Fixtures.insideTeam());
        Map<String, Long> before = Fixtures.rows(school.code());
        assertProblem(Fixtures.held(ib, future, "\"0\""), 409, "meeting-not-yet-held");
        assertProblem(Fixtures.held(ib, future, null), 428, "if-match-required");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);
        assertThat(Fixtures.outbox(future, EventType.MEETING_HELD)).isZero();

        UUID past = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.minusDays(3), Fixtures.insideTeam());
        assertProblem(Fixtures.held(ib, past, "\"7\""), 412, "stale-version");
        String etag = Fixtures.held(ib, past, "\"0\"").then().statusCode(200).body("held", equalTo(true))
                .extract().header("ETag");
        assertThat(etag).isNotEqualTo("\"0\"");

        Map<String, Long> afterHeld = Fixtures.rows(school.code());
        assertProblem(Fixtures.held(ib, past, etag), 409, "meeting-held");
        assertProblem(Fixtures.changeMeeting(ib, past, etag, Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY,
                Fixtures.insideTeam())), 409, "meeting-held");
        assertThat(Fixtures.rows(school.code())).isEqualTo(afterHeld);
        assertThat(Fixtures.outbox(past, EventType.MEETING_HELD)).isEqualTo(1);
        given().auth().oauth2(ib).get("/meetings/{id}", past).then().header("ETag", etag).body("held", equalTo(true))
                .body("date", equalTo(TODAY.minusDays(3).toString()));
    }

    @Test
    void theMeetingHeldEventCountsTheCasesDiscussedByNameAndAnonymously() {
        School school = Fixtures.school();
        Pupil named = Fixtures.pupil(school);
        Pupil anonymous = Fixtures.pupil(school);
        Pupil byNameRecordedAnonymously = Fixtures.pupil(school);
        Pupil notDiscussed = Fixtures.pupil(school);
        String ib = school.staff("ib");
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        UUID a = Fixtures.caseOf(meeting, named, true);
        UUID b = Fixtures.caseOf(meeting, anonymous, false);
        UUID c = Fixtures.caseOf(meeting, byNameRecordedAnonymously, true);
        Fixtures.caseOf(meeting, notDiscussed, true);
        Fixtures.recordOutcome(ib, a, Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of())).then().statusCode(200);
        Fixtures.recordOutcome(ib, b, Fixtures.outcome("ANONYMOUS", List.of("NO_ACTION"), List.of())).then().statusCode(200);
        Fixtures.recordOutcome(ib, c, Fixtures.outcome("ANONYMOUS", List.of("REFER"), List.of())).then().statusCode(200);

        Fixtures.held(school.staff("director"), meeting, Fixtures.meetingEtag(ib, meeting)).then().statusCode(200)
                .body("held", equalTo(true)).body("cases", hasSize(4));

        List<EventEnvelope> events = Fixtures.sent(meeting, EventType.MEETING_HELD, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).schoolcode()).isEqualTo(school.code());
        MeetingHeld held = EventJson.data(events.get(0), MeetingHeld.class);
        assertThat(held).isEqualTo(new MeetingHeld(meeting, school.code(), MeetingType.SCHOOL_SUPPORT_TEAM, 1, 2, TODAY));
        // ids, codes and counts: nobody's name, no title
        assertThat(EventJson.write(events.get(0))).doesNotContain("Overleg", "Ineke", named.id().toString(),
                anonymous.id().toString());
    }

    // ---- listing --------------------------------------------------------------------------------

    @Test
    void theSchoolsMeetingsArePagedInOrderOfChange() {
        School school = Fixtures.school();
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            planned.add(Fixtures.meeting(school, i % 2 == 0 ? "SCHOOL_SUPPORT_TEAM" : "BOT", TODAY.plusDays(i),
                    i % 2 == 0 ? Fixtures.insideTeam() : Fixtures.botTeam()).toString());
        }
        Fixtures.meeting(Fixtures.school(), "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam()); // another school's
        String teacher = school.staff("teacher");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<Boolean> hasMore = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Response r = list(teacher, school.code(), cursor, null, "2");
            r.then().statusCode(200);
            seen.addAll(r.path("items.id"));
            hasMore.add(r.path("hasMore"));
            assertThat(r.<List<String>>path("items.schoolCode")).containsOnly(school.code());
            if (!(Boolean) r.path("hasMore")) {
                break;
            }
            cursor = r.path("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(planned);
        assertThat(hasMore).containsExactly(true, true, false);

        // nothing new after the last cursor; a change brings the meeting back, after the others
        Response last = list(teacher, school.code(), null, null, "200");
        assertThat(last.<List<String>>path("items.id")).containsExactlyElementsOf(planned);
        String end = last.path("nextCursor");
        list(teacher, school.code(), end, null, null).then().statusCode(200).body("items", empty())
                .body("hasMore", equalTo(false)).body("nextCursor", equalTo(end));
        Instant beforeChange = TestClock.now();
        UUID first = UUID.fromString(planned.get(0));
        Fixtures.changeMeeting(school.staff("ib"), first, "\"0\"", Fixtures.meeting("SCHOOL_SUPPORT_TEAM",
                TODAY.plusWeeks(3), Fixtures.insideTeam())).then().statusCode(200).header("ETag", "\"1\"");
        list(teacher, school.code(), end, null, null).then().statusCode(200).body("items.id", contains(first.toString()))
                .body("items[0].date", equalTo(TODAY.plusWeeks(3).toString()));
        list(teacher, school.code(), null, beforeChange.minusMillis(1).toString(), null).then().statusCode(200)
                .body("items.id", contains(first.toString()));
    }

    @Test
    void theSwvConsultantPagesThroughTheBotMeetingsOnly() {
        School school = Fixtures.school();
        List<String> bots = new ArrayList<>();
        // the school's own meetings first: a page of them must not end the consultant's list
        for (int i = 0; i < 3; i++) {
            Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(i), Fixtures.insideTeam());
        }
        for (int i = 0; i < 3; i++) {
            bots.add(Fixtures.meeting(school, "BOT", TODAY.plusDays(i), Fixtures.botTeam()).toString());
        }
        String consultant = school.swvConsultant();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            Response r = list(consultant, school.code(), cursor, null, "2");
            r.then().statusCode(200);
            seen.addAll(r.path("items.id"));
            assertThat(r.<List<String>>path("items.type")).containsOnly("BOT");
            if (!(Boolean) r.path("hasMore")) {
                break;
            }
            cursor = r.path("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(bots);
        list(consultant, school.code(), null, null, null).then().statusCode(200)
                .body("items.id", equalTo(bots)).body("hasMore", equalTo(false));
        // the consultant of another SWV does not see the school at all
        assertProblem(list(Fixtures.school().swvConsultant(), school.code(), null, null, null), 404, "not-found");
    }

    @Test
    void badListParametersAreBadRequestsAndOtherSchoolsAreNotFound() {
        School school = Fixtures.school();
        String ib = school.staff("ib");
        for (String size : List.of("0", "201", "veel", "-1")) {
            assertProblem(list(ib, school.code(), null, null, size), 400, "invalid-parameter");
        }
        assertProblem(list(ib, school.code(), "not-a-cursor", null, null), 400, "invalid-cursor");
        assertProblem(list(ib, school.code(), null, "gisteren", null), 400, "invalid-parameter");
        assertProblem(list(Fixtures.school().staff("ib"), school.code(), null, null, null), 404, "not-found");
        Pupil pupil = Fixtures.pupil(school);
        assertProblem(list(pupil.parent(), school.code(), null, null, null), 403, "forbidden");
    }

    private static Response list(String token, String schoolCode, String cursor, String updatedSince, String size) {
        var spec = given().auth().oauth2(token);
        if (cursor != null) {
            spec = spec.queryParam("cursor", cursor);
        }
        if (updatedSince != null) {
            spec = spec.queryParam("updatedSince", updatedSince);
        }
        if (size != null) {
            spec = spec.queryParam("size", size);
        }
        return spec.get("/schools/{code}/meetings", schoolCode);
    }
}
