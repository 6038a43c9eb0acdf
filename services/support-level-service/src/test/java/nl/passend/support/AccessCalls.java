package nl.passend.support;

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
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.pupil.PupilErased;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.DirectoryEvents.Professional;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;

/**
 * What the authorization, audit and erasure tests need beyond {@link Fixtures}: directory changes on
 * passend.pupil (a linked care professional, a pupil leaving or erased), tokens with a subject the
 * test knows, interventions and action plans through the API, and the audit_log rows.
 */
public final class AccessCalls {

    private AccessCalls() {
    }

    // ---- directory changes on passend.pupil ----------------------------------------------------

    public static Professional linkProfessional(Pupil pupil) {
        return DirectoryEvents.linkProfessional(pupil.id(), pupil.schoolCode());
    }

    public static void unlinkProfessional(Pupil pupil, Professional professional) {
        DirectoryEvents.unlinkProfessional(pupil.id(), pupil.schoolCode(), professional);
    }

    /** The pupil left its school on {@code on} (PUPIL_LEFT); returns when the directory knows. */
    public static void left(Pupil pupil, LocalDate on) {
        DirectoryEvents.left(pupil.id(), pupil.schoolCode(), on, LeavingDestination.BAO);
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

    /** A token of a role that works for the pupil's school, board and SWV in every claim there is. */
    public static String withEveryClaimOf(String subject, String role, String schoolCode) {
        return TestTokens.subject(subject).roles(role).schools(schoolCode).board("B" + schoolCode)
                .swv("SWV" + schoolCode).sign();
    }

    // ---- requests --------------------------------------------------------------------------

    public static RequestSpecification as(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.auth().oauth2(token);
    }

    /** Records one intervention for the pupils in a batch of its own; returns its id. */
    public static UUID recordIntervention(String token, String schoolCode, String domain, List<UUID> pupils) {
        Response batch = Fixtures.batch(token, schoolCode,
                List.of(Fixtures.intervention("app-" + UUID.randomUUID(), domain, pupils)), List.of());
        batch.then().statusCode(200);
        return UUID.fromString(batch.path("interventions[0].id"));
    }

    /** Records a session held of an intervention recorded before (by its appId). */
    public static Map<String, Object> session(String interventionAppId, LocalDate heldOn) {
        return new HashMap<>(Map.of("appId", "session-" + UUID.randomUUID(), "interventionAppId", interventionAppId,
                "heldOn", heldOn.toString(), "minutes", 20));
    }

    public static String interventionEtag(UUID interventionId, String token) {
        return as(token).get("/interventions/{id}", interventionId).then().statusCode(200).extract().header("ETag");
    }

    public static Map<String, Object> interventionEvaluation(String effect) {
        return new HashMap<>(Map.of("effect", effect, "note", "Kort verslag", "evaluatedOn", TestClock.today().toString()));
    }

    public static Response evaluateIntervention(String token, UUID interventionId, String etag, String effect) {
        return as(token).header("If-Match", etag).body(interventionEvaluation(effect))
                .post("/interventions/{id}/evaluation", interventionId);
    }

    public static Map<String, Object> actionPlanInput(List<UUID> pupils) {
        return new HashMap<>(Map.of("pupilIds", pupils, "domain", "READING", "goal", "Leest AVI E4 vlot",
                "approach", "Drie keer per week duolezen", "startDate", TestClock.today().minusWeeks(1).toString(),
                "endDate", TestClock.today().plusWeeks(8).toString()));
    }

    public static Response startActionPlan(String token, String schoolCode, List<UUID> pupils) {
        return as(token).body(actionPlanInput(pupils)).post("/schools/{code}/action-plans", schoolCode);
    }

    /** The IB'er starts a handelingsplan for pupils at LEVEL_3; returns its id. */
    public static UUID actionPlan(String schoolCode, List<UUID> pupils) {
        Response started = startActionPlan(Fixtures.staff("ib", schoolCode), schoolCode, pupils);
        started.then().statusCode(201);
        return UUID.fromString(started.path("id"));
    }

    public static Map<String, Object> actionPlanEvaluation(boolean end) {
        return new HashMap<>(Map.of("evaluation", "Het duolezen helpt", "evaluatedOn", TestClock.today().toString(),
                "end", end));
    }

    public static String actionPlanEtag(UUID planId, String token) {
        return as(token).get("/action-plans/{id}", planId).then().statusCode(200).extract().header("ETag");
    }

    public static Response evaluateActionPlan(String token, UUID planId, String etag, boolean end) {
        return as(token).header("If-Match", etag).body(actionPlanEvaluation(end))
                .post("/action-plans/{id}/evaluation", planId);
    }
}
