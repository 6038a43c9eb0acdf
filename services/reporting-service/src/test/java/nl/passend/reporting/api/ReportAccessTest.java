package nl.passend.reporting.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.passend.events.EventJson;
import nl.passend.reporting.Feed;
import nl.passend.reporting.KnownSwv;
import nl.passend.reporting.Tokens;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who sees which figures (the issue): "swv-analyst and swv-consultant see their own SWV only; board
 * sees its own schools; director sees their own school's figures and the SWV average; nobody sees
 * pupil-level rows through this service". A role that may never call an endpoint gets 403; an SWV,
 * board or school the caller may not see is answered as not found (404); without a token 401.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAccessTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    KnownSwv k;

    @BeforeAll
    void sendTheSwv() {
        k = new KnownSwv(4711);
        Feed.send(k);
    }

    // ---- calls --------------------------------------------------------------------------------

    /** A GET of one count date (2025-2026, 1 October) as the token's holder; no token without one. */
    private static RequestSpecification as(String token) {
        RequestSpecification request = given().queryParam("schoolYear", KnownSwv.YEAR).queryParam("countDate", "OCTOBER");
        return token == null ? request : request.auth().oauth2(token);
    }

    private static Response get(String token, String path) {
        return as(token).get(path);
    }

    private static Response dashboard(String token, String swv) {
        return as(token).accept(ContentType.HTML).get("/dashboard/swvs/{swv}", swv);
    }

    /** The SWV's own endpoints: the report, participation, signals and trend. */
    private List<String> swvPaths(String swv) {
        return List.of("/swvs/" + swv + "/report", "/swvs/" + swv + "/participation", "/swvs/" + swv + "/signals",
                "/swvs/" + swv + "/trend");
    }

    /** Every report endpoint of the service, of this SWV, its board A and school A. */
    private List<String> reportPaths() {
        List<String> paths = new ArrayList<>(swvPaths(k.swv));
        paths.add("/boards/" + k.boardA + "/report");
        paths.add("/schools/" + k.a + "/report");
        paths.add("/swvs/" + k.swv + "/publications");
        return paths;
    }

    private static Response publish(String token, String swv, Object body) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.post("/swvs/{swv}/publications", swv);
    }

    private static Map<String, String> october() {
        return Map.of("schoolYear", KnownSwv.YEAR, "countDate", "OCTOBER");
    }

    private static List<String> signals(JsonPath body, String path) {
        return body.<Map<String, Object>>getList(path).stream().map(s -> s.get("schoolCode") + " " + s.get("kind"))
                .toList();
    }

    // ---- the SWV's staff ------------------------------------------------------------------------

    @Test
    void theSwvsAnalystAndConsultantSeeTheirOwnSwv() {
        for (String token : List.of(Tokens.analyst(k.swv), Tokens.consultant(k.swv))) {
            for (String path : swvPaths(k.swv)) {
                get(token, path).then().statusCode(200).contentType(ContentType.JSON);
            }
            get(token, "/swvs/" + k.swv + "/report").then().body("swvCode", equalTo(k.swv))
                    .body("schools.size()", equalTo(6));
            dashboard(token, k.swv).then().statusCode(200).contentType(ContentType.HTML)
                    .body(org.hamcrest.Matchers.containsString("<h1>Samenwerkingsverband " + k.swv + "</h1>"));
            get(token, "/swvs/" + k.swv + "/publications").then().statusCode(200);
        }
    }

    @Test
    void anotherSwvsStaffGetNotFound() {
        String[] others = {Tokens.analyst(k.otherSwv), Tokens.consultant(k.otherSwv),
                // an analyst without an SWV claim sees no SWV at all
                TestTokens.subject("analyst-" + UUID.randomUUID()).roles("swv-analyst").sign()};
        for (String token : others) {
            for (String path : swvPaths(k.swv)) {
                assertProblem(get(token, path), 404, "not-found");
                // the same answer as for an SWV that does not exist
                assertProblem(get(token, path.replace(k.swv, "PO0000NONE")), 404, "not-found");
            }
            assertProblem(get(token, "/swvs/" + k.swv + "/publications"), 404, "not-found");
            assertThat(dashboard(token, k.swv).statusCode()).as("the dashboard of another SWV").isEqualTo(404);
            assertThat(as(token).get("/dashboard/swvs/{swv}/report.csv", k.swv).statusCode()).isEqualTo(404);
            // nor a board's or school's figures of this SWV
            assertProblem(get(token, "/boards/" + k.boardA + "/report"), 404, "not-found");
            assertProblem(get(token, "/schools/" + k.a + "/report"), 404, "not-found");
        }
        // and the SWV's analyst does not see the other SWV (here: one without schools) either
        assertProblem(get(Tokens.analyst(k.swv), "/swvs/" + k.otherSwv + "/report"), 404, "not-found");
    }

    @Test
    void theSwvsStaffSeeABoardsSchoolsWithinTheirSwv() {
        for (String token : List.of(Tokens.analyst(k.swv), Tokens.consultant(k.swv))) {
            JsonPath board = get(token, "/boards/" + k.boardA + "/report").then().statusCode(200).extract().jsonPath();
            assertThat(board.getList("schools.schoolCode", String.class)).containsExactlyInAnyOrder(k.a, k.b);
            assertThat(board.getList("schools.swvCode", String.class)).containsOnly(k.swv);
            get(token, "/schools/" + k.c + "/report").then().statusCode(200).body("school.schoolCode", equalTo(k.c));
        }
    }

    // ---- the board ------------------------------------------------------------------------------

    @Test
    void theBoardSeesExactlyItsOwnSchoolsWithTheSwvsAverage() {
        String board = Tokens.board(k.boardA, k.swv);
        JsonPath r = get(board, "/boards/" + k.boardA + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("boardCode")).isEqualTo(k.boardA);
        assertThat(r.getList("schools.schoolCode", String.class)).containsExactlyInAnyOrder(k.a, k.b);
        assertThat(r.getList("swvAverages")).hasSize(1);
        assertThat(r.getString("swvAverages[0].swvCode")).isEqualTo(k.swv);
        assertThat(r.getString("swvAverages[0].referralRate")).isEqualTo("0.02");
        assertThat(r.getString("nationalReferralRate")).isEqualTo("0.011");
        // each row carries the SWV's average; the signals are of its own schools only, judged against the SWV
        assertThat(r.getList("schools.swvReferralRate")).extracting(String::valueOf).containsOnly("0.02");
        assertThat(signals(r, "signals")).containsExactlyInAnyOrder(k.a + " REFERS_ABOVE_SWV_AVERAGE",
                k.a + " CALLS_ON_SWV_MORE", k.b + " TLV_WITHOUT_PLACE", k.b + " THUISZITTERS",
                k.b + " OPP_NOT_ESTABLISHED_IN_TIME");
        // the same as CSV: a line per school, no total
        String csv = as(board).accept("text/csv").get("/boards/{b}/report", k.boardA).then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(1 + 2).anySatisfy(l -> assertThat(l).startsWith("2025-2026,OCTOBER,SCHOOL," + k.a + ","))
                .anySatisfy(l -> assertThat(l).startsWith("2025-2026,OCTOBER,SCHOOL," + k.b + ","));
    }

    @Test
    void theBoardSeesNoOtherBoardAndNoSwvReport() {
        String board = Tokens.board(k.boardA, k.swv);
        assertProblem(get(board, "/boards/" + k.boardB + "/report"), 404, "not-found");
        assertProblem(get(board, "/boards/B-NONE/report"), 404, "not-found");
        for (String path : swvPaths(k.swv)) {
            assertProblem(get(board, path), 403, "forbidden");
        }
        assertThat(dashboard(board, k.swv).statusCode()).isEqualTo(403);
        assertProblem(publish(board, k.swv, october()), 403, "forbidden");
        // a board token without a board claim sees no board
        String noClaim = TestTokens.subject("board-" + UUID.randomUUID()).roles("board").swv(k.swv).sign();
        assertProblem(get(noClaim, "/boards/" + k.boardA + "/report"), 404, "not-found");
    }

    @Test
    void theBoardSeesItsOwnSchoolsReportsOnly() {
        String board = Tokens.board(k.boardA, k.swv);
        get(board, "/schools/" + k.a + "/report").then().statusCode(200).body("school.schoolCode", equalTo(k.a));
        get(board, "/schools/" + k.b + "/report").then().statusCode(200).body("school.schoolCode", equalTo(k.b));
        for (String school : List.of(k.c, k.d, k.sbo, k.so, "00XX00")) {
            assertProblem(get(board, "/schools/" + school + "/report"), 404, "not-found");
        }
    }

    // ---- the director ---------------------------------------------------------------------------

    @Test
    void theDirectorSeesTheirSchoolsFiguresWithTheSwvsAverage() {
        String director = Tokens.director(k.a, k.boardA, k.swv);
        JsonPath r = get(director, "/schools/" + k.a + "/report").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("school.schoolCode")).isEqualTo(k.a);
        assertThat(r.getInt("school.pupils")).isEqualTo(100);
        assertThat(r.getString("school.referralRate")).isEqualTo("0.04");
        assertThat(r.getString("swvReferralRate")).isEqualTo("0.02");
        assertThat(r.getString("school.swvReferralRate")).isEqualTo("0.02");
        assertThat(r.getString("nationalReferralRate")).isEqualTo("0.011");
        // only the school's own signals, judged against the whole SWV as in the SWV's report
        assertThat(signals(r, "signals")).containsExactlyInAnyOrder(k.a + " REFERS_ABOVE_SWV_AVERAGE",
                k.a + " CALLS_ON_SWV_MORE");
        assertThat(r.getString("signals.find { it.kind == 'REFERS_ABOVE_SWV_AVERAGE' }.figures.swvReferralRate"))
                .isEqualTo("0.02");
        // as CSV: one line
        String csv = as(director).accept("text/csv").get("/schools/{s}/report", k.a).then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(2).last().asString().startsWith("2025-2026,OCTOBER,SCHOOL," + k.a + ",BAO,");
    }

    @Test
    void theDirectorSeesNoOtherSchoolNoSwvAndNoBoard() {
        String director = Tokens.director(k.a, k.boardA, k.swv);
        for (String school : List.of(k.b, k.c, k.sbo)) {
            assertProblem(get(director, "/schools/" + school + "/report"), 404, "not-found");
        }
        for (String path : swvPaths(k.swv)) {
            assertProblem(get(director, path), 403, "forbidden");
        }
        assertProblem(get(director, "/boards/" + k.boardA + "/report"), 403, "forbidden");
        assertProblem(get(director, "/swvs/" + k.swv + "/publications"), 403, "forbidden");
        assertThat(dashboard(director, k.swv).statusCode()).isEqualTo(403);
        assertProblem(publish(director, k.swv, october()), 403, "forbidden");
    }

    // ---- everyone else --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "parent", "care-professional", "sis-client", "admin"})
    void otherRolesGetNoReport(String role) {
        String token = role.equals("admin") ? Tokens.admin() : Tokens.role(role, k.a, k.swv);
        for (String path : reportPaths()) {
            assertProblem(get(token, path), 403, "forbidden");
        }
        assertThat(dashboard(token, k.swv).statusCode()).as("dashboard").isEqualTo(403);
        assertThat(as(token).get("/dashboard/swvs/{swv}/report.csv", k.swv).statusCode()).as("dashboard csv")
                .isEqualTo(403);
        assertProblem(publish(token, k.swv, october()), 403, "forbidden");
    }

    @Test
    void withoutATokenEveryReportAnswers401() {
        String forged = Tokens.analyst(k.swv);
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        for (String token : new String[] {null, "not-a-token", forged}) {
            for (String path : reportPaths()) {
                assertProblem(get(token, path), 401, "unauthorized").header("WWW-Authenticate", startsWith("Bearer"));
            }
            assertProblem(publish(token, k.swv, october()), 401, "unauthorized");
        }
    }

    // ---- publishing -----------------------------------------------------------------------------

    @Test
    void onlyTheSwvsAnalystPublishesOncePerCountDate() {
        assertProblem(publish(Tokens.analyst(k.otherSwv), k.swv, october()), 404, "not-found");
        assertProblem(publish(Tokens.consultant(k.swv), k.swv, october()), 403, "forbidden");

        Response first = publish(Tokens.analyst(k.swv), k.swv, october());
        first.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.containsString("/swvs/" + k.swv + "/publications/"))
                .body("swvCode", equalTo(k.swv)).body("schoolYear", equalTo(KnownSwv.YEAR))
                .body("countDate", equalTo("OCTOBER")).body("report.referrals.rate", equalTo(0.02f))
                .body("report.schools.size()", equalTo(6));
        assertProblem(publish(Tokens.analyst(k.swv), k.swv, october()), 409, "already-published");

        // the consultant reads what was published; another SWV does not
        String id = first.jsonPath().getString("id");
        get(Tokens.consultant(k.swv), "/swvs/" + k.swv + "/publications").then().statusCode(200)
                .body("id", hasItem(id));
        get(Tokens.consultant(k.swv), "/swvs/" + k.swv + "/publications/" + id).then().statusCode(200)
                .body("report.swvCode", equalTo(k.swv));
        assertProblem(get(Tokens.analyst(k.otherSwv), "/swvs/" + k.swv + "/publications/" + id), 404, "not-found");
        // as CSV it is the report as it was published: the same as the live one, nothing having changed since
        String published = given().auth().oauth2(Tokens.consultant(k.swv)).accept("text/csv")
                .get("/swvs/{swv}/publications/{id}", k.swv, id).then().statusCode(200).extract().asString();
        String live = as(Tokens.consultant(k.swv)).accept("text/csv").get("/swvs/{swv}/report", k.swv).then()
                .statusCode(200).extract().asString();
        assertThat(published).isEqualTo(live);
        assertNoPupilIn("the publication", first.asString());
    }

    @Test
    void publishingAsksForASchoolYearAndACountDate() {
        String analyst = Tokens.analyst(k.swv);
        publish(analyst, k.swv, Map.of("schoolYear", KnownSwv.YEAR)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("countDate"));
        publish(analyst, k.swv, Map.of("countDate", "FEBRUARY")).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("schoolYear"));
        assertProblem(publish(analyst, k.swv, Map.of("schoolYear", KnownSwv.YEAR, "countDate", "MARCH")), 400,
                "invalid-value").body("violations.field", equalTo(List.of("countDate")));
        assertProblem(publish(analyst, k.swv, Map.of("schoolYear", "x", "countDate", "FEBRUARY")), 422,
                "invalid-school-year");
        assertProblem(publish(analyst, k.swv, Map.of("schoolYear", "2025-2027", "countDate", "FEBRUARY")), 422,
                "invalid-school-year");
        // none of these published anything
        get(analyst, "/swvs/" + k.swv + "/publications").then().statusCode(200)
                .body("findAll { it.countDate == 'FEBRUARY' }.size()", equalTo(0));
    }

    // ---- operating the projections --------------------------------------------------------------

    @Test
    void rebuildsAndTheFeedAreNotForReportReaders() {
        List<String> tokens = List.of(Tokens.analyst(k.swv), Tokens.consultant(k.swv), Tokens.board(k.boardA, k.swv),
                Tokens.director(k.a, k.boardA, k.swv));
        for (String token : tokens) {
            // a 403 before anything happens: no rebuild is started (other tests share this JVM)
            assertProblem(given().auth().oauth2(token).post("/rebuilds"), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).get("/feed"), 403, "forbidden");
            assertProblem(given().auth().oauth2(token).get("/rebuilds/{id}", UUID.randomUUID()), 403, "forbidden");
        }
        assertProblem(given().post("/rebuilds"), 401, "unauthorized");
    }

    // ---- bad input ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2025-2027", "abc", "2025", "2026-2025", "25-26"})
    void aSchoolYearThatIsNoneIsABadRequest(String schoolYear) {
        String analyst = Tokens.analyst(k.swv);
        List<String> paths = new ArrayList<>(swvPaths(k.swv));
        paths.add("/boards/" + k.boardA + "/report");
        paths.add("/schools/" + k.a + "/report");
        for (String path : paths) {
            assertProblem(given().auth().oauth2(analyst).queryParam("schoolYear", schoolYear).get(path), 400,
                    "invalid-parameter").body("detail", org.hamcrest.Matchers.containsString(schoolYear));
        }
        assertThat(given().auth().oauth2(analyst).accept(ContentType.HTML).queryParam("schoolYear", schoolYear)
                .get("/dashboard/swvs/{swv}", k.swv).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MARCH", "october", "1", "OCTOBER,FEBRUARY"})
    void aCountDateThatIsNoneIsABadRequest(String countDate) {
        String analyst = Tokens.analyst(k.swv);
        for (String path : swvPaths(k.swv)) {
            assertProblem(given().auth().oauth2(analyst).queryParam("schoolYear", KnownSwv.YEAR)
                    .queryParam("countDate", countDate).get(path), 400, "invalid-parameter");
        }
        assertProblem(given().auth().oauth2(analyst).queryParam("countDate", countDate)
                .get("/schools/{s}/report", k.a), 400, "invalid-parameter");
    }

    @Test
    void withoutSchoolYearAndCountDateTheReportIsOfTheLatestCountDate() {
        get(Tokens.analyst(k.swv), "/swvs/" + k.swv + "/report").then().statusCode(200);
        given().auth().oauth2(Tokens.analyst(k.swv)).get("/swvs/{swv}/report", k.swv).then().statusCode(200)
                .body("countDate", org.hamcrest.Matchers.oneOf("OCTOBER", "FEBRUARY"));
        given().auth().oauth2(Tokens.analyst(k.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .get("/swvs/{swv}/report", k.swv).then().statusCode(200).body("countDate", equalTo("OCTOBER"))
                .body("countDateOn", equalTo("2025-10-01"));
    }

    // ---- no pupil-level data --------------------------------------------------------------------

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The pupil ids of the events the SWV was made of. */
    private Set<String> pupilIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String json : k.events()) {
            JsonNode pupil = EventJson.read(json).data().get("pupilId");
            if (pupil != null && !pupil.isNull()) {
                ids.add(pupil.asText());
            }
        }
        return ids;
    }

    private void assertNoPupilIn(String what, String body) {
        Set<String> ids = pupilIds();
        assertThat(ids).as("pupils of the SWV").hasSizeGreaterThan(300);
        String lower = body.toLowerCase();
        assertThat(ids.stream().filter(lower::contains).toList()).as("pupil ids in " + what).isEmpty();
    }

    @Test
    void noAnswerContainsAPupilId() {
        String analyst = Tokens.analyst(k.swv);
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("the SWV's report", get(analyst, "/swvs/" + k.swv + "/report").then().statusCode(200).extract().asString());
        bodies.put("its CSV", as(analyst).accept("text/csv").get("/swvs/{swv}/report", k.swv).then().statusCode(200)
                .extract().asString());
        bodies.put("the signals", get(analyst, "/swvs/" + k.swv + "/signals").then().statusCode(200).extract().asString());
        bodies.put("the signals' CSV", as(analyst).accept("text/csv").get("/swvs/{swv}/signals", k.swv).then()
                .statusCode(200).extract().asString());
        bodies.put("the dashboard", dashboard(analyst, k.swv).then().statusCode(200).extract().asString());
        bodies.put("the dashboard's CSV", as(analyst).get("/dashboard/swvs/{swv}/report.csv", k.swv).then()
                .statusCode(200).extract().asString());
        bodies.put("the trend", get(analyst, "/swvs/" + k.swv + "/trend").then().statusCode(200).extract().asString());
        bodies.put("the participation", get(analyst, "/swvs/" + k.swv + "/participation").then().statusCode(200)
                .extract().asString());
        bodies.put("the board's report", get(Tokens.board(k.boardA, k.swv), "/boards/" + k.boardA + "/report").then()
                .statusCode(200).extract().asString());
        bodies.put("the school's report", get(Tokens.director(k.b, k.boardA, k.swv), "/schools/" + k.b + "/report")
                .then().statusCode(200).extract().asString());
        bodies.forEach((what, body) -> {
            assertThat(body).as(what).isNotBlank();
            assertNoPupilIn(what, body);
            // no id of anything at all: aggregates only
            assertThat(UUID_PATTERN.matcher(body).find()).as("a UUID in " + what).isFalse();
        });
        // the figures are there, though: the report knows school A's 100 pupils
        assertThat(bodies.get("its CSV")).contains("," + k.a + ",BAO," + k.boardA + "," + k.swv + ",100,");
    }
}
