package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.Fixtures.School;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The export for the national register (ROD): per school, each plan that was ever established with
 * its start (the first establishment) and end (the closure), as JSON or CSV, for the school's
 * director, IB'er and student information system and for its board.
 */
@QuarkusTest
class RodExportTest {

    private static final LocalDate TODAY = TestClock.today();
    private static final String HEADER = "pupilId,planId,schoolCode,startDate,endDate";

    private static Response export(String token, String schoolCode) {
        return given().auth().oauth2(token).accept(ContentType.JSON).get("/schools/{code}/opps/rod-export", schoolCode);
    }

    private static Response csv(String token, String schoolCode) {
        return given().auth().oauth2(token).accept("text/csv").get("/schools/{code}/opps/rod-export", schoolCode);
    }

    private static String board(String boardCode) {
        return TestTokens.subject("board-" + UUID.randomUUID()).roles("board").board(boardCode).sign();
    }

    private static String director(School school) {
        return Fixtures.staff("director", school.code());
    }

    /** The record of one plan in the JSON export. */
    private static Map<String, Object> record(Response export, UUID planId) {
        List<Map<String, Object>> records = JsonPath.from(export.asString()).getList("findAll { it.planId == '" + planId + "' }");
        assertThat(records).as("records of plan " + planId).hasSize(1);
        return records.get(0);
    }

    private static void close(Pupil pupil, UUID planId) {
        given().auth().oauth2(pupil.staff("ib")).header("If-Match", Fixtures.etag(pupil, planId))
                .contentType(ContentType.JSON).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .post("/opps/{id}/closure", planId).then().statusCode(200).body("closedOn", equalTo(TODAY.toString()));
    }

    @Test
    void listsOnlyPlansThatWereEverEstablishedWithTheirStartAndEnd() {
        School school = Fixtures.school(SchoolType.SBO);
        Pupil drafted = Fixtures.pupil(school, TODAY.minusDays(20));
        Fixtures.createPlan(drafted);
        Pupil inDialogue = Fixtures.pupil(school, TODAY.minusDays(20));
        Fixtures.requestConsent(inDialogue, Fixtures.createPlan(inDialogue).id(), 1);
        export(director(school), school.code()).then().statusCode(200).body("", empty());

        Pupil inForce = Fixtures.pupil(school, TODAY.minusDays(20));
        UUID inForcePlan = Fixtures.establishedPlan(inForce);
        Pupil closed = Fixtures.pupil(school, TODAY.minusDays(20));
        UUID closedPlan = Fixtures.establishedPlan(closed);

        Response before = export(director(school), school.code());
        before.then().statusCode(200).body("", hasSize(2));
        Map<String, Object> expected = new HashMap<>(Map.of("pupilId", inForce.id().toString(),
                "planId", inForcePlan.toString(), "schoolCode", school.code(), "startDate", TODAY.toString()));
        // no end date yet: the field is absent (answers leave out what has no value)
        assertThat(record(before, inForcePlan)).isEqualTo(expected);
        assertThat(record(before, closedPlan)).containsEntry("startDate", TODAY.toString()).doesNotContainKey("endDate");

        close(closed, closedPlan);

        Response after = export(director(school), school.code());
        after.then().body("", hasSize(2));
        assertThat(record(after, closedPlan)).containsEntry("pupilId", closed.id().toString())
                .containsEntry("startDate", TODAY.toString()).containsEntry("endDate", TODAY.toString());
        assertThat(record(after, inForcePlan)).doesNotContainKey("endDate");
    }

    @Test
    void theStartIsTheFirstEstablishmentAndTheEndTheClosure() {
        School school = Fixtures.school(SchoolType.BAO);
        LocalDate firstEstablished = TODAY.minusMonths(14);

        // revised and established again: the start stays the first establishment
        Pupil revised = Fixtures.pupil(school, TODAY.minusYears(3));
        UUID revisedPlan;
        try (TestClock.Travel t = TestClock.travelTo(firstEstablished)) {
            revisedPlan = Fixtures.establishedPlan(revised);
        }
        given().auth().oauth2(revised.staff("teacher")).header("If-Match", Fixtures.etag(revised, revisedPlan))
                .contentType(ContentType.JSON).body(Fixtures.planInput("VMBO_BB")).post("/opps/{id}/versions", revisedPlan)
                .then().statusCode(201);
        Fixtures.establish(revised, revisedPlan, 2);

        // the pupil left yesterday: the plan ended then
        Pupil leaver = Fixtures.pupil(school, TODAY.minusYears(3));
        UUID leaverPlan;
        try (TestClock.Travel t = TestClock.travelTo(firstEstablished)) {
            leaverPlan = Fixtures.establishedPlan(leaver);
        }
        Fixtures.leave(leaver, TODAY.minusDays(1));

        Response export = export(director(school), school.code());
        export.then().statusCode(200).body("", hasSize(2));
        assertThat(record(export, revisedPlan)).containsEntry("startDate", firstEstablished.toString())
                .doesNotContainKey("endDate");
        assertThat(record(export, leaverPlan)).containsEntry("pupilId", leaver.id().toString())
                .containsEntry("startDate", firstEstablished.toString())
                .containsEntry("endDate", TODAY.minusDays(1).toString());
    }

    @Test
    void onlyTheSchoolsOwnPlans() {
        School school = Fixtures.school(SchoolType.BAO);
        School other = Fixtures.school(SchoolType.BAO);
        Pupil ours = Fixtures.pupil(school, TODAY.minusMonths(3));
        UUID ourPlan = Fixtures.establishedPlan(ours);
        Pupil theirs = Fixtures.pupil(other, TODAY.minusMonths(3));
        UUID theirPlan = Fixtures.establishedPlan(theirs);

        export(director(school), school.code()).then().statusCode(200).body("planId", equalTo(List.of(ourPlan.toString())));
        export(director(other), other.code()).then().statusCode(200).body("planId", equalTo(List.of(theirPlan.toString())));
    }

    @Test
    void asCsvWithTheRegistersColumns() {
        School school = Fixtures.school(SchoolType.SO);
        Pupil inForce = Fixtures.pupil(school, TODAY.minusDays(10));
        UUID inForcePlan = Fixtures.establishedPlan(inForce);
        Pupil closed = Fixtures.pupil(school, TODAY.minusDays(10));
        UUID closedPlan = Fixtures.establishedPlan(closed);
        close(closed, closedPlan);
        Fixtures.createPlan(Fixtures.pupil(school, TODAY.minusDays(10)));

        String body = csv(director(school), school.code()).then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder(
                String.join(",", inForce.id().toString(), inForcePlan.toString(), school.code(), TODAY.toString(), ""),
                String.join(",", closed.id().toString(), closedPlan.toString(), school.code(), TODAY.toString(),
                        TODAY.toString()));
    }

    @Test
    void anEmptyCsvHasItsHeader() {
        School school = Fixtures.school(SchoolType.BAO);
        String body = csv(director(school), school.code()).then().statusCode(200).extract().asString();
        assertThat(body.lines().toList()).containsExactly(HEADER);
    }

    @Test
    void forTheSchoolsDirectorIbAndStudentInformationSystemAndItsBoard() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(3));
        UUID planId = Fixtures.establishedPlan(pupil);
        List<String> expected = List.of(planId.toString());

        for (String token : List.of(director(school), Fixtures.staff("ib", school.code()),
                Fixtures.staff("sis-client", school.code()), board(school.boardCode()))) {
            export(token, school.code()).then().statusCode(200).body("planId", equalTo(expected));
            assertThat(csv(token, school.code()).then().statusCode(200).extract().asString())
                    .startsWith(HEADER).contains(planId.toString());
        }
        // the export is an access to each pupil's data: audited (board and sis-client included)
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.rod.export'",
                pupil.id())).isEqualTo(8);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.rod.export'"
                + " and actor_role = 'board'", pupil.id())).isEqualTo(2);
    }

    @Test
    void notForAnotherSchoolOrBoardAndNotForTeachersOrParents() {
        School school = Fixtures.school(SchoolType.BAO);
        School other = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(3));
        Fixtures.establishedPlan(pupil);

        ProblemAsserts.problem(export(director(other), school.code()), 404, "not-found");
        ProblemAsserts.problem(export(Fixtures.staff("ib", other.code()), school.code()), 404, "not-found");
        ProblemAsserts.problem(export(Fixtures.staff("sis-client", other.code()), school.code()), 404, "not-found");
        ProblemAsserts.problem(export(board(other.boardCode()), school.code()), 404, "not-found");
        ProblemAsserts.problem(export(TestTokens.subject("board-" + UUID.randomUUID()).roles("board").sign(),
                school.code()), 404, "not-found");
        // a board user is a board user, whatever schools its token lists
        ProblemAsserts.problem(export(TestTokens.subject("board-" + UUID.randomUUID()).roles("board")
                .board(other.boardCode()).schools(school.code()).sign(), school.code()), 404, "not-found");
        assertThat(csv(director(other), school.code()).statusCode()).isEqualTo(404);
        assertThat(csv(board(other.boardCode()), school.code()).statusCode()).isEqualTo(404);
        // a school nobody registered is not found either, even for a board
        ProblemAsserts.problem(export(board(school.boardCode()), TestTokens.newSchoolCode()), 404, "not-found");

        assertThat(export(Fixtures.staff("teacher", school.code()), school.code()).statusCode()).isEqualTo(403);
        assertThat(csv(Fixtures.staff("teacher", school.code()), school.code()).statusCode()).isEqualTo(403);
        assertThat(export(pupil.parent(), school.code()).statusCode()).isEqualTo(403);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.rod.export'",
                pupil.id())).isZero();
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
