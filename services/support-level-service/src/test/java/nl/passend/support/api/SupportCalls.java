package nl.passend.support.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.testing.TestDb;
import nl.passend.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Calls of the support API and checks beneath it, shared by the API tests of levels, interventions and action plans. */
final class SupportCalls {

    static final String PROBLEM_JSON = "application/problem+json";

    private SupportCalls() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String token, String ifMatch) {
        RequestSpecification spec = as(token);
        return ifMatch == null ? spec : spec.header("If-Match", ifMatch);
    }

    // ---- levels ---------------------------------------------------------------------------------

    static Response changeLevel(Pupil pupil, String ifMatch, Object body) {
        return as(pupil.staff("ib"), ifMatch).body(body).post("/pupils/{id}/support-level", pupil.id());
    }

    static Response current(Pupil pupil) {
        return given().auth().oauth2(pupil.staff("ib")).get("/pupils/{id}/support-level", pupil.id());
    }

    static List<Map<String, Object>> history(Pupil pupil) {
        return given().auth().oauth2(pupil.staff("ib")).get("/pupils/{id}/support-level/history", pupil.id())
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    static Map<String, Object> correction(String level, LocalDate effective, Object correctsEntryId) {
        Map<String, Object> body = new HashMap<>(nl.passend.support.Fixtures.levelChange(level, effective));
        body.put("correctsEntryId", String.valueOf(correctsEntryId));
        return body;
    }

    // ---- interventions --------------------------------------------------------------------------

    static Map<String, Object> session(String appId, String interventionAppId, LocalDate heldOn, int minutes) {
        return new HashMap<>(Map.of("appId", appId, "interventionAppId", interventionAppId,
                "heldOn", heldOn.toString(), "minutes", minutes));
    }

    static Response intervention(String token, Object id) {
        return given().auth().oauth2(token).get("/interventions/{id}", id);
    }

    static String interventionETag(String token, Object id) {
        return intervention(token, id).then().statusCode(200).extract().header("ETag");
    }

    static Map<String, Object> interventionEvaluation(String effect, LocalDate on) {
        return new HashMap<>(Map.of("effect", effect, "note", "Doel niet gehaald", "evaluatedOn", on.toString()));
    }

    static Response evaluateIntervention(String token, Object id, String ifMatch, Object body) {
        return as(token, ifMatch).body(body).post("/interventions/{id}/evaluation", id);
    }

    // ---- action plans ---------------------------------------------------------------------------

    static Map<String, Object> actionPlan(List<UUID> pupils, LocalDate start, LocalDate end) {
        return new HashMap<>(Map.of("pupilIds", pupils, "domain", "READING",
                "goal", "Leest AVI E4 vloeiend aan het einde van de periode",
                "approach", "Drie keer per week tien minuten herhaald lezen in een groepje",
                "startDate", start.toString(), "endDate", end.toString()));
    }

    static Response startActionPlan(String token, String schoolCode, Object body) {
        return as(token).body(body).post("/schools/{code}/action-plans", schoolCode);
    }

    static Response actionPlan(String token, Object id) {
        return given().auth().oauth2(token).get("/action-plans/{id}", id);
    }

    static Map<String, Object> actionPlanEvaluation(LocalDate on, boolean end) {
        return new HashMap<>(Map.of("evaluation", "Doel grotendeels gehaald", "evaluatedOn", on.toString(),
                "end", end));
    }

    static Response evaluateActionPlan(String token, Object id, String ifMatch, Object body) {
        return as(token, ifMatch).body(body).post("/action-plans/{id}/evaluation", id);
    }

    // ---- events ---------------------------------------------------------------------------------

    /**
     * The events of {@code type} on passend.support keyed by the pupil, once the outbox sent everything
     * about the pupil: waits for {@code expected} of them, and returns all there are.
     */
    static List<ConsumerRecord<String, String>> sent(EventType type, UUID pupilId, int expected) {
        TestDb.awaitCount("select count(*) from outbox_event where event_key = ? and sent_at is null", 0,
                pupilId.toString());
        return TopicProbe.records(Topics.SUPPORT, r -> pupilId.toString().equals(r.key()) && isType(r.value(), type),
                expected, Duration.ofSeconds(expected == 0 ? 3 : 30));
    }

    static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value());
    }

    private static boolean isType(String value, EventType type) {
        try {
            return type.type().equals(EventJson.read(value).type());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Rows of the outbox about the pupil, of one event type. */
    static long outbox(UUID pupilId, EventType type) {
        return TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ?",
                pupilId.toString(), type.type());
    }

    // ---- nothing written ------------------------------------------------------------------------

    /** What the service holds about the given schools (and their pupils): compare before and after a refused request. */
    record Rows(List<String> schoolCodes, Map<String, Long> counts) {

        private static final String PUPILS = "(select id from directory_pupil where school_code = ?)";
        private static final String INTERVENTIONS = "(select id from intervention where school_code = ?)";
        private static final String PLANS = "(select id from action_plan where school_code = ?)";

        static Rows of(String... schoolCodes) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String code : schoolCodes) {
                counts.put(code + " level_entry", TestDb.count("select count(*) from level_entry where school_code = ?"
                        + " or pupil_id in " + PUPILS, code, code));
                counts.put(code + " pupil_support", TestDb.count("select count(*) from pupil_support where school_code = ?",
                        code));
                counts.put(code + " pupil_support.version", TestDb.count(
                        "select coalesce(sum(version), 0) from pupil_support where school_code = ?", code));
                counts.put(code + " intervention", TestDb.count("select count(*) from intervention where school_code = ?",
                        code));
                counts.put(code + " intervention.version", TestDb.count(
                        "select coalesce(sum(version), 0) from intervention where school_code = ?", code));
                counts.put(code + " intervention_pupil", TestDb.count("select count(*) from intervention_pupil"
                        + " where intervention_id in " + INTERVENTIONS + " or pupil_id in " + PUPILS, code, code));
                counts.put(code + " intervention_session", TestDb.count("select count(*) from intervention_session"
                        + " where intervention_id in " + INTERVENTIONS, code));
                counts.put(code + " action_plan", TestDb.count("select count(*) from action_plan where school_code = ?",
                        code));
                counts.put(code + " action_plan.version", TestDb.count(
                        "select coalesce(sum(version), 0) from action_plan where school_code = ?", code));
                counts.put(code + " action_plan_pupil", TestDb.count("select count(*) from action_plan_pupil"
                        + " where action_plan_id in " + PLANS + " or pupil_id in " + PUPILS, code, code));
                counts.put(code + " outbox_event", TestDb.count("select count(*) from outbox_event where event_key in"
                        + " (select id::text from directory_pupil where school_code = ?)"
                        + " or envelope like '%\"schoolcode\":\"' || ? || '\"%'", code, code));
                counts.put(code + " audit_log (writes)", TestDb.count("select count(*) from audit_log where pupil_id in "
                        + PUPILS + " and action not like '%.read' and action not like '%.list'"
                        + " and action <> 'support.level.history'", code));
            }
            return new Rows(List.of(schoolCodes), counts);
        }

        /** Fails when anything about these schools was written since. */
        void assertUnchanged() {
            assertThat(of(schoolCodes.toArray(String[]::new)).counts()).as("rows of %s", schoolCodes)
                    .isEqualTo(counts);
        }
    }
}
