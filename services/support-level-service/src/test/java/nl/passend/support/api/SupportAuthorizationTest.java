package nl.passend.support.api;

import static nl.passend.support.AccessCalls.as;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static nl.passend.testing.ProblemAssert.bodyWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.passend.events.EventType;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.support.AccessCalls;
import nl.passend.testing.DirectoryEvents.Professional;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what with a pupil's support data (the per-object access rules), per role and
 * endpoint, reads and writes. A role that may never call an endpoint gets 403; a pupil, intervention
 * or action plan the caller may not see is answered exactly like one that does not exist (the same
 * 404, naming nothing of the pupil); without a token 401.
 */
@QuarkusTest
class SupportAuthorizationTest {

    private static final Set<String> READERS = Set.of("ib", "director", "teacher", "care-professional", "parent");
    private static final Set<String> STAFF = Set.of("ib", "director", "teacher");

    /** What an endpoint is addressed by. */
    enum By {
        PUPIL, INTERVENTION, PLAN, SCHOOL
    }

    /**
     * A pupil and a classmate at LEVEL_3, an intervention of the pupil alone and one of both (a group),
     * and a handelingsplan of the pupil, all at their school.
     */
    record Scenario(Pupil pupil, Pupil classmate, UUID intervention, UUID groupIntervention, UUID plan) {
        String school() {
            return pupil.schoolCode();
        }

        String id(By by) {
            return switch (by) {
                case PUPIL -> pupil.id().toString();
                case INTERVENTION -> intervention.toString();
                case PLAN -> plan.toString();
                case SCHOOL -> pupil.schoolCode();
            };
        }
    }

    /** One endpoint: how it is addressed, the body it takes (null: none), whether it needs If-Match, who may call it. */
    record Endpoint(String name, String method, String path, By by, Function<Scenario, Object> body, boolean ifMatch,
            Set<String> roles) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("read level", "GET", "/pupils/%s/support-level", By.PUPIL, null, false, READERS),
            new Endpoint("change level", "POST", "/pupils/%s/support-level", By.PUPIL,
                    s -> Fixtures.levelChange("LEVEL_2", TestClock.today()), true, Set.of("ib")),
            new Endpoint("history", "GET", "/pupils/%s/support-level/history", By.PUPIL, null, false, READERS),
            new Endpoint("record interventions", "POST", "/schools/%s/interventions/batch", By.SCHOOL,
                    s -> Map.of("interventions", List.of(Fixtures.intervention("app-" + UUID.randomUUID(), "MATHS",
                            List.of(s.pupil().id()))), "sessions", List.of()), false, Set.of("teacher", "ib")),
            new Endpoint("list interventions", "GET", "/pupils/%s/interventions", By.PUPIL, null, false, READERS),
            new Endpoint("read intervention", "GET", "/interventions/%s", By.INTERVENTION, null, false, READERS),
            new Endpoint("evaluate intervention", "POST", "/interventions/%s/evaluation", By.INTERVENTION,
                    s -> AccessCalls.interventionEvaluation("ACHIEVED"), true, Set.of("teacher", "ib")),
            new Endpoint("start action plan", "POST", "/schools/%s/action-plans", By.SCHOOL,
                    s -> AccessCalls.actionPlanInput(List.of(s.pupil().id())), false, Set.of("ib")),
            new Endpoint("read action plan", "GET", "/action-plans/%s", By.PLAN, null, false, STAFF),
            new Endpoint("list action plans", "GET", "/pupils/%s/action-plans", By.PUPIL, null, false, STAFF),
            new Endpoint("evaluate action plan", "POST", "/action-plans/%s/evaluation", By.PLAN,
                    s -> AccessCalls.actionPlanEvaluation(true), true, Set.of("ib")),
            new Endpoint("list signals", "GET", "/schools/%s/support-signals", By.SCHOOL, null, false,
                    Set.of("ib", "director")));

    // ---- the scenario and requests -------------------------------------------------------------

    private static Scenario scenario() {
        String school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil classmate = Fixtures.pupil(school);
        Fixtures.changeLevel(pupil, "LEVEL_3", TestClock.today().minusMonths(3)).then().statusCode(201);
        Fixtures.changeLevel(classmate, "LEVEL_3", TestClock.today().minusMonths(3)).then().statusCode(201);
        String teacher = Fixtures.staff("teacher", school);
        UUID intervention = AccessCalls.recordIntervention(teacher, school, "READING", List.of(pupil.id()));
        UUID group = AccessCalls.recordIntervention(teacher, school, "READING", List.of(pupil.id(), classmate.id()));
        UUID plan = AccessCalls.actionPlan(school, List.of(pupil.id()));
        return new Scenario(pupil, classmate, intervention, group, plan);
    }

    /** A stale ETag: a write that got past the authorization by mistake fails with 412 and changes nothing. */
    private static final String STALE = "\"999\"";

    private static Response call(String token, Endpoint endpoint, Scenario s, String id) {
        RequestSpecification request = as(token);
        if (endpoint.ifMatch()) {
            request = request.header("If-Match", STALE);
        }
        if (endpoint.body() != null) {
            request = request.body(endpoint.body().apply(s));
        }
        return request.request(endpoint.method(), endpoint.path().formatted(id));
    }

    private static Response call(String token, Endpoint endpoint, Scenario s) {
        return call(token, endpoint, s, s.id(endpoint.by()));
    }

    private static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static String unknownId(By by) {
        return by == By.SCHOOL ? TestTokens.newSchoolCode() : UUID.randomUUID().toString();
    }

    // ---- assertions --------------------------------------------------------------------------

    /** Every endpoint the role may not call at all answers 403, whatever the caller could see. */
    private static void assertForbiddenOutsideRole(String token, String role, Scenario s) {
        for (Endpoint endpoint : ENDPOINTS) {
            if (!endpoint.roles().contains(role)) {
                assertRefused(call(token, endpoint, s), 403, role + " " + endpoint.name());
            }
        }
    }

    /**
     * Every endpoint answers the caller exactly as for a pupil, intervention, plan or school that does
     * not exist: 404 where the role may call the endpoint at all, 403 where not; naming nothing of the
     * pupil.
     */
    private static void assertHidden(String token, String role, Scenario s) {
        for (Endpoint endpoint : ENDPOINTS) {
            assertHidden(token, role, s, endpoint);
        }
    }

    private static void assertHidden(String token, String role, Scenario s, Endpoint endpoint) {
        String id = s.id(endpoint.by());
        String unknownId = unknownId(endpoint.by());
        Response hidden = call(token, endpoint, s, id);
        Response unknown = call(token, endpoint, s, unknownId);
        int expected = endpoint.roles().contains(role) ? 404 : 403;
        assertRefused(hidden, expected, role + " " + endpoint.name());
        assertRefused(unknown, expected, role + " " + endpoint.name() + " (unknown)");
        assertThat(bodyWithout(hidden, id)).as(role + " " + endpoint.name()).isEqualTo(bodyWithout(unknown, unknownId));
        assertNoData(hidden, s, endpoint);
    }

    /** 403 forbidden or 404 not-found as a Passend problem; {@code what} says which call failed. */
    private static void assertRefused(Response response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(status);
        assertProblem(response, status, status == 404 ? "not-found" : status == 403 ? "forbidden" : "unauthorized");
    }

    /** A refused answer names nothing of the pupil (its id, school, level, interventions) beyond the id asked for. */
    private static void assertNoData(Response refused, Scenario s, Endpoint endpoint) {
        String body = refused.asString();
        if (endpoint.by() != By.PUPIL) {
            assertThat(body).as(endpoint.name()).doesNotContain(s.pupil().id().toString());
        }
        if (endpoint.by() != By.SCHOOL) {
            assertThat(body).as(endpoint.name()).doesNotContain(s.school());
        }
        assertThat(body).as(endpoint.name()).doesNotContain(s.classmate().id().toString())
                .doesNotContain("LEVEL_").doesNotContain("READING").doesNotContain("Onvoldoende")
                .doesNotContain("SMALL_GROUP_TRAINING").doesNotContain("duolezen");
    }

    /** The caller reads the pupil's level, its history and interventions, and the pupil's own intervention. */
    private static void assertReadsLevelAndInterventions(String token, Scenario s) {
        as(token).get("/pupils/{id}/support-level", s.pupil().id()).then().statusCode(200)
                .body("pupilId", equalTo(s.pupil().id().toString())).body("level", equalTo("LEVEL_3"))
                .header("ETag", equalTo("\"1\""));
        as(token).get("/pupils/{id}/support-level/history", s.pupil().id()).then().statusCode(200)
                .body("level", contains("LEVEL_3"));
        as(token).get("/pupils/{id}/interventions", s.pupil().id()).then().statusCode(200)
                .body("id", containsInAnyOrder(s.intervention().toString(), s.groupIntervention().toString()));
        as(token).get("/interventions/{id}", s.intervention()).then().statusCode(200)
                .body("pupilIds", contains(s.pupil().id().toString()));
    }

    /** The pupil's own pupil only, among the group's pupils: in the list of interventions and the group itself. */
    private static void assertSeesOnlyOwnPupilOfTheGroup(String token, Scenario s) {
        String own = s.pupil().id().toString();
        as(token).get("/interventions/{id}", s.groupIntervention()).then().statusCode(200)
                .body("pupilIds", contains(own));
        as(token).get("/pupils/{id}/interventions", s.pupil().id()).then().statusCode(200)
                .body("find { it.id == '%s' }.pupilIds".formatted(s.groupIntervention()), contains(own));
    }

    private static void assertSeesWholeGroup(String token, Scenario s) {
        String[] both = {s.pupil().id().toString(), s.classmate().id().toString()};
        as(token).get("/interventions/{id}", s.groupIntervention()).then().statusCode(200)
                .body("pupilIds", containsInAnyOrder(both));
        as(token).get("/pupils/{id}/interventions", s.pupil().id()).then().statusCode(200)
                .body("find { it.id == '%s' }.pupilIds".formatted(s.groupIntervention()), containsInAnyOrder(both));
        as(token).get("/pupils/{id}/interventions", s.classmate().id()).then().statusCode(200)
                .body("find { it.id == '%s' }.pupilIds".formatted(s.groupIntervention()), containsInAnyOrder(both));
    }

    // ---- the pupil's school ----------------------------------------------------------------------

    @Test
    void theIbChangesLevelsManagesActionPlansRecordsAndReadsEverything() {
        Scenario s = scenario();
        String ib = s.pupil().staff("ib");
        assertReadsLevelAndInterventions(ib, s);
        assertSeesWholeGroup(ib, s);

        Response changed = as(ib).header("If-Match", "\"1\"").body(Fixtures.levelChange("LEVEL_2", TestClock.today()))
                .post("/pupils/{id}/support-level", s.pupil().id());
        changed.then().statusCode(201).body("level", equalTo("LEVEL_2")).body("entry.recordedRole", equalTo("ib"));
        Map<String, Object> correction = Fixtures.levelChange("LEVEL_3", TestClock.today());
        correction.put("correctsEntryId", changed.path("entry.id"));
        as(ib).header("If-Match", changed.header("ETag")).body(correction)
                .post("/pupils/{id}/support-level", s.pupil().id()).then().statusCode(201)
                .body("level", equalTo("LEVEL_3"));

        Fixtures.batch(ib, s.school(), List.of(Fixtures.intervention("ib-" + UUID.randomUUID(), "MATHS",
                List.of(s.pupil().id()))), List.of()).then().statusCode(200)
                .body("interventions[0].outcome", equalTo("CREATED"));
        AccessCalls.evaluateIntervention(ib, s.intervention(), AccessCalls.interventionEtag(s.intervention(), ib),
                "ACHIEVED").then().statusCode(200).body("effect", equalTo("ACHIEVED"));

        Response started = AccessCalls.startActionPlan(ib, s.school(), List.of(s.classmate().id()));
        started.then().statusCode(201).body("pupilIds", contains(s.classmate().id().toString()));
        UUID planId = UUID.fromString(started.path("id"));
        as(ib).get("/action-plans/{id}", planId).then().statusCode(200).body("id", equalTo(planId.toString()));
        as(ib).get("/pupils/{id}/action-plans", s.classmate().id()).then().statusCode(200)
                .body("id", contains(planId.toString()));
        Response evaluated = AccessCalls.evaluateActionPlan(ib, planId, started.header("ETag"), false);
        evaluated.then().statusCode(200).body("ended", equalTo(false));
        AccessCalls.evaluateActionPlan(ib, planId, evaluated.header("ETag"), true).then().statusCode(200)
                .body("ended", equalTo(true));

        as(ib).get("/schools/{code}/support-signals", s.school()).then().statusCode(200);
    }

    @Test
    void aTeacherRecordsEvaluatesAndReadsInterventionsButChangesNoLevelAndManagesNoActionPlan() {
        Scenario s = scenario();
        String teacher = s.pupil().staff("teacher");
        assertReadsLevelAndInterventions(teacher, s);
        assertSeesWholeGroup(teacher, s);

        Response batch = Fixtures.batch(teacher, s.school(),
                List.of(Fixtures.intervention("t-1", "MATHS", List.of(s.pupil().id(), s.classmate().id()))),
                List.of(AccessCalls.session("t-1", TestClock.today().minusWeeks(2))));
        batch.then().statusCode(200).body("interventions[0].outcome", equalTo("CREATED"))
                .body("sessions[0].outcome", equalTo("CREATED"));
        UUID recorded = UUID.fromString(batch.path("interventions[0].id"));
        as(teacher).get("/interventions/{id}", recorded).then().statusCode(200).body("sessions.size()", equalTo(1));
        as(teacher).get("/pupils/{id}/interventions", s.classmate().id()).then().statusCode(200)
                .body("id", hasItem(recorded.toString()));
        AccessCalls.evaluateIntervention(teacher, recorded, AccessCalls.interventionEtag(recorded, teacher),
                "PARTLY_ACHIEVED").then().statusCode(200).body("effect", equalTo("PARTLY_ACHIEVED"));
        as(teacher).get("/action-plans/{id}", s.plan()).then().statusCode(200);
        as(teacher).get("/pupils/{id}/action-plans", s.pupil().id()).then().statusCode(200)
                .body("id", contains(s.plan().toString()));

        // the IB'er's: levels and action plans; the signals are for the IB'er and the director
        assertProblem(as(teacher).header("If-Match", "\"1\"").body(Fixtures.levelChange("LEVEL_4", TestClock.today()))
                .post("/pupils/{id}/support-level", s.pupil().id()), 403, "forbidden");
        assertProblem(AccessCalls.startActionPlan(teacher, s.school(), List.of(s.pupil().id())), 403, "forbidden");
        assertProblem(AccessCalls.evaluateActionPlan(teacher, s.plan(), "\"0\"", true), 403, "forbidden");
        assertProblem(as(teacher).get("/schools/{code}/support-signals", s.school()), 403, "forbidden");
        String ib = s.pupil().staff("ib");
        as(ib).get("/pupils/{id}/support-level", s.pupil().id()).then().body("level", equalTo("LEVEL_3"));
        as(ib).get("/action-plans/{id}", s.plan()).then().body("ended", equalTo(false)).header("ETag", equalTo("\"0\""));
    }

    @Test
    void aDirectorReadsLevelsHistoryInterventionsActionPlansAndSignalsButWritesNothing() {
        Scenario s = scenario();
        Pupil late = Fixtures.pupil(s.school());
        Fixtures.changeLevel(late, "LEVEL_4", TestClock.today().minusWeeks(7)).then().statusCode(201);
        String director = s.pupil().staff("director");

        assertReadsLevelAndInterventions(director, s);
        assertSeesWholeGroup(director, s);
        as(director).get("/action-plans/{id}", s.plan()).then().statusCode(200)
                .body("pupilIds", contains(s.pupil().id().toString()));
        as(director).get("/pupils/{id}/action-plans", s.pupil().id()).then().statusCode(200)
                .body("id", contains(s.plan().toString()));
        as(director).get("/schools/{code}/support-signals", s.school()).then().statusCode(200)
                .body("pupilId", contains(late.id().toString())).body("kind", contains("LEVEL_4_WITHOUT_OPP"));

        assertForbiddenOutsideRole(director, "director", s);
        assertProblem(Fixtures.batch(director, s.school(), List.of(Fixtures.intervention("d-1", "MATHS",
                List.of(s.pupil().id()))), List.of()), 403, "forbidden");
        as(s.pupil().staff("ib")).get("/pupils/{id}/interventions", s.pupil().id()).then().body("size()", equalTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void theSchoolsStaffGet403OnlyWhereTheirRoleMayNeverCall(String role) {
        Scenario s = scenario();
        assertForbiddenOutsideRole(s.pupil().staff(role), role, s);
    }

    // ---- care professionals ----------------------------------------------------------------------

    @Test
    void aLinkedCareProfessionalReadsLevelHistoryAndInterventionsOfTheirPupilOnly() {
        Scenario s = scenario();
        Professional professional = AccessCalls.linkProfessional(s.pupil());

        assertReadsLevelAndInterventions(professional.token(), s);
        assertSeesOnlyOwnPupilOfTheGroup(professional.token(), s);
        assertForbiddenOutsideRole(professional.token(), "care-professional", s);

        // the classmate is not theirs: hidden like an unknown pupil
        Scenario classmates = new Scenario(s.classmate(), s.pupil(), s.groupIntervention(), s.groupIntervention(),
                s.plan());
        for (String name : List.of("read level", "history", "list interventions")) {
            assertHidden(professional.token(), "care-professional", classmates, endpoint(name));
        }
    }

    @Test
    void aCareProfessionalNotLinkedToThePupilGetsTheSame404AsForAnUnknownPupil() {
        Scenario s = scenario();
        Professional otherPupils = AccessCalls.linkProfessional(s.classmate());
        Scenario solo = withoutGroup(s);
        assertHidden(otherPupils.token(), "care-professional", solo);

        Professional unlinked = AccessCalls.linkProfessional(s.pupil());
        as(unlinked.token()).get("/pupils/{id}/support-level", s.pupil().id()).then().statusCode(200);
        AccessCalls.unlinkProfessional(s.pupil(), unlinked);
        assertHidden(unlinked.token(), "care-professional", s);
    }

    /** The scenario with the classmate left out: a caller who may see the classmate then sees nothing of it. */
    private static Scenario withoutGroup(Scenario s) {
        Pupil nobody = new Pupil(UUID.randomUUID(), s.school(), "nobody");
        return new Scenario(s.pupil(), nobody, s.intervention(), s.intervention(), s.plan());
    }

    // ---- parents -----------------------------------------------------------------------------

    @Test
    void aParentReadsTheirOwnChildsLevelHistoryAndInterventionsAndWritesNothing() {
        Scenario s = scenario();
        String parent = s.pupil().parent();

        assertReadsLevelAndInterventions(parent, s);
        assertSeesOnlyOwnPupilOfTheGroup(parent, s);
        assertForbiddenOutsideRole(parent, "parent", s);
        assertProblem(Fixtures.batch(parent, s.school(), List.of(Fixtures.intervention("p-1", "MATHS",
                List.of(s.pupil().id()))), List.of()), 403, "forbidden");
        assertProblem(as(parent).header("If-Match", "\"1\"").body(Fixtures.levelChange("LEVEL_1", TestClock.today()))
                .post("/pupils/{id}/support-level", s.pupil().id()), 403, "forbidden");
        as(s.pupil().staff("ib")).get("/pupils/{id}/support-level", s.pupil().id()).then()
                .body("level", equalTo("LEVEL_3")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void aParentOfAnotherChildGetsTheSame404AsForAnUnknownPupil() {
        Scenario s = scenario();
        // the classmate's parent: the group intervention is theirs too, so it is left out here
        assertHidden(s.classmate().parent(), "parent", withoutGroup(s));
        assertHidden(Fixtures.pupil().parent(), "parent", s);
    }

    // ---- other schools, SWV and other roles -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffOfAnotherSchoolGetTheSame404AsForAnUnknownPupil(String role) {
        Scenario s = scenario();
        String elsewhere = Fixtures.staff(role, Fixtures.school());
        assertHidden(elsewhere, role, s);
        // the group intervention the same
        Scenario group = new Scenario(s.pupil(), s.classmate(), s.groupIntervention(), s.groupIntervention(), s.plan());
        assertHidden(elsewhere, role, group, endpoint("read intervention"));
        assertHidden(elsewhere, role, group, endpoint("evaluate intervention"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib"})
    void aBatchForTheirOwnSchoolNamingAnotherSchoolsPupilIsRefusedLikeAnUnknownPupil(String role) {
        Scenario s = scenario();
        String otherSchool = Fixtures.school();
        String elsewhere = Fixtures.staff(role, otherSchool);
        UUID unknown = UUID.randomUUID();
        Response hidden = Fixtures.batch(elsewhere, otherSchool,
                List.of(Fixtures.intervention("x-1", "READING", List.of(s.pupil().id()))), List.of());
        Response unknownPupil = Fixtures.batch(elsewhere, otherSchool,
                List.of(Fixtures.intervention("x-1", "READING", List.of(unknown))), List.of());
        assertProblem(hidden, 422, "pupil-not-at-school");
        assertThat(bodyWithout(hidden, s.pupil().id().toString()))
                .isEqualTo(bodyWithout(unknownPupil, unknown.toString()));
        assertThat(hidden.asString()).doesNotContain(s.school());

        Response plan = AccessCalls.startActionPlan(Fixtures.staff("ib", otherSchool), otherSchool,
                List.of(s.pupil().id()));
        Response unknownPlan = AccessCalls.startActionPlan(Fixtures.staff("ib", otherSchool), otherSchool,
                List.of(unknown));
        assertProblem(plan, 422, "pupil-not-at-school");
        assertThat(bodyWithout(plan, s.pupil().id().toString())).isEqualTo(bodyWithout(unknownPlan, unknown.toString()));
        as(s.pupil().staff("ib")).get("/pupils/{id}/interventions", s.pupil().id()).then().body("size()", equalTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"swv-consultant", "swv-analyst", "board", "sis-client", "admin"})
    void rolesWithoutPupilLevelSupportAccessGet403Everywhere(String role) {
        Scenario s = scenario();
        String token = AccessCalls.withEveryClaimOf(AccessCalls.subject(role), role, s.school());
        for (Endpoint endpoint : ENDPOINTS) {
            Response refused = call(token, endpoint, s);
            assertRefused(refused, 403, role + " " + endpoint.name());
            assertNoData(refused, s, endpoint);
        }
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() {
        Scenario s = scenario();
        String forged = TestTokens.subject("ib-forged").roles("ib").schools(s.school()).sign();
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        for (Endpoint endpoint : ENDPOINTS) {
            for (String token : new String[] {null, "not-a-token", forged}) {
                Response response = call(token, endpoint, s);
                assertProblem(response, 401, "unauthorized").header("WWW-Authenticate", equalTo("Bearer"));
                assertNoData(response, s, endpoint);
            }
        }
        as(s.pupil().staff("ib")).get("/pupils/{id}/support-level", s.pupil().id()).then()
                .body("level", equalTo("LEVEL_3"));
    }

    // ---- a pupil who left ------------------------------------------------------------------------

    @Test
    void afterThePupilLeftTheOldSchoolsStaffGet404AndTheParentStillReads() {
        Scenario s = scenario();
        Professional professional = AccessCalls.linkProfessional(s.pupil());
        AccessCalls.left(s.pupil(), TestClock.today());

        // the solo intervention and the plan are only of the pupil who left: the old school sees none of it
        Scenario solo = withoutGroup(s);
        for (String role : List.of("teacher", "ib", "director")) {
            for (Endpoint endpoint : ENDPOINTS) {
                if (endpoint.by() != By.SCHOOL) {
                    assertHidden(s.pupil().staff(role), role, solo, endpoint);
                }
            }
        }
        // the school's own lists and batches: a pupil who left is no longer one to record or plan for
        assertProblem(Fixtures.batch(s.pupil().staff("teacher"), s.school(), List.of(Fixtures.intervention("late",
                "MATHS", List.of(s.pupil().id()))), List.of()), 409, "pupil-left");
        assertProblem(AccessCalls.startActionPlan(s.pupil().staff("ib"), s.school(), List.of(s.pupil().id())), 422,
                "pupil-not-at-school");
        as(s.pupil().staff("ib")).get("/schools/{code}/support-signals", s.school()).then().statusCode(200)
                .body("size()", equalTo(0));
        // the group intervention stays the classmate's: the school sees it, without the pupil who left
        as(s.pupil().staff("teacher")).get("/interventions/{id}", s.groupIntervention()).then().statusCode(200)
                .body("pupilIds", contains(s.classmate().id().toString()));

        assertReadsLevelAndInterventions(s.pupil().parent(), s);
        assertSeesOnlyOwnPupilOfTheGroup(s.pupil().parent(), s);
        assertReadsLevelAndInterventions(professional.token(), s);
    }

    @Test
    void aPupilWhoMovedToAnotherSchoolIsNoLongerAmongTheOldSchoolsSignals() {
        Scenario s = scenario();
        Pupil stays = Fixtures.pupil(s.school());
        for (Pupil pupil : List.of(s.pupil(), stays)) {
            Fixtures.changeLevel(pupil, "LEVEL_4", TestClock.today().minusWeeks(7)).then().statusCode(201);
        }
        String director = s.pupil().staff("director");
        as(director).get("/schools/{code}/support-signals", s.school()).then().statusCode(200)
                .body("pupilId", containsInAnyOrder(s.pupil().id().toString(), stays.id().toString()));

        AccessCalls.left(s.pupil(), TestClock.today());
        String newSchool = Fixtures.school();
        TestEvents.send(EventType.PUPIL_ENROLLED, s.pupil().id().toString(), newSchool,
                new PupilEnrolled(s.pupil().id(), UUID.randomUUID(), newSchool, 5, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and school_code = ?", 1, s.pupil().id(),
                newSchool);

        for (String role : List.of("ib", "director")) {
            as(s.pupil().staff(role)).get("/schools/{code}/support-signals", s.school()).then().statusCode(200)
                    .body("pupilId", contains(stays.id().toString()));
        }
        assertHidden(director, "director", withoutGroup(s), endpoint("read level"));

        // the new school starts afresh: no level, no history or interventions of the old school, no signal yet
        String newIb = Fixtures.staff("ib", newSchool);
        as(newIb).get("/pupils/{id}/support-level", s.pupil().id()).then().statusCode(200)
                .body("level", org.hamcrest.Matchers.nullValue()).header("ETag", org.hamcrest.Matchers.notNullValue());
        as(newIb).get("/pupils/{id}/support-level/history", s.pupil().id()).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        as(newIb).get("/pupils/{id}/interventions", s.pupil().id()).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        as(newIb).get("/schools/{code}/support-signals", newSchool).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        // the parent still sees the whole history of their child
        as(s.pupil().parent()).get("/pupils/{id}/support-level/history", s.pupil().id()).then().statusCode(200)
                .body("level", org.hamcrest.Matchers.hasItem("LEVEL_4"));
    }

    @Test
    void aPupilLeavingLaterThisYearIsStillTheSchoolsUntilThen() {
        Scenario s = scenario();
        AccessCalls.left(s.pupil(), TestClock.today().plusDays(5));
        assertReadsLevelAndInterventions(s.pupil().staff("teacher"), s);
        as(s.pupil().staff("ib")).get("/action-plans/{id}", s.plan()).then().statusCode(200);
    }
}
