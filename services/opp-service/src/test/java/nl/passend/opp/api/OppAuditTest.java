package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.AuditTrail.auditByActor;
import static nl.passend.opp.Fixtures.act;
import static nl.passend.opp.Fixtures.awaitDecisions;
import static nl.passend.opp.Fixtures.awaitStatus;
import static nl.passend.opp.Fixtures.decide;
import static nl.passend.opp.Fixtures.get;
import static nl.passend.opp.Fixtures.requestConsent;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.AccessFixtures;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.Fixtures.School;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every read and write of a pupil's OPP leaves one audit_log row in the transaction of the access
 * (who, acting role, which pupil, what, why); a refused or failed access leaves none.
 */
@QuarkusTest
class OppAuditTest {

    private static String subject(String role) {
        return role + "-" + UUID.randomUUID();
    }

    private static Response post(String token, String etag, Object body, String path, Object... params) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path, params);
    }

    // ---- reads -------------------------------------------------------------------------------

    @Test
    void aParentsReadsAreAuditedUnderTheirSubjectAsParent() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String parent = pupil.parent();

        get(parent, planId).then().statusCode(200);
        given().auth().oauth2(parent).get("/opps/{id}/versions/1", planId).then().statusCode(200);
        given().auth().oauth2(parent).get("/pupils/{id}/opps", pupil.id()).then().statusCode(200);
        given().auth().oauth2(parent).get("/opps/{id}/document.pdf", planId).then().statusCode(200);

        assertThat(audit(pupil.id(), pupil.parentAccount()))
                .extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::pupilId, AuditRow::action)
                .containsExactly(
                        tuple(pupil.parentAccount(), "parent", pupil.id(), "opp.read"),
                        tuple(pupil.parentAccount(), "parent", pupil.id(), "opp.version.read"),
                        tuple(pupil.parentAccount(), "parent", pupil.id(), "opp.list"),
                        tuple(pupil.parentAccount(), "parent", pupil.id(), "opp.read"));
        assertThat(audit(pupil.id(), pupil.parentAccount()).get(0).reason()).contains(planId.toString());
    }

    @Test
    void readsByOtherReadersAreAuditedInTheRoleTheyReadUnder() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        DirectoryEvents.Professional professional = AccessFixtures.linkProfessional(pupil);
        String consultant = subject("swv");
        Fixtures.shareWithSwv(pupil, UUID.randomUUID(), ConsentOutcome.GRANTED);
        String teacher = subject("teacher");
        String sis = subject("sis");

        get(professional.token(), planId).then().statusCode(200);
        get(AccessFixtures.swvConsultant(consultant, pupil.school().swvCode()), planId).then().statusCode(200);
        get(AccessFixtures.staff(teacher, "teacher", pupil.schoolCode()), planId).then().statusCode(200);
        get(AccessFixtures.staff(sis, "sis-client", pupil.schoolCode()), planId).then().statusCode(200);

        assertThat(audit(pupil.id(), professional.account())).extracting(AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple("care-professional", "opp.read"));
        assertThat(audit(pupil.id(), consultant)).extracting(AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple("swv-consultant", "opp.read"));
        assertThat(audit(pupil.id(), teacher)).extracting(AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple("teacher", "opp.read"));
        assertThat(audit(pupil.id(), sis)).extracting(AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple("sis-client", "opp.read"));
    }

    // ---- writes ------------------------------------------------------------------------------

    @Test
    void aCreateByTheIbAndTheAuthorsChangesAreAudited() {
        Pupil pupil = Fixtures.pupil();
        String ib = subject("ib");
        Response created = post(AccessFixtures.staff(ib, "ib", pupil.schoolCode()), null, Fixtures.planInput(),
                "/pupils/{id}/opps", pupil.id());
        created.then().statusCode(201);
        UUID planId = UUID.fromString(created.path("id"));

        assertThat(audit(pupil.id(), ib)).extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::pupilId,
                AuditRow::action, AuditRow::reason)
                .containsExactly(tuple(ib, "ib", pupil.id(), "opp.create", planId.toString()));

        String teacher = subject("teacher");
        String token = AccessFixtures.staff(teacher, "teacher", pupil.schoolCode());
        Response edited = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag")).body(Fixtures.planInput("HAVO"))
                .put("/opps/{id}/versions/1", planId);
        edited.then().statusCode(200);
        Response documented = post(token, edited.header("ETag"),
                Map.of("title", "Verslag", "kind", "REPORT", "uri", "https://dms.example.nl/doc/1"),
                "/opps/{id}/documents", planId);
        documented.then().statusCode(201);
        Response viewed = post(token, documented.header("ETag"), Map.of("kind", "PUPIL", "text", "Ik wil meer tijd."),
                "/opps/{id}/versions/1/views", planId);
        viewed.then().statusCode(201);
        post(token, viewed.header("ETag"), null, "/opps/{id}/versions/1/consent-request", planId).then()
                .statusCode(200);

        List<AuditRow> rows = audit(pupil.id(), teacher);
        assertThat(rows).extracting(AuditRow::actorRole, AuditRow::action).containsExactly(
                tuple("teacher", "opp.edit"), tuple("teacher", "opp.document.add"), tuple("teacher", "opp.view.add"),
                tuple("teacher", "opp.consent.request"));
        assertThat(rows).allSatisfy(r -> assertThat(r.reason()).startsWith(planId.toString()));
    }

    @Test
    void theEstablishmentIsAuditedAsTheDirectors() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);
        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");

        String director = subject("director");
        act(AccessFixtures.staff(director, "director", pupil.schoolCode()), pupil, planId, 1, "establishment").then()
                .statusCode(200);

        assertThat(audit(pupil.id(), director))
                .extracting(AuditRow::actorRole, AuditRow::pupilId, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("director", pupil.id(), "opp.establish", planId + " v1"));
    }

    @Test
    void aClosureByTheIbIsAudited() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String ib = subject("ib");
        post(AccessFixtures.staff(ib, "ib", pupil.schoolCode()), Fixtures.etag(pupil, planId),
                Map.of("reason", "NO_LONGER_NEEDED"), "/opps/{id}/closure", planId).then().statusCode(200);
        assertThat(audit(pupil.id(), ib)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("ib", "opp.close", planId + " NO_LONGER_NEEDED"));
    }

    // ---- changes without a caller ------------------------------------------------------------

    @Test
    void consentDecisionsFromEventsAreAuditedAsTheSystemUnderTheEventsSource() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);
        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitDecisions(planId, 1);
        Fixtures.shareWithSwv(pupil, UUID.randomUUID(), ConsentOutcome.GRANTED);

        assertThat(audit(pupil.id(), TestEvents.sourceOf(Topics.CONSENT)))
                .extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::pupilId, AuditRow::action,
                        AuditRow::reason)
                .containsExactly(
                        tuple("/passend/consent-service", "system", pupil.id(), "opp.consent.decision", "version 1 GRANTED"),
                        tuple("/passend/consent-service", "system", pupil.id(), "opp.share-consent", "GRANTED"));
    }

    @Test
    void theClosureByAPupilsLeavingIsAuditedAsTheSystem() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        AccessFixtures.left(pupil, TestClock.today());
        assertThat(audit(pupil.id(), TestEvents.sourceOf(Topics.PUPIL))).extracting(AuditRow::actorRole, AuditRow::action,
                AuditRow::reason).containsExactly(tuple("system", "opp.close", planId + " PUPIL_LEFT"));
    }

    // ---- the school's lists: one row per pupil listed ------------------------------------------

    @Test
    void theOverdueListWritesOneRowPerPupilListed() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil late = Fixtures.pupil(school, TestClock.today().minusMonths(6));
        Pupil lateTwice = Fixtures.pupil(school, TestClock.today().minusMonths(6));
        Pupil inTime = Fixtures.pupil(school, TestClock.today().minusMonths(6));
        Pupil elsewhere = Fixtures.pupil();
        AccessFixtures.startClock(late, 60);
        AccessFixtures.startClock(lateTwice, 60);
        AccessFixtures.startClock(lateTwice, 50);
        AccessFixtures.startClock(inTime, 3);
        AccessFixtures.startClock(elsewhere, 60);

        String ib = subject("ib");
        List<String> listed = given().auth().oauth2(AccessFixtures.staff(ib, "ib", school.code()))
                .get("/schools/{c}/opps/overdue", school.code()).then().statusCode(200).extract()
                .jsonPath().getList("pupilId", String.class);
        assertThat(listed).containsExactlyInAnyOrder(late.id().toString(), lateTwice.id().toString(),
                lateTwice.id().toString());

        for (Pupil pupil : List.of(late, lateTwice)) {
            assertThat(audit(pupil.id(), ib)).extracting(AuditRow::actorRole, AuditRow::action)
                    .containsExactly(tuple("ib", "opp.overdue.list"));
        }
        assertThat(auditByActor(ib)).hasSize(2);

        String director = subject("director");
        given().auth().oauth2(AccessFixtures.staff(director, "director", school.code()))
                .get("/schools/{c}/opps/overdue", school.code()).then().statusCode(200);
        assertThat(auditByActor(director)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactlyInAnyOrder(tuple(late.id(), "director", "opp.overdue.list"),
                        tuple(lateTwice.id(), "director", "opp.overdue.list"));
    }

    @Test
    void theRodExportWritesOneRowPerPupilListed() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil first = Fixtures.pupil(school, TestClock.today().minusMonths(6));
        Pupil second = Fixtures.pupil(school, TestClock.today().minusMonths(6));
        Pupil draftOnly = Fixtures.pupil(school, TestClock.today().minusMonths(6));
        Fixtures.establishedPlan(first);
        Fixtures.establishedPlan(second);
        Fixtures.createPlan(draftOnly);

        String director = subject("director");
        List<String> listed = given().auth().oauth2(AccessFixtures.staff(director, "director", school.code()))
                .accept(ContentType.JSON).get("/schools/{c}/opps/rod-export", school.code()).then().statusCode(200)
                .extract().jsonPath().getList("pupilId", String.class);
        assertThat(listed).containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        assertThat(auditByActor(director)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactlyInAnyOrder(tuple(first.id(), "director", "opp.rod.export"),
                        tuple(second.id(), "director", "opp.rod.export"));

        String board = subject("board");
        given().auth().oauth2(AccessFixtures.board(board, school.boardCode())).accept("text/csv")
                .get("/schools/{c}/opps/rod-export", school.code()).then().statusCode(200);
        assertThat(auditByActor(board)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactlyInAnyOrder(tuple(first.id(), "board", "opp.rod.export"),
                        tuple(second.id(), "board", "opp.rod.export"));
        assertThat(audit(draftOnly.id(), director)).isEmpty();
    }

    // ---- refused and failed requests leave no row ----------------------------------------------

    @Test
    void aRefusedRequestWritesNoAuditRowForTheRefusedCaller() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);
        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");
        String etag = Fixtures.etag(pupil, planId);
        School other = Fixtures.school(SchoolType.BAO);
        Pupil otherChild = Fixtures.pupil(pupil.school(), TestClock.today().minusMonths(2));

        String teacherElsewhere = subject("teacher");
        assertProblem(get(AccessFixtures.staff(teacherElsewhere, "teacher", other.code()), planId), 404, "not-found");
        String ibElsewhere = subject("ib");
        String ibElsewhereToken = AccessFixtures.staff(ibElsewhere, "ib", other.code());
        assertProblem(post(ibElsewhereToken, etag, Map.of("title", "X", "kind", "REPORT", "uri", "urn:x:1"),
                "/opps/{id}/documents", planId), 404, "not-found");
        assertProblem(given().auth().oauth2(ibElsewhereToken).get("/pupils/{id}/opps", pupil.id()), 404, "not-found");
        assertProblem(given().auth().oauth2(ibElsewhereToken).get("/schools/{c}/opps/overdue", pupil.schoolCode()),
                404, "not-found");
        String directorElsewhere = subject("director");
        assertProblem(post(AccessFixtures.staff(directorElsewhere, "director", other.code()), etag, null,
                "/opps/{id}/versions/1/establishment", planId), 404, "not-found");
        assertProblem(given().auth().oauth2(AccessFixtures.staff(directorElsewhere, "director", other.code()))
                .get("/schools/{c}/opps/rod-export", pupil.schoolCode()), 404, "not-found");
        assertProblem(get(otherChild.parent(), planId), 404, "not-found");
        assertProblem(post(pupil.parent(), etag, Map.of("kind", "PUPIL", "text", "x"), "/opps/{id}/versions/1/views",
                planId), 403, "forbidden");
        String teacher = subject("teacher");
        assertProblem(post(AccessFixtures.staff(teacher, "teacher", pupil.schoolCode()), etag, null,
                "/opps/{id}/versions/1/establishment", planId), 403, "forbidden");
        String board = subject("board");
        assertProblem(get(AccessFixtures.board(board, pupil.school().boardCode()), planId), 403, "forbidden");
        String analyst = subject("analyst");
        assertProblem(get(TestTokens.subject(analyst).roles("swv-analyst").swv(pupil.school().swvCode()).sign(),
                planId), 403, "forbidden");
        String consultant = subject("swv");
        assertProblem(get(AccessFixtures.swvConsultant(consultant, pupil.school().swvCode()), planId), 404,
                "not-found");
        DirectoryEvents.Professional notLinked = AccessFixtures.linkProfessional(otherChild);
        assertProblem(get(notLinked.token(), planId), 404, "not-found");

        for (String actor : List.of(teacherElsewhere, ibElsewhere, directorElsewhere, otherChild.parentAccount(),
                teacher, board, analyst, consultant, notLinked.account())) {
            assertThat(auditByActor(actor)).as(actor).isEmpty();
        }
        // the parent's refused PUPIL view left nothing either; the plan is as it was
        assertThat(audit(pupil.id(), pupil.parentAccount())).isEmpty();
        get(pupil.staff("ib"), planId).then().body("status", equalTo("CONSENTED")).header("ETag", equalTo(etag));
    }

    @Test
    void anAccessThatFailsAfterTheAuthorizationWritesNoAuditRow() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        String etag = Fixtures.etag(pupil, planId);
        String ib = subject("ib");
        String token = AccessFixtures.staff(ib, "ib", pupil.schoolCode());

        // a version that does not exist: the caller may see the plan, but nothing was read
        assertProblem(given().auth().oauth2(token).get("/opps/{id}/versions/9", planId), 404, "not-found");
        // a stale ETag, an evaluation of a draft, a second plan: nothing was changed
        assertProblem(post(token, "\"999\"", Map.of("title", "X", "kind", "REPORT", "uri", "urn:x:1"),
                "/opps/{id}/documents", planId), 412, "stale-version");
        assertProblem(post(token, null, Map.of("title", "X", "kind", "REPORT", "uri", "urn:x:1"),
                "/opps/{id}/documents", planId), 428, "if-match-required");
        assertProblem(post(token, etag, Map.of("evaluatedOn", TestClock.today().toString(), "goalProgress",
                List.of(Map.of("goalId", UUID.randomUUID().toString(), "progress", "ON_TRACK"))),
                "/opps/{id}/versions/1/evaluations", planId), 409, "not-established");
        assertProblem(post(token, null, Fixtures.planInput(), "/pupils/{id}/opps", pupil.id()), 409, "plan-exists");

        assertThat(auditByActor(ib)).isEmpty();
        get(pupil.staff("ib"), planId).then().header("ETag", equalTo(etag)).body("documents.size()", equalTo(0));
    }
}
