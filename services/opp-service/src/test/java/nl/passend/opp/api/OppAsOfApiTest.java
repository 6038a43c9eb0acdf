package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.opp.api.OppCalls.problem;
import static nl.passend.testing.AuditTrail.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.AccessFixtures;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An OPP as of a day (?asOf=yyyy-MM-dd): the plan, its versions and the pupil's plans as recorded
 * by the end of that day. The story is made through the API and its moments moved into the past
 * beneath it: version 1 drawn up 200 days ago, consent asked 190, granted 185, established 180,
 * evaluated 100 (recorded a day later); version 2 drawn up 60 days ago, replacing it as current,
 * consent asked 50 and refused 45.
 */
@QuarkusTest
class OppAsOfApiTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = LocalDate.now(NL);

    private static OffsetDateTime noon(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(12, 0).atZone(NL).toOffsetDateTime();
    }

    private static Response plan(String token, UUID planId, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf)).get("/opps/{id}", planId);
    }

    private static Response version(String token, UUID planId, int n, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf))
                .get("/opps/{id}/versions/{n}", planId, n);
    }

    private static Response plans(String token, Pupil pupil, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf)).get("/pupils/{id}/opps",
                pupil.id());
    }

    private static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    /** The story above, for a pupil enrolled a year ago, each step on its own day; returns the plan. */
    private static UUID story(Pupil pupil) {
        UUID planId;
        try (TestClock.Travel t = TestClock.travelTo(noon(200).toInstant())) {
            planId = Fixtures.createPlan(pupil).id();
        }
        UUID first;
        try (TestClock.Travel t = TestClock.travelTo(noon(190).toInstant())) {
            first = Fixtures.requestConsent(pupil, planId, 1);
        }
        try (TestClock.Travel t = TestClock.travelTo(noon(185).toInstant())) {
            Fixtures.decide(pupil, planId, 1, first, ConsentOutcome.GRANTED);
            Fixtures.awaitStatus(pupil, planId, "CONSENTED");
        }
        try (TestClock.Travel t = TestClock.travelTo(noon(180).toInstant())) {
            Fixtures.act(pupil.staff("director"), pupil, planId, 1, "establishment").then().statusCode(200);
        }
        try (TestClock.Travel t = TestClock.travelTo(noon(99).toInstant())) {
            Fixtures.evaluate(pupil, planId, 1, TODAY.minusDays(100)).then().statusCode(201);
        }
        try (TestClock.Travel t = TestClock.travelTo(noon(60).toInstant())) {
            OppCalls.revise(pupil, planId, Fixtures.etag(pupil, planId), Fixtures.planInput("VMBO_TL"))
                    .then().statusCode(201);
        }
        UUID second;
        try (TestClock.Travel t = TestClock.travelTo(noon(50).toInstant())) {
            second = Fixtures.requestConsent(pupil, planId, 2);
        }
        try (TestClock.Travel t = TestClock.travelTo(noon(45).toInstant())) {
            Fixtures.decide(pupil, planId, 2, second, ConsentOutcome.REFUSED);
            Fixtures.awaitDecisions(planId, 2);
        }
        return planId;
    }

    @Test
    void aPlanAsOfADayIsItsStandingAsRecordedByThen() {
        Pupil pupil = Fixtures.pupil(Fixtures.school(SchoolType.BAO), TODAY.minusYears(1));
        UUID planId = story(pupil);
        String ib = pupil.staff("ib");

        // before it was drawn up: none
        problem(plan(ib, planId, day(201)), 404, "not-found").body("detail", containsString(day(201)));
        problem(version(ib, planId, 1, day(201)), 404, "not-found");
        plans(ib, pupil, day(201)).then().statusCode(200).body("$", empty());

        // a draft, then in dialogue while consent was asked, then consented
        Response draft = plan(ib, planId, day(195));
        draft.then().statusCode(200).body("status", equalTo("DRAFT")).body("currentVersion", equalTo(1))
                .body("inForceVersion", nullValue()).body("firstEstablishedOn", nullValue())
                .body("updatedAt", nullValue()).body("versions", hasSize(1))
                .body("current.consent.requestId", nullValue()).body("current.content.goals", hasSize(2));
        assertThat(draft.header("ETag")).isNull();
        plan(ib, planId, day(187)).then().statusCode(200).body("status", equalTo("IN_DIALOGUE"))
                .body("current.consent.requestId", notNullValue()).body("current.consent.outcome", nullValue())
                .body("current.consent.decisions", empty());
        plan(ib, planId, day(183)).then().statusCode(200).body("status", equalTo("CONSENTED"))
                .body("current.consent.outcome", equalTo("GRANTED")).body("current.consent.decisions", hasSize(1))
                .body("current.establishedAt", nullValue()).body("current.establishedBy", nullValue());

        // established, then evaluated from the day the evaluation was recorded
        plan(ib, planId, day(150)).then().statusCode(200).body("status", equalTo("ESTABLISHED"))
                .body("inForceVersion", equalTo(1)).body("firstEstablishedOn", equalTo(day(180)))
                .body("current.establishedAt", notNullValue()).body("lastEvaluatedOn", nullValue())
                .body("current.evaluations", empty());
        plan(ib, planId, day(99)).then().statusCode(200).body("status", equalTo("EVALUATED"))
                .body("lastEvaluatedOn", equalTo(day(100))).body("current.evaluations", hasSize(1))
                .body("current.views.kind", containsInAnyOrder("PUPIL", "PARENTS"));

        // the day before the revision: version 1 is the whole plan, not yet replaced
        plan(ib, planId, day(61)).then().statusCode(200).body("currentVersion", equalTo(1))
                .body("versions.number", contains(1)).body("versions[0].supersededAt", nullValue());
        problem(version(ib, planId, 2, day(61)), 404, "not-found");

        // replaced: version 2 is current (a draft), version 1 still in force, and keeps its standing
        plan(ib, planId, day(55)).then().statusCode(200).body("currentVersion", equalTo(2))
                .body("status", equalTo("DRAFT")).body("inForceVersion", equalTo(1))
                .body("current.number", equalTo(2)).body("current.content.perspective.expectedDestination",
                        equalTo("VMBO_TL"))
                .body("versions.number", contains(1, 2)).body("versions.status", contains("EVALUATED", "DRAFT"))
                .body("versions[0].supersededAt", notNullValue()).body("versions[0].expectedDestination",
                        equalTo("VMBO_KB"));
        version(ib, planId, 1, day(55)).then().statusCode(200).body("status", equalTo("EVALUATED"))
                .body("supersededAt", notNullValue()).body("consent.outcome", equalTo("GRANTED"))
                .body("content.perspective.expectedDestination", equalTo("VMBO_KB"));
        plans(ib, pupil, day(55)).then().statusCode(200).body("id", contains(planId.toString()))
                .body("[0].status", equalTo("DRAFT")).body("[0].currentVersion", equalTo(2))
                .body("[0].inForceVersion", equalTo(1)).body("[0].updatedAt", nullValue());

        // consent for version 2 asked and refused: in dialogue with the refusal visible
        plan(ib, planId, day(45)).then().statusCode(200).body("status", equalTo("IN_DIALOGUE"))
                .body("current.consent.outcome", equalTo("REFUSED"));

        // today: the standing the read without asOf shows
        Response now = given().auth().oauth2(ib).get("/opps/{id}", planId);
        Response asOfToday = plan(ib, planId, TODAY);
        for (String field : List.of("status", "currentVersion", "inForceVersion", "firstEstablishedOn",
                "lastEvaluatedOn", "attention", "current.number", "current.status", "current.consent",
                "versions.status", "versions.supersededAt", "current.evaluations", "documents")) {
            assertThat(asOfToday.jsonPath().getString(field)).as(field).isEqualTo(now.jsonPath().getString(field));
        }
    }

    @Test
    void anAsOfReadIsAuthorizedAsTheReadWithoutItAndAuditedWithTheDay() {
        Pupil pupil = Fixtures.pupil(Fixtures.school(SchoolType.BAO), TODAY.minusYears(1));
        UUID planId;
        try (TestClock.Travel t = TestClock.travelTo(noon(30).toInstant())) {
            planId = Fixtures.createPlan(pupil).id();
        }
        String day = day(10);

        // another school's staff, another child's parent, an unlinked professional, the SWV consultant
        // without SHARE_WITH_SWV consent: as for a plan or pupil that does not exist
        for (String stranger : List.of(Fixtures.staff("ib", Fixtures.school(SchoolType.BAO).code()),
                Fixtures.parent("parent-" + UUID.randomUUID()),
                TestTokens.subject("care-" + UUID.randomUUID()).roles("care-professional").sign(),
                Fixtures.swvConsultant(pupil.school().swvCode()))) {
            problem(plan(stranger, planId, day), 404, "not-found");
            problem(plan(stranger, UUID.randomUUID(), day), 404, "not-found");
            problem(version(stranger, planId, 1, day), 404, "not-found");
            problem(plans(stranger, pupil, day), 404, "not-found");
        }
        // a role that never reads plans: 403
        String analyst = TestTokens.subject("a-" + UUID.randomUUID()).roles("swv-analyst")
                .swv(pupil.school().swvCode()).sign();
        problem(plan(analyst, planId, day), 403, "forbidden");
        problem(plans(analyst, pupil, day), 403, "forbidden");

        // the pupil's parent and a linked professional read it
        plan(pupil.parent(), planId, day).then().statusCode(200).body("status", equalTo("DRAFT"));
        plans(Fixtures.linkedProfessional(pupil), pupil, day).then().statusCode(200).body("$", hasSize(1));

        String subject = "ib-" + UUID.randomUUID();
        String ib = AccessFixtures.staff(subject, "ib", pupil.schoolCode());
        plan(ib, planId, day).then().statusCode(200);
        version(ib, planId, 1, day).then().statusCode(200);
        plans(ib, pupil, day).then().statusCode(200);
        List<AuditRow> rows = audit(pupil.id(), subject);
        assertThat(rows).extracting(AuditRow::action).containsExactly("opp.read", "opp.version.read", "opp.list");
        assertThat(rows).extracting(AuditRow::reason).containsExactly(planId + " asOf=" + day,
                planId + " v1 asOf=" + day, "asOf=" + day);
    }

    @Test
    void aBadOrFutureAsOfIs400NamingTheParameterAndAuditsNothing() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String subject = "ib-" + UUID.randomUUID();
        String ib = AccessFixtures.staff(subject, "ib", pupil.schoolCode());
        for (String bad : List.of("morgen", "2026-02-29", "2026-1-1", "2026-01-01T12:00:00+01:00",
                TODAY.plusDays(1).toString())) {
            for (Response response : List.of(plan(ib, planId, bad), version(ib, planId, 1, bad),
                    plans(ib, pupil, bad))) {
                problem(response, 400, "invalid-parameter").body("detail", containsString("asOf"))
                        .body("violations[0].field", equalTo("asOf")).body("violations[0].message", containsString("asOf"));
            }
        }
        assertThat(audit(pupil.id(), subject)).isEmpty();
    }
}
