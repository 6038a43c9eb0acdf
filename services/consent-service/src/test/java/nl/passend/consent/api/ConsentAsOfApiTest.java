package nl.passend.consent.api;

import static io.restassured.RestAssured.given;
import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.staff;
import static nl.passend.consent.Fixtures.withdraw;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Pupil;
import nl.passend.consent.config.ConsentConfig;
import nl.passend.consent.service.ConsentExpiry;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A pupil's consent requests as of a day (?asOf=yyyy-MM-dd), from the ledger as recorded by the end
 * of that day. The story is made through the API, each step while the services' clock stands on its
 * day: a request with two guardians made on day -30, the first gives consent on day -25, the second
 * on day -20 (GRANTED), and withdraws it on day -5 (WITHDRAWN).
 */
@QuarkusTest
class ConsentAsOfApiTest {

    private static final LocalDate TODAY = TestClock.today();

    @Inject
    ConsentExpiry expiry;

    @Inject
    ConsentConfig config;

    private static Instant noon(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(12, 0).atZone(TestClock.NL).toInstant();
    }

    private static String day(int daysAgo) {
        return TODAY.minusDays(daysAgo).toString();
    }

    private static Instant instant(Response response, String path) {
        return OffsetDateTime.parse(response.path(path)).toInstant();
    }

    private static Response requests(String token, Pupil pupil, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf))
                .get("/pupils/{id}/consent-requests", pupil.id());
    }

    private static Response request(String token, UUID requestId, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf))
                .get("/consent-requests/{id}", requestId);
    }

    /** The story above; returns the request. */
    private static UUID story(Pupil pupil) {
        UUID requestId;
        try (TestClock.Travel then = TestClock.travelTo(noon(30))) {
            requestId = Fixtures.requested(pupil);
        }
        try (TestClock.Travel then = TestClock.travelTo(noon(25))) {
            answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        }
        try (TestClock.Travel then = TestClock.travelTo(noon(20))) {
            answer(pupil.guardian(1).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201)
                    .body("outcome", equalTo("GRANTED"));
        }
        try (TestClock.Travel then = TestClock.travelTo(noon(5))) {
            withdraw(pupil.guardian(1).token(), requestId, Map.of()).then().statusCode(201)
                    .body("outcome", equalTo("WITHDRAWN"));
        }
        return requestId;
    }

    @Test
    void theRequestsAsOfADayAreTheLedgerAsRecordedByThen() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = story(pupil);
        UUID later = Fixtures.requested(pupil); // made today
        String ib = staff("ib", pupil.schoolCode());
        String[] both = {pupil.guardian(0).id().toString(), pupil.guardian(1).id().toString()};

        // before it was made: none
        requests(ib, pupil, day(31)).then().statusCode(200).body("$", empty());
        assertProblem(request(ib, requestId, day(31)), 404, "not-found").body("detail", containsString(day(31)));

        // made, nobody answered yet
        request(ib, requestId, day(26)).then().statusCode(200).body("outcome", equalTo("OPEN"))
                .body("outcomeAt", nullValue()).body("entries", empty())
                .body("requiredGuardians", containsInAnyOrder(both));
        // one of two gave consent: still open
        request(ib, requestId, day(25)).then().statusCode(200).body("outcome", equalTo("OPEN"))
                .body("entries.kind", contains("GIVEN"));
        // both did: granted, from the moment the second answer was recorded
        Response granted = request(ib, requestId, day(20));
        granted.then().statusCode(200).body("outcome", equalTo("GRANTED")).body("entries.kind", contains("GIVEN", "GIVEN"));
        assertThat(instant(granted, "outcomeAt")).isEqualTo(instant(granted, "entries[1].recordedAt"))
                .isBetween(noon(20), noon(20).plus(Duration.ofMinutes(5)));
        request(ib, requestId, day(6)).then().statusCode(200).body("outcome", equalTo("GRANTED"));
        // one withdrew: the request's own outcome, reached that day
        Response withdrawn = request(ib, requestId, day(5));
        withdrawn.then().statusCode(200).body("outcome", equalTo("WITHDRAWN"))
                .body("entries.kind", contains("GIVEN", "GIVEN", "WITHDRAWN"));
        assertThat(instant(withdrawn, "outcomeAt")).isAfterOrEqualTo(instant(withdrawn, "entries[2].recordedAt"))
                .isBefore(noon(5).plus(Duration.ofMinutes(5)));

        // the list: the requests made by then, each as it stood
        requests(ib, pupil, day(20)).then().statusCode(200).body("id", contains(requestId.toString()))
                .body("[0].outcome", equalTo("GRANTED"));
        requests(ib, pupil, TODAY).then().statusCode(200)
                .body("id", contains(later.toString(), requestId.toString()))
                .body("outcome", contains("OPEN", "WITHDRAWN"));

        // today: what the reads without asOf say
        assertThat(requests(ib, pupil, TODAY).jsonPath().getList("")).isEqualTo(given().auth().oauth2(ib)
                .get("/pupils/{id}/consent-requests", pupil.id()).jsonPath().getList(""));
    }

    @Test
    void anExpiredRequestIsOpenUntilItExpired() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId;
        // made so long ago that it was due on day -40; the job ran an hour later
        try (TestClock.Travel then = TestClock.travelTo(noon(40).minus(config.expireAfter()))) {
            requestId = Fixtures.requested(pupil);
        }
        try (TestClock.Travel then = TestClock.travelTo(noon(40).plus(Duration.ofHours(1)))) {
            expiry.expireDue();
        }
        assertThat(Fixtures.outcome(requestId)).isEqualTo("EXPIRED");
        String ib = staff("ib", pupil.schoolCode());

        request(ib, requestId, day(41)).then().statusCode(200).body("outcome", equalTo("OPEN"))
                .body("outcomeAt", nullValue());
        request(ib, requestId, day(40)).then().statusCode(200).body("outcome", equalTo("EXPIRED"));
    }

    @Test
    void anAsOfReadIsAuthorizedAsTheReadWithoutItAndAuditedWithTheDay() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = story(pupil);
        String day = day(20);
        // another school's staff, another child's parent: as for an unknown pupil or request
        for (String stranger : List.of(staff("ib", Fixtures.newSchoolCode()), Fixtures.parent("p-" + UUID.randomUUID()))) {
            assertProblem(requests(stranger, pupil, day), 404, "not-found");
            assertProblem(request(stranger, requestId, day), 404, "not-found");
            assertProblem(request(stranger, UUID.randomUUID(), day), 404, "not-found");
        }
        // a role that never reads the ledger: 403
        String sis = TestTokens.token("sis-" + UUID.randomUUID(), "sis-client", pupil.schoolCode());
        assertProblem(requests(sis, pupil, day), 403, "forbidden");
        assertProblem(request(sis, requestId, day), 403, "forbidden");
        // the pupil's parents read it
        requests(pupil.guardian(1).token(), pupil, day).then().statusCode(200).body("$", hasSize(1));

        String subject = "ib-" + UUID.randomUUID();
        String ib = TestTokens.token(subject, "ib", pupil.schoolCode());
        requests(ib, pupil, day).then().statusCode(200);
        request(ib, requestId, day).then().statusCode(200);
        List<AuditRow> rows = audit(pupil.id(), subject);
        assertThat(rows).extracting(AuditRow::action).containsExactly("consent.list", "consent.request.read");
        assertThat(rows).extracting(AuditRow::reason).containsOnly("asOf=" + day);
    }

    @Test
    void aBadOrFutureAsOfIs400NamingTheParameterAndAuditsNothing() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        String subject = "ib-" + UUID.randomUUID();
        String ib = TestTokens.token(subject, "ib", pupil.schoolCode());
        for (String bad : List.of("eergisteren", "2026-06-31", "2026-6-1", "2026-06-01T00:00:00Z",
                TODAY.plusDays(1).toString())) {
            for (Response response : List.of(requests(ib, pupil, bad), request(ib, requestId, bad))) {
                assertProblem(response, 400, "invalid-parameter").body("detail", containsString("asOf"))
                        .body("violations[0].field", equalTo("asOf")).body("violations[0].message", containsString("asOf"));
            }
        }
        assertThat(audit(pupil.id(), subject)).isEmpty();
    }
}
