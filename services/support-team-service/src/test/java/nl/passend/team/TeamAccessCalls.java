package nl.passend.team;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.DirectoryEvents.Professional;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;

/**
 * What the authorization, audit and erasure tests need beyond {@link Fixtures}: directory changes on
 * passend.pupil (a school in a given SWV, a linked care professional, a pupil leaving, moving or
 * erased), tokens with a subject the test knows, and the cases, action items, arrangements and TLVs
 * those tests read and write through the API.
 */
public final class TeamAccessCalls {

    private TeamAccessCalls() {
    }

    // ---- directory changes on passend.pupil ----------------------------------------------------

    /** A BAO school in the given SWV (board "B" + code); returns when the directory has it. */
    public static School school(String swv) {
        String code = TestTokens.newSchoolCode();
        TestEvents.send(EventType.SCHOOL_REGISTERED, code, code,
                new SchoolChanged(code, SchoolType.BAO, "B" + code, swv, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_school where code = ? and swv_code = ?", 1, code, swv);
        return new School(code, swv);
    }

    public static Professional linkProfessional(Pupil pupil) {
        return DirectoryEvents.linkProfessional(pupil.id(), pupil.schoolCode());
    }

    /** The pupil left its school on {@code on} (PUPIL_LEFT); returns when the directory knows. */
    public static void left(Pupil pupil, LocalDate on) {
        DirectoryEvents.left(pupil.id(), pupil.schoolCode(), on, LeavingDestination.BAO);
    }

    /** The pupil left today and enrolled at {@code newSchool}; returns when the directory has it there. */
    public static void moved(Pupil pupil, School newSchool) {
        left(pupil, TestClock.today());
        TestEvents.send(EventType.PUPIL_ENROLLED, pupil.id().toString(), newSchool.code(),
                new PupilEnrolled(pupil.id(), UUID.randomUUID(), newSchool.code(), 5, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and school_code = ? and left_on is null",
                1, pupil.id(), newSchool.code());
    }

    /**
     * pupil-service erased the pupil after the retention period (PUPIL_ERASED); returns when the
     * directory dropped the pupil, which happens in the transaction that deletes the service's rows.
     * Returns the envelope as sent, to deliver it again.
     */
    public static String erase(Pupil pupil) {
        String sent = TestEvents.send(EventType.PUPIL_ERASED, pupil.id().toString(), pupil.schoolCode(),
                new PupilErased(pupil.id(), pupil.schoolCode(), TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ?", 0, pupil.id());
        return sent;
    }

    // ---- tokens with a subject the test knows (the audit's actor) -------------------------------

    /** A fresh subject for a role, e.g. {@code ib-<uuid>}. */
    public static String subject(String role) {
        return role + "-" + UUID.randomUUID();
    }

    public static String staff(String subject, String role, String schoolCode) {
        return TestTokens.token(subject, role, schoolCode);
    }

    /** An SWV consultant of the given SWV, with the subject given. */
    public static String consultant(String subject, String swv) {
        return TestTokens.subject(subject).roles("swv-consultant").swv(swv).sign();
    }

    /** A token of a role that works for the school, its board and its SWV in every claim there is. */
    public static String withEveryClaimOf(String subject, String role, School school) {
        return TestTokens.subject(subject).roles(role).schools(school.code()).board("B" + school.code())
                .swv(school.swv()).sign();
    }

    // ---- requests --------------------------------------------------------------------------

    public static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    public static String meetingEtag(String token, UUID meetingId) {
        return as(token).get("/meetings/{id}", meetingId).then().statusCode(200).extract().header("ETag");
    }

    /** The case's outcome recorded by {@code token}; returns the response (its action items in {@code actionItems}). */
    public static Response discussed(String token, UUID caseId, String discussedAs, List<String> decisions,
            List<Map<String, Object>> actionItems) {
        Response response = Fixtures.recordOutcome(token, caseId, Fixtures.outcome(discussedAs, decisions, actionItems));
        response.then().statusCode(200);
        return response;
    }

    /** A case put on a BOT's agenda by name whose parents granted consent: it may be named. */
    public static UUID namedBotCase(UUID botMeeting, Pupil pupil) {
        UUID caseId = Fixtures.caseOf(botMeeting, pupil, true);
        Fixtures.decide(pupil, caseId, Fixtures.consentRequestId(caseId), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM,
                ConsentOutcome.GRANTED);
        TestDb.awaitCount("select count(*) from team_case where id = ? and consent_outcome = 'GRANTED'", 1, caseId);
        return caseId;
    }

    public static Response markDone(String token, UUID actionItemId, String etag, LocalDate doneOn) {
        return as(token).header("If-Match", etag).body(Map.of("doneOn", doneOn.toString()))
                .post("/action-items/{id}/done", actionItemId);
    }

    public static Map<String, Object> arrangementInput(UUID caseId) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "INDIVIDUAL_SUPPORT", "fundingSource", "BOARD",
                "startDate", TestClock.today().minusWeeks(1).toString(), "description", "Twee uur per week extra begeleiding"));
        if (caseId != null) {
            body.put("caseId", caseId.toString());
        }
        return body;
    }

    public static Response startArrangement(String token, Pupil pupil, UUID caseId) {
        return as(token).body(arrangementInput(caseId)).post("/pupils/{id}/arrangements", pupil.id());
    }

    /** An arrangement recorded by the school's IB'er; returns its id. */
    public static UUID arrangement(Pupil pupil, UUID caseId) {
        return UUID.fromString(startArrangement(pupil.staff("ib"), pupil, caseId).then().statusCode(201).extract()
                .path("id"));
    }

    public static Response endArrangement(String token, UUID arrangementId, String etag, LocalDate endDate) {
        return as(token).header("If-Match", etag).body(Map.of("endDate", endDate.toString()))
                .post("/arrangements/{id}/end", arrangementId);
    }

    /** A TLV request without advices for the pupil, prepared by {@code token}. */
    public static Response prepareTlv(String token, Pupil pupil, String target) {
        return as(token).body(Map.of("target", target, "motivation", "Ondersteuningsbehoefte overstijgt de basisschool",
                "advices", List.of())).post("/pupils/{id}/tlv-requests", pupil.id());
    }

    public static Response submitTlv(String token, UUID tlvId, String etag) {
        return as(token).header("If-Match", etag).post("/tlv-requests/{id}/submit", tlvId);
    }

    /**
     * A TLV request with two proper advices, submitted by the director; returns its id. (Unlike
     * {@code Fixtures.submittedTlv}, the submit is sent as JSON, as the resource consumes it.)
     */
    public static UUID submittedTlv(Pupil pupil, String target) {
        UUID id = UUID.fromString(Fixtures.prepareTlv(pupil, target, List.of(Fixtures.advice("Drs. A. de Vries",
                "ORTHOPEDAGOOG"), Fixtures.advice("Dr. B. Kuiper", "CHILD_PSYCHIATRIST"))).then().statusCode(201)
                .extract().path("id"));
        String director = pupil.staff("director");
        submitTlv(director, id, Fixtures.tlvEtag(director, id)).then().statusCode(200);
        return id;
    }

    public static Map<String, Object> grant(String category) {
        return new HashMap<>(Map.of("outcome", "GRANTED", "category", category,
                "startDate", TestClock.today().plusWeeks(2).toString(), "endDate", TestClock.today().plusYears(2).toString()));
    }

    public static Response decideTlv(String token, UUID tlvId, String etag, Map<String, Object> decision) {
        return as(token).header("If-Match", etag).body(decision).post("/tlv-requests/{id}/decision", tlvId);
    }

    public static Map<String, Object> objection() {
        return new HashMap<>(Map.of("lodgedOn", TestClock.today().toString(),
                "grounds", "Wij zijn het niet eens met de categorie"));
    }

    public static Response object(String token, UUID tlvId, String etag) {
        return as(token).header("If-Match", etag).body(objection()).post("/tlv-requests/{id}/objection", tlvId);
    }
}
