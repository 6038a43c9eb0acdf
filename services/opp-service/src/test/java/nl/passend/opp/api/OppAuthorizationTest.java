package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.opp.Fixtures.act;
import static nl.passend.opp.Fixtures.awaitStatus;
import static nl.passend.opp.Fixtures.decide;
import static nl.passend.opp.Fixtures.get;
import static nl.passend.opp.Fixtures.requestConsent;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static nl.passend.testing.ProblemAssert.bodyWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.AccessFixtures;
import nl.passend.testing.DirectoryEvents.Professional;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.Fixtures.School;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what with a pupil's OPP (the per-object access rules), per role and endpoint, reads
 * and writes. A plan the caller may not see is answered exactly like one that does not exist (the
 * same 404, never a 403 that reveals it); a role that may never call an endpoint gets 403 alike for
 * every plan; without a token 401.
 */
@QuarkusTest
class OppAuthorizationTest {

    private static final Set<String> READERS = Set.of("teacher", "ib", "director", "sis-client", "parent",
            "care-professional", "swv-consultant");
    private static final Set<String> AUTHORS = Set.of("teacher", "ib");

    /** One endpoint about one pupil: its path has the plan's id ({@code planLevel}) or the pupil's id. */
    record Endpoint(String name, String method, String path, boolean planLevel, Supplier<Object> body,
            Set<String> roles) {
        boolean write() {
            return !method.equals("GET");
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("read plan", "GET", "/opps/%s", true, null, READERS),
            new Endpoint("read version", "GET", "/opps/%s/versions/1", true, null, READERS),
            new Endpoint("read pdf", "GET", "/opps/%s/document.pdf", true, null, READERS),
            new Endpoint("list plans", "GET", "/pupils/%s/opps", false, null, READERS),
            new Endpoint("create", "POST", "/pupils/%s/opps", false, Fixtures::planInput, AUTHORS),
            new Endpoint("edit draft", "PUT", "/opps/%s/versions/1", true, Fixtures::planInput, AUTHORS),
            new Endpoint("revise", "POST", "/opps/%s/versions", true, Fixtures::planInput, AUTHORS),
            new Endpoint("ask consent", "POST", "/opps/%s/versions/1/consent-request", true, null, AUTHORS),
            new Endpoint("establish", "POST", "/opps/%s/versions/1/establishment", true, null, Set.of("director")),
            new Endpoint("evaluate", "POST", "/opps/%s/versions/1/evaluations", true,
                    OppAuthorizationTest::someEvaluation, AUTHORS),
            new Endpoint("add view", "POST", "/opps/%s/versions/1/views", true,
                    () -> view("PARENTS"), Set.of("teacher", "ib", "parent")),
            new Endpoint("add document", "POST", "/opps/%s/documents", true, OppAuthorizationTest::document, AUTHORS),
            new Endpoint("close", "POST", "/opps/%s/closure", true, () -> Map.of("reason", "NO_LONGER_NEEDED"),
                    Set.of("ib", "director")),
            new Endpoint("record due date", "POST", "/pupils/%s/opp-due-dates", false,
                    () -> Map.of("reason", "EXTRA_SUPPORT", "startDate", TestClock.today().toString()),
                    Set.of("ib", "director")),
            new Endpoint("list due dates", "GET", "/pupils/%s/opp-due-dates", false, null,
                    Set.of("ib", "director", "teacher")));

    // ---- requests ----------------------------------------------------------------------------

    private static Map<String, Object> someEvaluation() {
        return Map.of("evaluatedOn", TestClock.today().toString(),
                "goalProgress", List.of(Map.of("goalId", UUID.randomUUID().toString(), "progress", "ON_TRACK")));
    }

    private static Map<String, Object> view(String kind) {
        return Map.of("kind", kind, "text", "Wij zien dat het rekenen beter gaat.");
    }

    private static Map<String, Object> document() {
        return Map.of("title", "Verslag onderzoek", "kind", "REPORT", "uri", "https://dms.example.nl/doc/17");
    }

    private static Response call(String token, Endpoint endpoint, Object id, String etag) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        if (endpoint.body() != null) {
            request = request.body(endpoint.body().get());
        }
        return request.request(endpoint.method(), endpoint.path().formatted(id));
    }

    private static Response call(String token, Endpoint endpoint, Pupil pupil, UUID planId, String etag) {
        return call(token, endpoint, endpoint.planLevel() ? planId : pupil.id(), etag);
    }

    private static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- assertions --------------------------------------------------------------------------

    /**
     * Every endpoint about the pupil answers the caller exactly as for a plan or pupil that does not
     * exist: 404 where the role may call the endpoint at all, 403 (function level) where not.
     */
    private static void assertHidden(String token, String role, Pupil pupil, UUID planId, String etag) {
        for (Endpoint endpoint : ENDPOINTS) {
            String id = (endpoint.planLevel() ? planId : pupil.id()).toString();
            String unknownId = UUID.randomUUID().toString();
            Response hidden = call(token, endpoint, id, etag);
            Response unknown = call(token, endpoint, unknownId, etag);
            int expected = endpoint.roles().contains(role) ? 404 : 403;
            assertProblem(hidden, expected, expected == 404 ? "not-found" : "forbidden");
            assertProblem(unknown, expected, expected == 404 ? "not-found" : "forbidden");
            assertThat(bodyWithout(hidden, id)).as(role + " " + endpoint.name())
                    .isEqualTo(bodyWithout(unknown, unknownId));
            assertNoData(hidden, pupil, planId, endpoint);
        }
    }

    /** An answer that is refused names nothing of the pupil or the plan beyond the id asked for. */
    private static void assertNoData(Response refused, Pupil pupil, UUID planId, Endpoint endpoint) {
        String body = refused.asString();
        assertThat(body).as(endpoint.name()).doesNotContain(endpoint.planLevel() ? pupil.id().toString()
                : planId.toString());
        assertThat(body).as(endpoint.name()).doesNotContain("Rekent").doesNotContain(pupil.schoolCode())
                .doesNotContain("VMBO_KB");
    }

    /** The caller reads the plan, its version 1, the pupil's list and the PDF. */
    private static void assertReads(String token, Pupil pupil, UUID planId) {
        get(token, planId).then().statusCode(200).body("id", equalTo(planId.toString()))
                .body("pupilId", equalTo(pupil.id().toString()));
        given().auth().oauth2(token).get("/opps/{id}/versions/1", planId).then().statusCode(200)
                .body("number", equalTo(1));
        given().auth().oauth2(token).get("/pupils/{id}/opps", pupil.id()).then().statusCode(200)
                .body("id", hasItem(planId.toString()));
        Response pdf = given().auth().oauth2(token).get("/opps/{id}/document.pdf", planId);
        pdf.then().statusCode(200).contentType("application/pdf");
        assertThat(new String(pdf.asByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /** The caller gets the same 404 for the plan's reads as for an unknown plan or pupil. */
    private static void assertReadsHidden(String token, Pupil pupil, UUID planId) {
        for (String name : List.of("read plan", "read version", "read pdf", "list plans")) {
            Endpoint endpoint = endpoint(name);
            String id = (endpoint.planLevel() ? planId : pupil.id()).toString();
            String unknownId = UUID.randomUUID().toString();
            Response hidden = call(token, endpoint, id, null);
            Response unknown = call(token, endpoint, unknownId, null);
            assertProblem(hidden, 404, "not-found");
            assertThat(bodyWithout(hidden, id)).as(name).isEqualTo(bodyWithout(unknown, unknownId));
            assertNoData(hidden, pupil, planId, endpoint);
        }
    }

    private static String status(Pupil pupil, UUID planId) {
        return get(pupil.staff("ib"), planId).then().statusCode(200).extract().path("status");
    }

    private static Response post(String token, String etag, Object body, String path, Object... params) {
        RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path, params);
    }

    // ---- the pupil's school: authors -----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib"})
    void theSchoolsAuthorsDrawUpEditAddDocumentsAndAskConsent(String role) {
        Pupil pupil = Fixtures.pupil();
        String author = pupil.staff(role);

        Response created = post(author, null, Fixtures.planInput(), "/pupils/{id}/opps", pupil.id());
        created.then().statusCode(201).body("status", equalTo("DRAFT"));
        UUID planId = UUID.fromString(created.path("id"));
        assertReads(author, pupil, planId);

        Response edited = given().auth().oauth2(author).contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag")).body(Fixtures.planInput("HAVO"))
                .put("/opps/{id}/versions/1", planId);
        edited.then().statusCode(200).body("current.content.perspective.expectedDestination", equalTo("HAVO"));

        Response documented = post(author, edited.header("ETag"), document(), "/opps/{id}/documents", planId);
        documented.then().statusCode(201).body("documents.title", hasItem("Verslag onderzoek"));

        Response viewed = post(author, documented.header("ETag"), view("PUPIL"), "/opps/{id}/versions/1/views",
                planId);
        viewed.then().statusCode(201).body("current.views[0].kind", equalTo("PUPIL"))
                .body("current.views[0].recordedRole", equalTo(role));

        post(author, viewed.header("ETag"), null, "/opps/{id}/versions/1/consent-request", planId).then()
                .statusCode(200).body("status", equalTo("IN_DIALOGUE"));
        given().auth().oauth2(author).get("/pupils/{id}/opp-due-dates", pupil.id()).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib"})
    void theSchoolsAuthorsEvaluateAndReviseAnEstablishedPlan(String role) {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        String author = pupil.staff(role);
        Response plan = get(author, planId);
        List<String> goals = plan.path("current.content.goals.id");
        Map<String, Object> evaluation = Map.of("evaluatedOn", TestClock.today().toString(),
                "goalProgress", goals.stream().map(g -> Map.of("goalId", g, "progress", "ON_TRACK")).toList(),
                "changes", "Verlengde instructie blijft.");

        Response evaluated = post(author, plan.header("ETag"), evaluation, "/opps/{id}/versions/1/evaluations",
                planId);
        evaluated.then().statusCode(201).body("status", equalTo("EVALUATED"))
                .body("current.evaluations[0].recordedRole", equalTo(role));

        post(author, evaluated.header("ETag"), Fixtures.planInput(), "/opps/{id}/versions", planId).then()
                .statusCode(201).body("currentVersion", equalTo(2)).body("status", equalTo("DRAFT"))
                .body("inForceVersion", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director", "sis-client"})
    void staffOfAnotherSchoolGetTheSame404AsForAnUnknownPlan(String role) {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String etag = Fixtures.etag(pupil, planId);
        School other = Fixtures.school(SchoolType.BAO);

        assertHidden(Fixtures.staff(role, other.code()), role, pupil, planId, etag);

        // nothing changed: still version 1, a draft, no documents or views
        get(pupil.staff("ib"), planId).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("currentVersion", equalTo(1)).body("documents.size()", equalTo(0))
                .body("current.views.size()", equalTo(0)).header("ETag", equalTo(etag));
    }

    @Test
    void aTokenForSeveralSchoolsReachesThePupilOfEachOfThem() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String teacher = TestTokens.subject("teacher-" + UUID.randomUUID()).roles("teacher")
                .schools(TestTokens.newSchoolCode(), pupil.schoolCode()).sign();
        assertReads(teacher, pupil, planId);
    }

    // ---- establishment -------------------------------------------------------------------------

    @Test
    void onlyTheDirectorOfThePupilsSchoolEstablishesAndOnlyAfterConsent() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String director = pupil.staff("director");
        ProblemAsserts.problem(act(director, pupil, planId, 1, "establishment"), 409, "not-consented");
        UUID requestId = requestConsent(pupil, planId, 1);
        ProblemAsserts.problem(act(director, pupil, planId, 1, "establishment"), 409, "not-consented");
        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");

        for (String role : List.of("teacher", "ib", "sis-client")) {
            ProblemAsserts.problem(act(pupil.staff(role), pupil, planId, 1, "establishment"), 403, "forbidden");
        }
        ProblemAsserts.problem(act(pupil.parent(), pupil, planId, 1, "establishment"), 403, "forbidden");
        ProblemAsserts.problem(act(Fixtures.linkedProfessional(pupil), pupil, planId, 1, "establishment"), 403,
                "forbidden");

        String otherDirector = Fixtures.staff("director", Fixtures.school(SchoolType.BAO).code());
        Endpoint establish = endpoint("establish");
        String etag = Fixtures.etag(pupil, planId);
        Response hidden = call(otherDirector, establish, planId, etag);
        UUID unknownPlan = UUID.randomUUID();
        Response unknown = call(otherDirector, establish, unknownPlan, etag);
        assertProblem(hidden, 404, "not-found");
        assertThat(bodyWithout(hidden, planId.toString())).isEqualTo(bodyWithout(unknown, unknownPlan.toString()));
        assertThat(status(pupil, planId)).isEqualTo("CONSENTED");

        String subject = "director-" + UUID.randomUUID();
        act(AccessFixtures.staff(subject, "director", pupil.schoolCode()), pupil, planId, 1, "establishment").then()
                .statusCode(200).body("status", equalTo("ESTABLISHED")).body("inForceVersion", equalTo(1))
                .body("current.establishedBy", equalTo(subject))
                .body("current.establishedRole", equalTo("director"));
    }

    // ---- parents ---------------------------------------------------------------------------

    @Test
    void aParentReadsTheirOwnChildsPlanAndAddsTheParentsView() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String parent = pupil.parent();
        assertReads(parent, pupil, planId);

        String etag = get(parent, planId).header("ETag");
        Response added = post(parent, etag, view("PARENTS"), "/opps/{id}/versions/1/views", planId);
        added.then().statusCode(201).body("current.views.size()", equalTo(1))
                .body("current.views[0].kind", equalTo("PARENTS"))
                .body("current.views[0].recordedRole", equalTo("parent"));

        ProblemAsserts.problem(post(parent, added.header("ETag"), view("PUPIL"), "/opps/{id}/versions/1/views",
                planId), 403, "forbidden");
        get(parent, planId).then().body("current.views.kind", equalTo(List.of("PARENTS")))
                .header("ETag", equalTo(added.header("ETag")));
    }

    @Test
    void aParentMayNotWriteThePlan() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String etag = Fixtures.etag(pupil, planId);
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.write() && !endpoint.name().equals("add view")) {
                assertProblem(call(pupil.parent(), endpoint, pupil, planId, etag), 403, "forbidden");
            }
        }
        ProblemAsserts.problem(act(pupil.parent(), pupil, planId, 1, "consent-request"), 403, "forbidden");
        get(pupil.staff("ib"), planId).then().body("status", equalTo("DRAFT")).header("ETag", equalTo(etag))
                .body("documents.size()", equalTo(0));
    }

    @Test
    void aParentOfAnotherChildGetsTheSame404AsForAnUnknownPlan() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Pupil otherChild = Fixtures.pupil(pupil.school(), TestClock.today().minusMonths(2));
        String etag = Fixtures.etag(pupil, planId);

        assertHidden(otherChild.parent(), "parent", pupil, planId, etag);
        get(pupil.staff("ib"), planId).then().body("current.views.size()", equalTo(0));
    }

    // ---- care professionals ------------------------------------------------------------------

    @Test
    void aLinkedCareProfessionalReadsUntilUnlinked() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Professional linked = AccessFixtures.linkProfessional(pupil);
        assertReads(linked.token(), pupil, planId);

        String etag = Fixtures.etag(pupil, planId);
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.write()) {
                assertProblem(call(linked.token(), endpoint, pupil, planId, etag), 403, "forbidden");
            }
        }

        // a care professional linked to another pupil only
        Pupil otherPupil = Fixtures.pupil(pupil.school(), TestClock.today().minusMonths(2));
        Professional ofTheOther = AccessFixtures.linkProfessional(otherPupil);
        assertHidden(ofTheOther.token(), "care-professional", pupil, planId, etag);

        AccessFixtures.unlinkProfessional(pupil, linked);
        assertReadsHidden(linked.token(), pupil, planId);
        // the other link stays
        assertReads(ofTheOther.token(), otherPupil, Fixtures.createPlan(otherPupil).id());
    }

    // ---- the SWV -----------------------------------------------------------------------------

    @Test
    void anSwvConsultantReadsOnlyWhileShareWithSwvConsentIsValid() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Pupil classmate = Fixtures.pupil(pupil.school(), TestClock.today().minusMonths(2));
        UUID classmatePlan = Fixtures.createPlan(classmate).id();
        String consultant = Fixtures.swvConsultant(pupil.school().swvCode());
        String otherSwv = Fixtures.swvConsultant(Fixtures.school(SchoolType.BAO).swvCode());
        String etag = Fixtures.etag(pupil, planId);

        assertHidden(consultant, "swv-consultant", pupil, planId, etag);

        UUID requestId = UUID.randomUUID();
        Fixtures.shareWithSwv(pupil, requestId, ConsentOutcome.GRANTED);
        assertReads(consultant, pupil, planId);
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.write()) {
                assertProblem(call(consultant, endpoint, pupil, planId, etag), 403, "forbidden");
            }
        }
        // the consent is about this pupil only, and for the SWV of the pupil's school only
        assertReadsHidden(consultant, classmate, classmatePlan);
        assertHidden(otherSwv, "swv-consultant", pupil, planId, etag);
        String noSwvClaim = TestTokens.subject("swv-" + UUID.randomUUID()).roles("swv-consultant").sign();
        assertReadsHidden(noSwvClaim, pupil, planId);

        Fixtures.shareWithSwv(pupil, requestId, ConsentOutcome.WITHDRAWN);
        assertReadsHidden(consultant, pupil, planId);
    }

    @Test
    void aRefusedShareWithSwvConsentOpensNothing() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String consultant = Fixtures.swvConsultant(pupil.school().swvCode());
        Fixtures.shareWithSwv(pupil, UUID.randomUUID(), ConsentOutcome.REFUSED);
        assertReadsHidden(consultant, pupil, planId);
    }

    // ---- the school's information system and roles without pupil-level access -------------------

    @Test
    void theSchoolsInformationSystemReadsButNeverWrites() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String sis = pupil.staff("sis-client");
        assertReads(sis, pupil, planId);
        String etag = Fixtures.etag(pupil, planId);
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.write()) {
                assertProblem(call(sis, endpoint, pupil, planId, etag), 403, "forbidden");
            }
        }
        ProblemAsserts.problem(given().auth().oauth2(sis).get("/pupils/{id}/opp-due-dates", pupil.id()), 403,
                "forbidden");
        get(pupil.staff("ib"), planId).then().header("ETag", equalTo(etag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"swv-analyst", "board", "admin"})
    void rolesWithoutPupilLevelAccessGet403AndNoData(String role) {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        School school = pupil.school();
        // every scope claim that could match the pupil's school
        String token = TestTokens.subject(role + "-" + UUID.randomUUID()).roles(role).schools(school.code())
                .board(school.boardCode()).swv(school.swvCode()).sign();
        Fixtures.shareWithSwv(pupil, UUID.randomUUID(), ConsentOutcome.GRANTED);
        String etag = Fixtures.etag(pupil, planId);

        for (Endpoint endpoint : ENDPOINTS) {
            Response refused = call(token, endpoint, pupil, planId, etag);
            assertProblem(refused, 403, "forbidden");
            assertNoData(refused, pupil, planId, endpoint);
        }
        get(pupil.staff("ib"), planId).then().header("ETag", equalTo(etag)).body("status", equalTo("ESTABLISHED"));
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String etag = Fixtures.etag(pupil, planId);
        for (Endpoint endpoint : ENDPOINTS) {
            Response response = call(null, endpoint, pupil, planId, etag);
            assertProblem(response, 401, "unauthorized").header("WWW-Authenticate", equalTo("Bearer"));
            assertNoData(response, pupil, planId, endpoint);
        }
        for (String list : List.of("overdue", "rod-export")) {
            assertProblem(given().get("/schools/{c}/opps/" + list, pupil.schoolCode()), 401, "unauthorized");
        }
        Response forged = given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/opps/{id}", planId);
        assertProblem(forged, 401, "unauthorized");
        get(pupil.staff("ib"), planId).then().header("ETag", equalTo(etag));
    }

    // ---- a pupil who left --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 30})
    void staffOfTheOldSchoolLoseAccessOnceThePupilLeftButTheParentStillReads(int daysAgo) {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        String ib = pupil.staff("ib");
        String etag = Fixtures.etag(pupil, planId);

        AccessFixtures.left(pupil, TestClock.today().minusDays(daysAgo));

        for (String role : List.of("teacher", "ib", "director", "sis-client")) {
            assertReadsHidden(pupil.staff(role), pupil, planId);
        }
        for (String write : List.of("add document", "add view", "revise", "close", "record due date")) {
            Endpoint endpoint = endpoint(write);
            Response refused = call(ib, endpoint, pupil, planId, etag);
            assertProblem(refused, 404, "not-found");
        }
        ProblemAsserts.problem(post(ib, null, Fixtures.planInput(), "/pupils/{id}/opps", pupil.id()), 404,
                "not-found");

        assertReads(pupil.parent(), pupil, planId);
        get(pupil.parent(), planId).then().body("status", equalTo("CLOSED"))
                .body("closeReason", equalTo("PUPIL_LEFT")).body("documents.size()", equalTo(0));
    }

    @Test
    void theSchoolThePupilMovedToDoesNotSeeTheOldSchoolsPlanButDrawsUpItsOwn() {
        Pupil pupil = Fixtures.pupil();
        UUID oldPlan = Fixtures.establishedPlan(pupil);
        AccessFixtures.left(pupil, TestClock.today());
        Fixtures.School sbo = Fixtures.school(nl.passend.events.codes.SchoolType.SBO);
        nl.passend.testing.TestEvents.send(nl.passend.events.EventType.PUPIL_ENROLLED, pupil.id().toString(), sbo.code(),
                new nl.passend.events.pupil.PupilEnrolled(pupil.id(), UUID.randomUUID(), sbo.code(), 6, TestClock.today()));
        nl.passend.testing.TestDb.awaitCount("select count(*) from directory_pupil where id = ? and school_code = ?", 1,
                pupil.id(), sbo.code());

        String newIb = Fixtures.staff("ib", sbo.code());
        // without a warm transfer the parents agreed to, the old school's plan stays with the old school
        for (String path : List.of("/opps/{id}", "/opps/{id}/versions/1", "/opps/{id}/document.pdf")) {
            assertProblem(given().auth().oauth2(newIb).get(path, oldPlan), 404, "not-found");
        }
        Response created = post(newIb, null, Fixtures.planInput(), "/pupils/{id}/opps", pupil.id());
        created.then().statusCode(201).body("schoolCode", equalTo(sbo.code()));
        given().auth().oauth2(newIb).get("/pupils/{id}/opps", pupil.id()).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].schoolCode", equalTo(sbo.code()));
        given().auth().oauth2(pupil.parent()).get("/pupils/{id}/opps", pupil.id()).then().statusCode(200)
                .body("size()", equalTo(2));
        assertReads(pupil.parent(), pupil, oldPlan);
    }

    @Test
    void staffKeepAccessUntilALeavingDateAhead() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        AccessFixtures.left(pupil, TestClock.today().plusDays(14));
        assertReads(pupil.staff("teacher"), pupil, planId);
    }

    // ---- the school's lists ------------------------------------------------------------------

    @Test
    void theOverdueListIsForTheSchoolsIbAndDirectorOnly() {
        Pupil pupil = Fixtures.pupil();
        AccessFixtures.startClock(pupil, 60);
        School school = pupil.school();
        String path = "/schools/{c}/opps/overdue";

        for (String role : List.of("ib", "director")) {
            given().auth().oauth2(pupil.staff(role)).get(path, school.code()).then().statusCode(200)
                    .body("pupilId", hasItem(pupil.id().toString()));
        }
        for (String token : List.of(pupil.staff("teacher"), pupil.staff("sis-client"), pupil.parent(),
                AccessFixtures.board("board-" + UUID.randomUUID(), school.boardCode()),
                Fixtures.swvConsultant(school.swvCode()))) {
            assertProblem(given().auth().oauth2(token).get(path, school.code()), 403, "forbidden");
        }
        String unknownSchool = TestTokens.newSchoolCode();
        for (String role : List.of("ib", "director")) {
            String otherSchool = Fixtures.staff(role, TestTokens.newSchoolCode());
            Response hidden = given().auth().oauth2(otherSchool).get(path, school.code());
            Response unknown = given().auth().oauth2(otherSchool).get(path, unknownSchool);
            assertProblem(hidden, 404, "not-found");
            assertThat(bodyWithout(hidden, school.code())).isEqualTo(bodyWithout(unknown, unknownSchool));
            assertThat(hidden.asString()).doesNotContain(pupil.id().toString());
        }
    }

    @Test
    void theRodExportIsForTheSchoolsStaffSystemAndBoard() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        School school = pupil.school();
        String path = "/schools/{c}/opps/rod-export";

        for (String token : List.of(pupil.staff("director"), pupil.staff("ib"), pupil.staff("sis-client"),
                AccessFixtures.board("board-" + UUID.randomUUID(), school.boardCode()))) {
            given().auth().oauth2(token).accept(ContentType.JSON).get(path, school.code()).then().statusCode(200)
                    .body("planId", equalTo(List.of(planId.toString())))
                    .body("[0].startDate", equalTo(TestClock.today().toString()));
            String csv = given().auth().oauth2(token).accept("text/csv").get(path, school.code()).then()
                    .statusCode(200).extract().asString();
            assertThat(csv).contains(pupil.id().toString());
        }
        for (String token : List.of(pupil.staff("teacher"), pupil.parent(), Fixtures.swvConsultant(school.swvCode()),
                TestTokens.subject("analyst-" + UUID.randomUUID()).roles("swv-analyst").swv(school.swvCode()).sign(),
                TestTokens.subject("admin-" + UUID.randomUUID()).roles("admin").schools(school.code()).sign())) {
            assertProblem(given().auth().oauth2(token).accept(ContentType.JSON).get(path, school.code()), 403,
                    "forbidden");
        }
        String unknownSchool = TestTokens.newSchoolCode();
        for (String token : List.of(Fixtures.staff("director", TestTokens.newSchoolCode()),
                AccessFixtures.board("board-" + UUID.randomUUID(), "B" + TestTokens.newSchoolCode()),
                TestTokens.subject("board-" + UUID.randomUUID()).roles("board").sign())) {
            Response hidden = given().auth().oauth2(token).accept(ContentType.JSON).get(path, school.code());
            Response unknown = given().auth().oauth2(token).accept(ContentType.JSON).get(path, unknownSchool);
            assertProblem(hidden, 404, "not-found");
            assertThat(bodyWithout(hidden, school.code())).isEqualTo(bodyWithout(unknown, unknownSchool));
            assertThat(hidden.asString()).doesNotContain(pupil.id().toString());
        }
    }
}
