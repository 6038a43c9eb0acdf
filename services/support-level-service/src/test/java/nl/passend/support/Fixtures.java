package nl.passend.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;

/**
 * Test data as pupil-service sends it (schools, pupils, guardians on passend.pupil), levels and
 * interventions through the API, and tokens per role.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A pupil support-level-service knows, with its school and a parent login. */
    public record Pupil(UUID id, String schoolCode, String parentAccount) {
        public String parent() {
            return TestTokens.subject(parentAccount).roles("parent").sign();
        }

        public String staff(String role) {
            return Fixtures.staff(role, schoolCode);
        }
    }

    public static String school() {
        String code = TestTokens.newSchoolCode();
        TestEvents.send(EventType.SCHOOL_REGISTERED, code, code,
                new SchoolChanged(code, SchoolType.BAO, "B" + code, "SWV" + code, TestClock.today()));
        return code;
    }

    public static Pupil pupil() {
        return pupil(school());
    }

    /** A pupil enrolled at the school with one guardian whose login is linked; returns when the directory has it. */
    public static Pupil pupil(String schoolCode) {
        UUID pupilId = UUID.randomUUID();
        String account = "parent-" + UUID.randomUUID();
        TestEvents.send(EventType.PUPIL_ENROLLED, pupilId.toString(), schoolCode,
                new PupilEnrolled(pupilId, UUID.randomUUID(), schoolCode, 5, TestClock.today().minusYears(1)));
        TestEvents.send(EventType.GUARDIAN_ADDED, pupilId.toString(), schoolCode,
                new GuardianChanged(pupilId, UUID.randomUUID(), account, true, schoolCode, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_guardian where pupil_id = ?", 1, pupilId);
        return new Pupil(pupilId, schoolCode, account);
    }

    public static String staff(String role, String schoolCode) {
        return TestTokens.token(role + "-" + UUID.randomUUID(), role, schoolCode);
    }

    public static String etag(Pupil pupil) {
        return given().auth().oauth2(pupil.staff("ib")).get("/pupils/{id}/support-level", pupil.id())
                .then().statusCode(200).extract().header("ETag");
    }

    public static Map<String, Object> levelChange(String level, LocalDate effective) {
        return new HashMap<>(Map.of("level", level, "effectiveDate", effective.toString(),
                "reason", "Onvoldoende groei na twee periodes", "domains", List.of("READING"),
                "decidedBy", "ondersteuningsteam"));
    }

    /** The IB'er changes the pupil's level (with the current ETag). */
    public static Response changeLevel(Pupil pupil, String level, LocalDate effective) {
        return given().auth().oauth2(pupil.staff("ib")).header("If-Match", etag(pupil)).contentType(ContentType.JSON)
                .body(levelChange(level, effective)).post("/pupils/{id}/support-level", pupil.id());
    }

    public static Map<String, Object> intervention(String appId, String domain, List<UUID> pupils) {
        return new HashMap<>(Map.of("appId", appId, "pupilIds", pupils, "domain", domain, "level", "LEVEL_3",
                "kind", "SMALL_GROUP_TRAINING", "startDate", TestClock.today().minusWeeks(8).toString(),
                "endDate", TestClock.today().minusWeeks(1).toString(), "frequencyPerWeek", 3, "minutesPerSession", 20,
                "givenBy", "TEACHING_ASSISTANT"));
    }

    public static Response batch(String token, String schoolCode, List<Map<String, Object>> interventions,
            List<Map<String, Object>> sessions) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("interventions", interventions, "sessions", sessions))
                .post("/schools/{code}/interventions/batch", schoolCode);
    }

    /** Events on passend.support about one pupil, of one type. */
    public static List<EventEnvelope> supportEvents(UUID pupilId, EventType type, int count) {
        return TopicProbe.events(Topics.SUPPORT, e -> e.type().equals(type.type())
                && pupilId.toString().equals(e.subject()), count, Duration.ofSeconds(30));
    }
}
