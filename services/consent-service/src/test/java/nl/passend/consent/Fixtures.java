package nl.passend.consent;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.passend.events.EventEnvelope;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;

/**
 * Test data as the other services send it: pupil and guardian events on passend.pupil and consent
 * requests on passend.opp / passend.team, produced to the real test broker; tokens per role.
 */
public final class Fixtures {

    public static final String ADMIN = TestTokens.subject("admin-1").roles("admin").sign();

    private Fixtures() {
    }

    /** A pupil as consent-service knows it, with its guardians (ids and logins). */
    public record Pupil(UUID id, String schoolCode, List<Guardian> guardians) {
        public Guardian guardian(int i) {
            return guardians.get(i);
        }
    }

    public record Guardian(UUID id, String accountId, boolean authority) {
        public String token() {
            return parent(accountId);
        }
    }

    public static String newSchoolCode() {
        return TestTokens.newSchoolCode();
    }

    public static String staff(String role, String schoolCode) {
        return TestTokens.token(role + "-" + UUID.randomUUID(), role, schoolCode);
    }

    public static String parent(String subject) {
        return TestTokens.subject(subject).roles("parent").sign();
    }

    /**
     * Enrols a new pupil at a new school with guardians (true = with parental authority), each linked
     * to a login, through passend.pupil; returns when consent-service's copy has them all.
     */
    public static Pupil pupil(boolean... authority) {
        String school = newSchoolCode();
        UUID pupilId = UUID.randomUUID();
        send(EventType.PUPIL_ENROLLED, pupilId.toString(), school,
                new PupilEnrolled(pupilId, UUID.randomUUID(), school, 5, TestClock.today()));
        List<Guardian> guardians = new ArrayList<>();
        for (boolean a : authority) {
            Guardian g = new Guardian(UUID.randomUUID(), "parent-" + UUID.randomUUID(), a);
            guardianEvent(EventType.GUARDIAN_ADDED, pupilId, school, g);
            guardians.add(g);
        }
        awaitCount("select count(*) from directory_pupil where id = ?1", pupilId, 1);
        awaitCount("select count(*) from directory_guardian where pupil_id = ?1", pupilId, authority.length);
        return new Pupil(pupilId, school, guardians);
    }

    public static void guardianEvent(EventType type, UUID pupilId, String school, Guardian g) {
        send(type, pupilId.toString(), school,
                new GuardianChanged(pupilId, g.id(), g.accountId(), g.authority(), school, TestClock.today()));
    }

    /** A consent request of opp-service on passend.opp; returns the envelope as sent (to send it again). */
    public static String requestConsent(Pupil pupil, UUID requestId, ConsentPurpose purpose) {
        return send(EventType.OPP_CONSENT_REQUESTED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentRequested(requestId, purpose, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.OPP, UUID.randomUUID(), 3), TestClock.today()));
    }

    /** Sends a request event and waits until consent-service has stored it; returns the request id. */
    public static UUID requested(Pupil pupil) {
        UUID requestId = UUID.randomUUID();
        requestConsent(pupil, requestId, ConsentPurpose.OPP_ACTION_PART);
        awaitCount("select count(*) from consent_request where id = ?1", requestId, 1);
        return requestId;
    }

    public static String send(EventType type, String key, String school, EventPayload payload) {
        return TestEvents.send(type, key, school, payload);
    }

    public static void sendRaw(String topic, String key, String value) {
        TestEvents.sendRaw(topic, key, value);
    }

    /** A parent's (or the IB'er's) answer through the API; returns the status. */
    public static io.restassured.response.Response answer(String token, UUID requestId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/consent-requests/{id}/answers", requestId);
    }

    public static io.restassured.response.Response withdraw(String token, UUID requestId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/consent-requests/{id}/withdrawals", requestId);
    }

    public static String outcome(UUID requestId) {
        return given().auth().oauth2(ADMIN).get("/consent-requests/{id}", requestId)
                .then().statusCode(200).extract().path("outcome");
    }

    /** The decisions about one request on passend.consent, waiting up to {@code timeout} for {@code count}. */
    public static List<EventEnvelope> decisions(UUID requestId, int count, Duration timeout) {
        return TopicProbe.events(Topics.CONSENT, e -> e.type().equals(EventType.CONSENT_DECIDED.type())
                && requestId.toString().equals(e.data().path("requestId").asText()), count, timeout);
    }

    /**
     * The outcomes of the decisions about one request in the outbox, oldest first. The outbox row is
     * written in the transaction of the decision itself, so once a change has committed this is
     * exactly what was decided, with no waiting for the topic.
     */
    public static List<String> decidedInOutbox(UUID requestId) {
        String outcomes = TestDb.string("select string_agg(envelope::jsonb -> 'data' ->> 'outcome', ',' order by seq)"
                + " from outbox_event where event_type = ? and envelope::jsonb -> 'data' ->> 'requestId' = ?",
                EventType.CONSENT_DECIDED.type(), requestId.toString());
        return outcomes == null ? List.of() : List.of(outcomes.split(","));
    }

    public static long count(String sql, Object param) {
        return TestDb.count(sql, param);
    }

    public static void execute(String sql, Object param) {
        TestDb.execute(sql, param);
    }

    public static void awaitCount(String sql, Object param, long expected) {
        TestDb.awaitCount(sql, expected, param);
    }

    /** The subject of a token made here. */
    public static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString("sub");
    }

    public static <T> Predicate<T> any() {
        return t -> true;
    }
}
