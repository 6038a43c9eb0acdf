package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.TeamAccessCalls;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The cases about a pupil as of a day (?asOf=yyyy-MM-dd): meetings held on or before the day, with
 * the consents, outcome and action items as recorded by then. The story is made through the API with
 * the services' clock set to each of its days: a BOT on day -40, the pupil put on its agenda by name on
 * day -45, the parents' consent received on day -38, the outcome recorded on day -36 with an action
 * item due on day -20 and done on day -10.
 */
@QuarkusTest
class CaseAsOfApiTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = TestClock.today();

    private static OffsetDateTime noon(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(12, 0).atZone(NL).toOffsetDateTime();
    }

    private static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    private static Response cases(String token, Pupil pupil, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf))
                .get("/pupils/{id}/cases", pupil.id());
    }

    /** The story above, each step on its own day; returns the case. */
    private static UUID story(Pupil pupil) {
        UUID caseId;
        try (TestClock.Travel t = TestClock.travelTo(noon(45).toInstant())) {
            UUID bot = Fixtures.meeting(pupil.school(), "BOT", TODAY.minusDays(40), Fixtures.botTeam());
            caseId = Fixtures.caseOf(bot, pupil, true);
        }
        try (TestClock.Travel t = TestClock.travelTo(noon(38).toInstant())) {
            Fixtures.decide(pupil, caseId, Fixtures.consentRequestId(caseId), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM,
                    ConsentOutcome.GRANTED);
            TestDb.awaitCount("select count(*) from team_case where id = ? and consent_outcome = 'GRANTED'", 1,
                    caseId);
        }
        Response outcome;
        try (TestClock.Travel t = TestClock.travelTo(noon(36).toInstant())) {
            outcome = TeamAccessCalls.discussed(pupil.staff("ib"), caseId, "NAMED", List.of("OBSERVE"),
                    List.of(Fixtures.actionItem("IB", TODAY.minusDays(20))));
        }
        String itemId = outcome.path("actionItems[0].id");
        try (TestClock.Travel t = TestClock.travelTo(noon(10).toInstant())) {
            TeamAccessCalls.markDone(pupil.staff("ib"), UUID.fromString(itemId), "\"" + outcome.path(
                    "actionItems[0].version") + "\"", TODAY.minusDays(10)).then().statusCode(200);
        }
        return caseId;
    }

    @Test
    void theCasesAsOfADayAreThoseOfMeetingsHeldByThenAsRecordedByThen() {
        Pupil pupil = Fixtures.pupil();
        UUID caseId = story(pupil);
        // a meeting still to come, with the pupil on its agenda already
        Fixtures.caseOf(Fixtures.meeting(pupil.school(), "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(14),
                Fixtures.insideTeam()), pupil, false);
        String ib = pupil.staff("ib");

        // before the pupil was on an agenda, and while the meeting's day had not come: none
        cases(ib, pupil, day(46)).then().statusCode(200).body("$", empty());
        cases(ib, pupil, day(41)).then().statusCode(200).body("$", empty());

        // the meeting's day: on the agenda by name, consent asked and not yet given, so anonymous; not yet discussed
        Response meetingDay = cases(ib, pupil, day(40));
        meetingDay.then().statusCode(200).body("id", contains(caseId.toString()))
                .body("[0].meetingDate", equalTo(day(40))).body("[0].byName", equalTo(true))
                .body("[0].named", equalTo(false)).body("[0].pupilId", nullValue())
                .body("[0].consent.outcome", equalTo("OPEN")).body("[0].outcome", nullValue())
                .body("[0].actionItems", empty());
        assertThat(meetingDay.header("ETag")).isNull();

        // consent received: named
        cases(ib, pupil, day(38)).then().statusCode(200).body("[0].named", equalTo(true))
                .body("[0].pupilId", equalTo(pupil.id().toString())).body("[0].consent.outcome", equalTo("GRANTED"))
                .body("[0].outcome", nullValue());

        // the outcome recorded: discussed by name, its action item open and not yet due
        cases(ib, pupil, day(36)).then().statusCode(200).body("[0].outcome.discussedAs", equalTo("NAMED"))
                .body("[0].outcome.decisions", contains("OBSERVE")).body("[0].actionItems", hasSize(1))
                .body("[0].actionItems[0].doneOn", nullValue()).body("[0].actionItems[0].overdue", equalTo(false));
        // past its due date and not done then: overdue on that day
        cases(ib, pupil, day(15)).then().statusCode(200).body("[0].actionItems[0].doneOn", nullValue())
                .body("[0].actionItems[0].overdue", equalTo(true));
        cases(ib, pupil, day(10)).then().statusCode(200).body("[0].actionItems[0].doneOn", equalTo(day(10)))
                .body("[0].actionItems[0].overdue", equalTo(false));

        // today: the read without asOf, but for the meeting still to come
        List<Object> now = given().auth().oauth2(ib).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.meetingDate <= '" + TODAY + "' }");
        assertThat(cases(ib, pupil, TODAY).jsonPath().getList("")).isEqualTo(now);
        assertThat(now).hasSize(1);
    }

    @Test
    void theParentsAndTheSwvSeeAsOfADayWhatTheyWouldHaveSeenThen() {
        Pupil pupil = Fixtures.pupil();
        UUID caseId = story(pupil);

        // the parents read a case once discussed
        cases(pupil.parent(), pupil, day(38)).then().statusCode(200).body("$", empty());
        cases(pupil.parent(), pupil, day(36)).then().statusCode(200).body("id", contains(caseId.toString()))
                .body("[0].pupilId", equalTo(pupil.id().toString()));
        // the SWV consultant of the school's SWV: only once named
        String consultant = pupil.school().swvConsultant();
        cases(consultant, pupil, day(40)).then().statusCode(200).body("$", empty());
        cases(consultant, pupil, day(38)).then().statusCode(200).body("id", contains(caseId.toString()));
    }

    @Test
    void anAsOfReadIsAuthorizedAsTheReadWithoutItAndAuditedWithTheDay() {
        Pupil pupil = Fixtures.pupil();
        story(pupil);
        String day = day(36);
        // another school's staff, another child's parent, another SWV's consultant: as for an unknown pupil
        for (String stranger : List.of(Fixtures.staff("ib", Fixtures.school().code()),
                TestTokens.subject("parent-" + UUID.randomUUID()).roles("parent").sign(),
                Fixtures.school().swvConsultant())) {
            assertProblem(cases(stranger, pupil, day), 404, "not-found");
            assertProblem(given().auth().oauth2(stranger).queryParam("asOf", day)
                    .get("/pupils/{id}/cases", UUID.randomUUID()), 404, "not-found");
        }
        // roles that never read cases: 403
        assertProblem(cases(TeamAccessCalls.withEveryClaimOf("a-" + UUID.randomUUID(), "swv-analyst",
                pupil.school()), pupil, day), 403, "forbidden");

        String subject = TeamAccessCalls.subject("ib");
        String ib = TeamAccessCalls.staff(subject, "ib", pupil.schoolCode());
        cases(ib, pupil, day).then().statusCode(200).body("$", hasSize(1));
        cases(ib, pupil, day(60)).then().statusCode(200).body("$", empty());
        List<AuditRow> rows = audit(pupil.id(), subject);
        assertThat(rows).extracting(AuditRow::action).containsExactly("team.case.read", "team.case.list");
        assertThat(rows).extracting(AuditRow::reason).containsExactly("asOf=" + day, "asOf=" + day(60));
    }

    @Test
    void aBadOrFutureAsOfIs400NamingTheParameterAndAuditsNothing() {
        Pupil pupil = Fixtures.pupil();
        String subject = TeamAccessCalls.subject("ib");
        String ib = TeamAccessCalls.staff(subject, "ib", pupil.schoolCode());
        for (String bad : List.of("vorige-week", "2026-04-31", "2026-4-1", "2026-04-01T09:00:00Z",
                TODAY.plusDays(1).toString())) {
            assertProblem(cases(ib, pupil, bad), 400, "invalid-parameter").body("detail", containsString("asOf"))
                    .body("violations[0].field", equalTo("asOf")).body("violations[0].message", containsString("asOf"));
        }
        assertThat(audit(pupil.id(), subject)).isEmpty();
    }
}
