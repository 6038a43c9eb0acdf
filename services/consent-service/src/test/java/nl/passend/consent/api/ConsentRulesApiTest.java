package nl.passend.consent.api;

import static io.restassured.RestAssured.given;
import static nl.passend.consent.Fixtures.ADMIN;
import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.count;
import static nl.passend.consent.Fixtures.staff;
import static nl.passend.consent.Fixtures.withdraw;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Pupil;
import org.junit.jupiter.api.Test;

/** Answers, withdrawals and requests recorded by staff; bad input answered with a problem and nothing written. */
@QuarkusTest
class ConsentRulesApiTest {

    private static long ledger(UUID requestId) {
        return count("select count(*) from consent_entry where request_id = ?1", requestId);
    }

    @Test
    void theIbRecordsAnAnswerGivenOnPaperWithChannelAndRecorder() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        String ib = staff("ib", pupil.schoolCode());

        given().auth().oauth2(ib).contentType(ContentType.JSON)
                .body(Map.of("answer", "GIVEN", "guardianId", pupil.guardian(0).id(), "channel", "PAPER"))
                .post("/consent-requests/{id}/answers", requestId)
                .then().statusCode(201).body("outcome", equalTo("GRANTED"))
                .body("entries", hasSize(1))
                .body("entries[0].channel", equalTo("PAPER"))
                .body("entries[0].recordedRole", equalTo("ib"))
                .body("entries[0].guardianId", equalTo(pupil.guardian(0).id().toString()));
    }

    @Test
    void theIbMustNameGuardianAndChannel() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        assertProblem(answer(staff("ib", pupil.schoolCode()), requestId, Map.of("answer", "GIVEN")), 422,
                "answer-on-behalf");
        assertThat(ledger(requestId)).isZero();
    }

    @Test
    void aGuardianMayChangeTheirAnswerAndTheLatestCounts() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        String token = pupil.guardian(0).token();
        answer(token, requestId, Map.of("answer", "REFUSED")).then().statusCode(201).body("outcome", equalTo("REFUSED"));
        answer(token, requestId, Map.of("answer", "GIVEN")).then().statusCode(201).body("outcome", equalTo("GRANTED"))
                .body("entries", hasSize(2));
    }

    @Test
    void anUnknownRequestIs404() {
        Pupil pupil = Fixtures.pupil(true);
        assertProblem(answer(pupil.guardian(0).token(), UUID.randomUUID(), Map.of("answer", "GIVEN")), 404, "not-found");
        assertProblem(given().auth().oauth2(ADMIN).get("/consent-requests/{id}", UUID.randomUUID()), 404, "not-found");
        assertProblem(given().auth().oauth2(ADMIN).get("/consent-requests/{id}", "not-a-uuid"), 400,
                "invalid-parameter");
    }

    @Test
    void aGuardianWithoutParentalAuthorityMayNotAnswer() {
        Pupil pupil = Fixtures.pupil(true, false);
        UUID requestId = Fixtures.requested(pupil);
        assertProblem(answer(pupil.guardian(1).token(), requestId, Map.of("answer", "GIVEN")), 403,
                "not-a-required-guardian");
        assertThat(ledger(requestId)).isZero();
    }

    @Test
    void aParentOfAnotherChildOrStaffOfAnotherSchoolSeeNothing() {
        Pupil pupil = Fixtures.pupil(true);
        Pupil other = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        assertProblem(answer(other.guardian(0).token(), requestId, Map.of("answer", "GIVEN")), 404, "not-found");
        assertProblem(answer(staff("ib", other.schoolCode()), requestId,
                Map.of("answer", "GIVEN", "guardianId", pupil.guardian(0).id(), "channel", "PAPER")), 404, "not-found");
        assertProblem(given().auth().oauth2(other.guardian(0).token()).get("/consent-requests/{id}", requestId), 404,
                "not-found");
        // a teacher may read but not record an answer
        assertProblem(answer(staff("teacher", pupil.schoolCode()), requestId, Map.of("answer", "GIVEN")), 403,
                "forbidden");
        assertThat(ledger(requestId)).isZero();
    }

    @Test
    void aParentAnswersOnlyForThemselves() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);
        assertProblem(answer(pupil.guardian(0).token(), requestId,
                Map.of("answer", "GIVEN", "guardianId", pupil.guardian(1).id())), 403, "forbidden");
        assertThat(ledger(requestId)).isZero();
    }

    @Test
    void aConsentNeverGivenCannotBeWithdrawn() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);
        assertProblem(withdraw(pupil.guardian(0).token(), requestId, Map.of()), 409, "consent-not-given");
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "REFUSED")).then().statusCode(201);
        assertProblem(withdraw(pupil.guardian(0).token(), requestId, Map.of()), 409, "consent-not-given");
        assertThat(ledger(requestId)).isEqualTo(1);
    }

    @Test
    void anAnswerMustBeGivenOrRefused() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "MAYBE")).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(ledger(requestId)).isZero();
    }

    @Test
    void staffRecordARequestOnceForAPupilOfTheirSchool() {
        Pupil pupil = Fixtures.pupil(true, true);
        String ib = staff("ib", pupil.schoolCode());
        UUID requestId = UUID.randomUUID();
        UUID subjectId = UUID.randomUUID();
        Map<String, Object> body = Map.of("requestId", requestId, "purpose", "SHARE_WITH_SWV", "pupilId", pupil.id(),
                "subject", Map.of("type", "PUPIL", "id", subjectId, "version", 1));

        given().auth().oauth2(ib).contentType(ContentType.JSON).body(body).post("/consent-requests")
                .then().statusCode(201).body("outcome", equalTo("OPEN")).body("requiredGuardians", hasSize(2))
                .body("requestedBy", equalTo(Fixtures.subjectOf(ib)));
        given().auth().oauth2(ib).contentType(ContentType.JSON).body(body).post("/consent-requests")
                .then().statusCode(200);
        Map<String, Object> other = Map.of("requestId", requestId, "purpose", "ASSESSMENT", "pupilId", pupil.id(),
                "subject", Map.of("type", "PUPIL", "id", subjectId, "version", 1));
        assertProblem(given().auth().oauth2(ib).contentType(ContentType.JSON).body(other).post("/consent-requests"),
                409, "request-id-taken");
        assertThat(count("select count(*) from consent_request where pupil_id = ?1", pupil.id())).isEqualTo(1);
    }

    @Test
    void aRequestForAnUnknownOrInvisiblePupilIsRejected() {
        Pupil pupil = Fixtures.pupil(true);
        UUID unknown = UUID.randomUUID();
        Map<String, Object> body = Map.of("requestId", UUID.randomUUID(), "purpose", "SHARE_WITH_SWV", "pupilId",
                unknown, "subject", Map.of("type", "PUPIL", "id", unknown, "version", 1));
        assertProblem(given().auth().oauth2(staff("ib", pupil.schoolCode())).contentType(ContentType.JSON).body(body)
                .post("/consent-requests"), 404, "not-found");
        Map<String, Object> elsewhere = Map.of("requestId", UUID.randomUUID(), "purpose", "SHARE_WITH_SWV", "pupilId",
                pupil.id(), "subject", Map.of("type", "PUPIL", "id", pupil.id(), "version", 1));
        assertProblem(given().auth().oauth2(staff("ib", Fixtures.newSchoolCode())).contentType(ContentType.JSON)
                .body(elsewhere).post("/consent-requests"), 404, "not-found");
        assertProblem(given().auth().oauth2(pupil.guardian(0).token()).contentType(ContentType.JSON)
                .body(elsewhere).post("/consent-requests"), 403, "forbidden");
        given().auth().oauth2(staff("ib", pupil.schoolCode())).contentType(ContentType.JSON)
                .body(Map.of("purpose", "SHARE_WITH_SWV")).post("/consent-requests").then().statusCode(400);
        assertThat(count("select count(*) from consent_request where pupil_id = ?1", pupil.id())).isZero();
    }
}
