package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.testing.ProblemAssert;
import nl.passend.testing.TestDb;

/**
 * The API calls of the input, lifecycle and concurrency tests (OppInputTest, OppLifecycleApiTest,
 * OppConcurrencyTest), and the "nothing written" check. Kept apart from {@link Fixtures} so that
 * additions to both merge without conflict.
 */
final class OppCalls {

    static final String PROBLEM_JSON = "application/problem+json";

    private OppCalls() {
    }

    /** The shared problem+json assertion, returning the response for further checks. */
    static ValidatableResponse problem(Response response, int status, String slug) {
        return ProblemAssert.assertProblem(response, status, slug);
    }

    // ---- requests ------------------------------------------------------------------------------

    static RequestSpecification as(String token, String ifMatch) {
        RequestSpecification spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        return ifMatch == null ? spec : spec.header("If-Match", ifMatch);
    }

    static Response create(Pupil pupil, Object body) {
        return as(pupil.staff("ib"), null).body(body).post("/pupils/{id}/opps", pupil.id());
    }

    static Response edit(Pupil pupil, UUID planId, Object number, String ifMatch, Object body) {
        return as(pupil.staff("teacher"), ifMatch).body(body).put("/opps/{id}/versions/{n}", planId, number);
    }

    static Response revise(Pupil pupil, UUID planId, String ifMatch, Object body) {
        return as(pupil.staff("ib"), ifMatch).body(body).post("/opps/{id}/versions", planId);
    }

    static Response consentRequest(Pupil pupil, UUID planId, Object number, String ifMatch) {
        return as(pupil.staff("ib"), ifMatch).post("/opps/{id}/versions/{n}/consent-request", planId, number);
    }

    static Response evaluate(Pupil pupil, UUID planId, Object number, String ifMatch, Object body) {
        return as(pupil.staff("ib"), ifMatch).body(body).post("/opps/{id}/versions/{n}/evaluations", planId, number);
    }

    static Response addView(String token, UUID planId, Object number, String ifMatch, Object body) {
        return as(token, ifMatch).body(body).post("/opps/{id}/versions/{n}/views", planId, number);
    }

    static Response addDocument(Pupil pupil, UUID planId, String ifMatch, Object body) {
        return as(pupil.staff("ib"), ifMatch).body(body).post("/opps/{id}/documents", planId);
    }

    static Response close(Pupil pupil, UUID planId, String ifMatch, String reason) {
        return as(pupil.staff("ib"), ifMatch).body(Map.of("reason", reason)).post("/opps/{id}/closure", planId);
    }

    static Response version(Pupil pupil, UUID planId, Object number) {
        return given().auth().oauth2(pupil.staff("ib")).get("/opps/{id}/versions/{n}", planId, number);
    }

    static String etag(Pupil pupil, UUID planId) {
        return Fixtures.etag(pupil, planId);
    }

    // ---- bodies --------------------------------------------------------------------------------

    /** A deep, mutable copy of a JSON-like body, so that one part of it can be changed or removed. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return value;
    }

    /** A valid plan body with {@code change} applied to a copy of it. */
    static Map<String, Object> plan(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> body = copy(Fixtures.planInput());
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> body, String name) {
        return (Map<String, Object>) body.get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> goals(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("goals");
    }

    /** The goal ids of the current version of a plan response, in order. */
    static List<String> goalIds(Response planResponse) {
        return planResponse.path("current.content.goals.id");
    }

    /** An evaluation body reporting {@code progress} on each of the given goals. */
    static Map<String, Object> evaluation(LocalDate on, List<String> goalIds) {
        List<Map<String, Object>> progress = new ArrayList<>();
        for (String id : goalIds) {
            progress.add(new HashMap<>(Map.of("goalId", id, "progress", "ON_TRACK", "note", "groeit zoals verwacht")));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("evaluatedOn", on.toString());
        body.put("goalProgress", progress);
        body.put("changes", "Instructie rekenen blijft; aandacht voor werkhouding.");
        body.put("pupilView", "Ik vind rekenen nu leuker.");
        body.put("parentView", "We zien thuis dat hij meer durft.");
        return body;
    }

    // ---- nothing written -----------------------------------------------------------------------

    /**
     * What a rejected request must leave as it was: the rows about the pupil's plans in every OPP
     * table, the pupil's events in the outbox, the audit of changes (reads are audited too, so they
     * are left out), and each plan as the API shows it (its ETag and updatedAt included).
     */
    record Snapshot(UUID pupilId, Map<String, Long> counts, Map<UUID, String> plans) {

        private static final String PLANS = "(select id from opp_plan where pupil_id = ?)";

        static Snapshot of(Pupil pupil) {
            Map<String, Long> counts = new LinkedHashMap<>();
            UUID id = pupil.id();
            counts.put("opp_plan", TestDb.count("select count(*) from opp_plan where pupil_id = ?", id));
            counts.put("opp_plan.version", TestDb.count(
                    "select coalesce(sum(version), 0) from opp_plan where pupil_id = ?", id));
            for (String table : List.of("opp_version", "opp_evaluation", "opp_view", "opp_document",
                    "opp_consent_decision", "opp_consent_request")) {
                counts.put(table, TestDb.count("select count(*) from " + table + " where plan_id in " + PLANS, id));
            }
            counts.put("outbox_event", TestDb.count("select count(*) from outbox_event where event_key = ?",
                    id.toString()));
            counts.put("audit_log (changes)", TestDb.count("select count(*) from audit_log where pupil_id = ?"
                    + " and action not in ('opp.read', 'opp.list', 'opp.version.read')", id));
            Map<UUID, String> plans = new LinkedHashMap<>();
            List<String> ids = given().auth().oauth2(pupil.staff("ib")).get("/pupils/{id}/opps", id)
                    .then().statusCode(200).extract().path("id");
            for (String planId : ids) {
                UUID plan = UUID.fromString(planId);
                Response r = Fixtures.get(pupil.staff("ib"), plan);
                plans.put(plan, r.header("ETag") + " " + r.asString());
            }
            return new Snapshot(id, counts, plans);
        }

        /** Fails when anything about the pupil's plans was written since the snapshot. */
        void assertUnchanged(Pupil pupil) {
            Snapshot now = of(pupil);
            assertThat(now.counts()).as("rows about pupil %s", pupilId).isEqualTo(counts);
            assertThat(now.plans()).as("the plans of pupil %s as the API shows them", pupilId).isEqualTo(plans);
        }
    }

    /** Rows in the OPP tables altogether, for requests that name no pupil the service knows. */
    static Map<String, Long> totals() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("opp_plan", "opp_version", "opp_evaluation", "opp_view", "opp_document")) {
            counts.put(table, TestDb.count("select count(*) from " + table));
        }
        return counts;
    }
}
