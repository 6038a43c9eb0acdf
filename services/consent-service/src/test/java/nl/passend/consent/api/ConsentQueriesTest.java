package nl.passend.consent.api;

import static io.restassured.RestAssured.given;
import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.count;
import static nl.passend.consent.Fixtures.staff;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Pupil;
import org.junit.jupiter.api.Test;

/** The queries, who may ask them, and the audit entry every read and write leaves. */
@QuarkusTest
class ConsentQueriesTest {

    private static long audited(UUID pupilId, String action, String role) {
        return count("select count(*) from audit_log where pupil_id = ?1 and action = '" + action
                + "' and actor_role = '" + role + "'", pupilId);
    }

    @Test
    void aPupilsConsentsForItsSchoolsStaffAndItsOwnParents() {
        Pupil pupil = Fixtures.pupil(true, false);
        UUID first = Fixtures.requested(pupil);
        UUID second = Fixtures.requested(pupil);

        given().auth().oauth2(staff("teacher", pupil.schoolCode())).get("/pupils/{id}/consent-requests", pupil.id())
                .then().statusCode(200).body("id", containsInAnyOrder(first.toString(), second.toString()));
        // a guardian without parental authority is still the child's parent and may read
        given().auth().oauth2(pupil.guardian(1).token()).get("/pupils/{id}/consent-requests", pupil.id())
                .then().statusCode(200).body("", hasSize(2));
        assertThat(audited(pupil.id(), "consent.list", "teacher")).isEqualTo(1);
        assertThat(audited(pupil.id(), "consent.list", "parent")).isEqualTo(1);

        assertProblem(given().auth().oauth2(staff("ib", Fixtures.newSchoolCode()))
                .get("/pupils/{id}/consent-requests", pupil.id()), 404, "not-found");
        assertProblem(given().auth().oauth2(Fixtures.parent("stranger-" + UUID.randomUUID()))
                .get("/pupils/{id}/consent-requests", pupil.id()), 404, "not-found");
        assertProblem(given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/consent-requests", UUID.randomUUID()),
                404, "not-found");
    }

    @Test
    void aParentSeesTheOpenRequestsWaitingForThem() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID open = Fixtures.requested(pupil);
        UUID decided = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), decided, Map.of("answer", "REFUSED")).then().statusCode(201);

        given().auth().oauth2(pupil.guardian(1).token()).get("/me/consent-requests")
                .then().statusCode(200).body("id", contains(open.toString()));
        given().auth().oauth2(Fixtures.parent("nobody-" + UUID.randomUUID())).get("/me/consent-requests")
                .then().statusCode(200).body("", hasSize(0));
        assertThat(audited(pupil.id(), "consent.list.open", "parent")).isEqualTo(1);
        // staff have no "own" requests
        given().auth().oauth2(staff("ib", pupil.schoolCode())).get("/me/consent-requests").then().statusCode(403);
    }

    @Test
    void theIbSeesTheSchoolsOpenRequests() {
        Pupil pupil = Fixtures.pupil(true);
        UUID open = Fixtures.requested(pupil);
        UUID granted = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), granted, Map.of("answer", "GIVEN")).then().statusCode(201);

        given().auth().oauth2(staff("ib", pupil.schoolCode())).get("/schools/{code}/consent-requests", pupil.schoolCode())
                .then().statusCode(200).body("id", contains(open.toString()));
        assertThat(audited(pupil.id(), "consent.list.open", "ib")).isEqualTo(1);
        assertProblem(given().auth().oauth2(staff("ib", Fixtures.newSchoolCode()))
                .get("/schools/{code}/consent-requests", pupil.schoolCode()), 404, "not-found");
        given().auth().oauth2(staff("teacher", pupil.schoolCode()))
                .get("/schools/{code}/consent-requests", pupil.schoolCode()).then().statusCode(403);
    }

    @Test
    void aServiceAsksWhetherConsentIsValidForAPurposeOnASubjectVersion() {
        Pupil pupil = Fixtures.pupil(true);
        String ib = staff("ib", pupil.schoolCode());
        UUID subject = UUID.randomUUID();
        UUID requestId = UUID.randomUUID();
        given().auth().oauth2(ib).contentType("application/json").body(Map.of("requestId", requestId, "purpose",
                "SHARE_WITH_YOUTH_CARE", "pupilId", pupil.id(), "subject", Map.of("type", "PUPIL", "id", subject,
                        "version", 1))).post("/consent-requests").then().statusCode(201);

        check(ib, pupil, "SHARE_WITH_YOUTH_CARE", subject, 1).then().statusCode(200)
                .body("valid", equalTo(false)).body("outcome", equalTo("OPEN"));
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        check(ib, pupil, "SHARE_WITH_YOUTH_CARE", subject, 1).then().statusCode(200)
                .body("valid", equalTo(true)).body("requestId", equalTo(requestId.toString()));
        // another purpose, another version: nothing
        check(ib, pupil, "SHARE_WITH_SWV", subject, 1).then().statusCode(200).body("valid", equalTo(false))
                .body("requestId", nullValue());
        check(ib, pupil, "SHARE_WITH_YOUTH_CARE", subject, 2).then().statusCode(200).body("valid", equalTo(false));
        assertProblem(check(staff("ib", Fixtures.newSchoolCode()), pupil, "SHARE_WITH_YOUTH_CARE", subject, 1), 404,
                "not-found");
        assertProblem(check(ib, pupil, "NONSENSE", subject, 1), 400, "invalid-parameter");
        assertThat(audited(pupil.id(), "consent.check", "ib")).isEqualTo(4);
    }

    @Test
    void everyWriteIsAudited() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        Fixtures.withdraw(pupil.guardian(0).token(), requestId, Map.of()).then().statusCode(201);
        given().auth().oauth2(staff("director", pupil.schoolCode())).get("/consent-requests/{id}", requestId)
                .then().statusCode(200).body("entries.kind", contains("GIVEN", "WITHDRAWN"));

        assertThat(count("select count(*) from audit_log where pupil_id = ?1 and action = 'consent.request.create' "
                + "and actor_role = 'system' and actor = '/passend/opp-service'", pupil.id())).isEqualTo(1);
        assertThat(audited(pupil.id(), "consent.answer", "parent")).isEqualTo(1);
        assertThat(audited(pupil.id(), "consent.withdraw", "parent")).isEqualTo(1);
        assertThat(audited(pupil.id(), "consent.request.read", "director")).isEqualTo(1);
    }

    private static Response check(String token, Pupil pupil, String purpose, UUID subject, int version) {
        return given().auth().oauth2(token).queryParam("purpose", purpose).queryParam("subjectType", "PUPIL")
                .queryParam("subjectId", subject).queryParam("subjectVersion", version)
                .get("/pupils/{id}/consent-check", pupil.id());
    }
}
