package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static nl.passend.testing.ProblemAssert.bodyWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what with a pupil, per role and endpoint. A pupil the caller may not see is answered
 * exactly like one that does not exist; a role that may never call an endpoint gets 403; every error
 * is a Passend problem.
 */
@QuarkusTest
class PupilAuthorizationTest {

    private static final List<String> PUPIL_READS = List.of("/pupils/%s", "/pupils/%s/enrolments",
            "/pupils/%s/guardians", "/pupils/%s/professionals");

    private String schoolA;
    private String schoolB;
    private String pupilA;
    private String pupilB;
    private final String unknownPupil = UUID.randomUUID().toString();

    @BeforeEach
    void twoSchoolsWithAPupilEach() {
        schoolA = Fixtures.school("BAO");
        schoolB = Fixtures.school("BAO");
        pupilA = Fixtures.pupils(schoolA, "a1").get(0);
        pupilB = Fixtures.pupils(schoolB, "b1").get(0);
    }

    private static Response get(String token, String path) {
        return given().auth().oauth2(token).get(path);
    }

    private static Response call(String token, String method, String path, Object body) {
        RequestSpecification request = given().contentType(ContentType.JSON).header("If-Match", "*");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path);
    }

    /**
     * The caller gets the same 404 for the pupil as for a pupil that does not exist at all; a read
     * the caller's role may never do answers 403 alike for both.
     */
    private void assertHidden(String token, String pupilId) {
        assertProblem(get(token, "/pupils/" + pupilId), 404, "not-found");
        for (String read : PUPIL_READS) {
            Response hidden = get(token, read.formatted(pupilId));
            Response unknown = get(token, read.formatted(unknownPupil));
            if (unknown.statusCode() == 403) {
                assertProblem(hidden, 403, "forbidden");
            } else {
                assertProblem(hidden, 404, "not-found");
                assertProblem(unknown, 404, "not-found");
            }
            assertThat(bodyWithout(hidden, pupilId)).as(read).isEqualTo(bodyWithout(unknown, unknownPupil));
        }
    }

    private List<String> listed(String token, String school) {
        return get(token, "/schools/" + school + "/pupils").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    private static Map<String, Object> update(String givenName) {
        return Map.of("givenName", givenName, "familyName", "de Vries", "birthDate", "2017-03-14");
    }

    private static Map<String, Object> leaving(LocalDate leftOn) {
        return Map.of("leftOn", leftOn.toString(), "destination", "SBO");
    }

    private static Map<String, Object> batch(Map<String, Object> pupil) {
        return Map.of("pupils", List.of(pupil));
    }

    private static Map<String, Object> professional(String accountId) {
        return Map.of("accountId", accountId, "discipline", "PSYCHOLOOG");
    }

    private String guardianId(String pupilId) {
        return get(Fixtures.ADMIN, "/pupils/" + pupilId + "/guardians").then().statusCode(200)
                .extract().path("[0].id");
    }

    // --- school staff ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffReadThePupilsOfTheirOwnSchool(String role) {
        String staff = Fixtures.staff(role, schoolA);
        for (String read : PUPIL_READS) {
            get(staff, read.formatted(pupilA)).then().statusCode(200);
        }
        get(staff, "/pupils/" + pupilA).then().body("id", equalTo(pupilA));
        assertThat(listed(staff, schoolA)).containsExactly(pupilA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffOfAnotherSchoolGetTheSame404AsForAnUnknownPupil(String role) {
        String staff = Fixtures.staff(role, schoolB);
        assertHidden(staff, pupilA);

        Response otherSchool = get(staff, "/schools/" + schoolA + "/pupils");
        assertProblem(otherSchool, 404, "not-found");
        Response unknownSchool = get(staff, "/schools/99ZZ99/pupils");
        assertProblem(unknownSchool, 404, "not-found");
        assertThat(bodyWithout(otherSchool, schoolA)).isEqualTo(bodyWithout(unknownSchool, "99ZZ99"));
    }

    @Test
    void staffLoseAccessFromTheLeavingDate() {
        List<String> ids = Fixtures.pupils(schoolA, "stays", "leaves-tomorrow", "left-today");
        String sis = Fixtures.sis(schoolA);
        call(sis, "POST", "/pupils/" + ids.get(1) + "/leave", leaving(TestClock.today().plusDays(1)))
                .then().statusCode(200);
        call(sis, "POST", "/pupils/" + ids.get(2) + "/leave", leaving(TestClock.today())).then().statusCode(200);

        for (String role : List.of("teacher", "ib", "director")) {
            String staff = Fixtures.staff(role, schoolA);
            get(staff, "/pupils/" + ids.get(0)).then().statusCode(200);
            get(staff, "/pupils/" + ids.get(1)).then().statusCode(200);
            assertHidden(staff, ids.get(2));
            assertThat(listed(staff, schoolA)).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
        }
        // the school's system still reads the pupil who left, to sync the leaving
        get(sis, "/pupils/" + ids.get(2)).then().statusCode(200);
        assertThat(listed(sis, schoolA)).contains(ids.get(2));
    }

    @Test
    void aPupilWhoMovedIsVisibleToTheNewSchoolOnly() {
        String eckId = "https://ketenid.nl/" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> atA = new HashMap<>(Fixtures.pupil("moves"));
        atA.put("eckId", eckId);
        String moved = call(Fixtures.sis(schoolA), "POST", "/schools/" + schoolA + "/pupils/batch", batch(atA))
                .then().statusCode(200).extract().path("items[0].pupilId");
        Map<String, Object> atB = new HashMap<>(Fixtures.pupil("arrives"));
        atB.put("eckId", eckId);
        atB.put("enrolledOn", TestClock.today().toString());
        String same = call(Fixtures.sis(schoolB), "POST", "/schools/" + schoolB + "/pupils/batch", batch(atB))
                .then().statusCode(200).extract().path("items[0].pupilId");
        assertThat(same).isEqualTo(moved);

        String oldTeacher = Fixtures.staff("teacher", schoolA);
        assertHidden(oldTeacher, moved);
        assertThat(listed(oldTeacher, schoolA)).doesNotContain(moved);
        String newTeacher = Fixtures.staff("teacher", schoolB);
        get(newTeacher, "/pupils/" + moved).then().statusCode(200).body("schoolCode", equalTo(schoolB));
        assertThat(listed(newTeacher, schoolB)).contains(moved);
    }

    @Test
    void theOldSchoolsSystemNoLongerChangesAPupilWhoMoved() {
        String eckId = "https://ketenid.nl/" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> atA = new HashMap<>(Fixtures.pupil("moves"));
        atA.put("eckId", eckId);
        String moved = call(Fixtures.sis(schoolA), "POST", "/schools/" + schoolA + "/pupils/batch", batch(atA))
                .then().statusCode(200).extract().path("items[0].pupilId");
        Map<String, Object> atB = new HashMap<>(Fixtures.pupil("arrives"));
        atB.put("eckId", eckId);
        atB.put("enrolledOn", TestClock.today().toString());
        call(Fixtures.sis(schoolB), "POST", "/schools/" + schoolB + "/pupils/batch", batch(atB))
                .then().statusCode(200);

        Map<String, Object> regroup = new HashMap<>(update("Sanne"));
        regroup.put("eckId", eckId);
        regroup.put("group", Map.of("name", "OLD-SCHOOL-GROUP", "year", 6));
        assertProblem(call(Fixtures.sis(schoolA), "PUT", "/pupils/" + moved, regroup), 409, "pupil-moved");
        get(Fixtures.ADMIN, "/pupils/" + moved).then().statusCode(200).body("groupName", equalTo("5B"));
        given().auth().oauth2(Fixtures.ADMIN).get("/schools/{c}/groups", schoolB).then().statusCode(200)
                .body("name", not(hasItem("OLD-SCHOOL-GROUP")));
        // the new school's system does
        call(Fixtures.sis(schoolB), "PUT", "/pupils/" + moved, regroup).then().statusCode(200)
                .body("groupName", equalTo("OLD-SCHOOL-GROUP"));
    }

    // --- care professionals ---------------------------------------------------------------------

    @Test
    void aCareProfessionalSeesOnlyPupilsLinkedToThem() {
        String account = "ortho-" + UUID.randomUUID();
        String linkId = Fixtures.linkProfessional(schoolA, pupilA, account);
        String professional = Fixtures.careProfessional(account);
        // colleagues' links give this professional nothing
        Fixtures.linkProfessional(schoolA, pupilA, "colleague-" + UUID.randomUUID());
        Fixtures.linkProfessional(schoolB, pupilB, "colleague-" + UUID.randomUUID());

        get(professional, "/pupils/" + pupilA).then().statusCode(200).body("id", equalTo(pupilA));
        get(professional, "/pupils/" + pupilA + "/enrolments").then().statusCode(200);
        get(professional, "/pupils/" + pupilA + "/professionals").then().statusCode(200)
                .body("accountId", hasItem(account));
        assertHidden(professional, pupilB);
        // need to know: not the guardians, not the school's list
        assertProblem(get(professional, "/pupils/" + pupilA + "/guardians"), 403, "forbidden");
        assertProblem(get(professional, "/schools/" + schoolA + "/pupils"), 403, "forbidden");

        given().auth().oauth2(Fixtures.staff("ib", schoolA)).delete("/pupils/{id}/professionals/{l}", pupilA, linkId)
                .then().statusCode(204);
        assertHidden(professional, pupilA);
    }

    @Test
    void onlyTheIbOfThePupilsSchoolLinksProfessionals() {
        String ibB = Fixtures.staff("ib", schoolB);
        Response response = call(ibB, "POST", "/pupils/" + pupilA + "/professionals", professional("p-1"));
        assertProblem(response, 404, "not-found");
        assertProblem(call(ibB, "PUT", "/pupils/" + pupilA + "/guardians/" + guardianId(pupilA) + "/account",
                Map.of("accountId", "someone")), 404, "not-found");
        get(Fixtures.ADMIN, "/pupils/" + pupilA + "/professionals").then().statusCode(200).body("size()", equalTo(0));
    }

    // --- parents --------------------------------------------------------------------------------

    @Test
    void aParentSeesOnlyTheirOwnChildren() {
        String account = "mother-" + UUID.randomUUID();
        String pupilC = Fixtures.pupils(schoolB, "c1").get(0);
        Fixtures.linkGuardianAccount(schoolA, pupilA, "a1-g1", account);
        Fixtures.linkGuardianAccount(schoolB, pupilC, "c1-g1", account);
        String parent = Fixtures.parent(account);

        for (String read : PUPIL_READS) {
            get(parent, read.formatted(pupilA)).then().statusCode(200);
            get(parent, read.formatted(pupilC)).then().statusCode(200);
        }
        assertHidden(parent, pupilB);
        List<String> children = get(parent, "/me/children").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(children).containsExactlyInAnyOrder(pupilA, pupilC);

        String stranger = Fixtures.parent("stranger-" + UUID.randomUUID());
        assertThat(get(stranger, "/me/children").then().statusCode(200).extract().jsonPath().getList("id"))
                .isEmpty();
        assertHidden(stranger, pupilA);
    }

    @Test
    void aGuardianWithoutParentalAuthoritySeesTheChildButNotOthers() {
        // only consent is reserved to guardians with parental authority (gezag); the child's file is not
        String account = "father-" + UUID.randomUUID();
        Fixtures.linkGuardianAccount(schoolA, pupilA, "a1-g2", account);
        String father = Fixtures.parent(account);
        get(Fixtures.ADMIN, "/pupils/" + pupilA + "/guardians").then()
                .body("find { it.accountId == '" + account + "' }.hasParentalAuthority", equalTo(false));

        get(father, "/pupils/" + pupilA).then().statusCode(200);
        assertThat(get(father, "/me/children").then().statusCode(200).extract().jsonPath().getList("id"))
                .containsExactly(pupilA);
        assertHidden(father, pupilB);
    }

    @Test
    void aParentWhoseLoginIsUnlinkedNoLongerSeesTheChild() {
        String account = "mother-" + UUID.randomUUID();
        String guardianId = Fixtures.linkGuardianAccount(schoolA, pupilA, "a1-g1", account);
        String parent = Fixtures.parent(account);
        get(parent, "/pupils/" + pupilA).then().statusCode(200);

        given().auth().oauth2(Fixtures.staff("ib", schoolA)).header("If-Match", "*")
                .delete("/pupils/{id}/guardians/{g}/account", pupilA, guardianId).then().statusCode(200);
        assertHidden(parent, pupilA);
        assertThat(get(parent, "/me/children").then().statusCode(200).extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void aTeacherWhoIsAlsoAParentAtTheSchoolReadsTheirChildsAccessLog() {
        String account = "teacher-mother-" + UUID.randomUUID();
        Fixtures.linkGuardianAccount(schoolA, pupilA, "a1-g1", account);
        String teacherParent = TestTokens.subject(account).roles("teacher", "parent").schools(schoolA).sign();
        get(teacherParent, "/pupils/" + pupilA + "/access-log").then().statusCode(200);
        // as a teacher of another pupil, no access log
        String otherPupil = Fixtures.pupils(schoolA, "a2").get(0);
        assertProblem(get(teacherParent, "/pupils/" + otherPupil + "/access-log"), 403, "forbidden");
    }

    // --- roles that may never call an endpoint --------------------------------------------------

    @Test
    void rolesThatMayNeverCallAnEndpointGet403() {
        String teacher = Fixtures.staff("teacher", schoolA);
        String ib = Fixtures.staff("ib", schoolA);
        String director = Fixtures.staff("director", schoolA);
        String sis = Fixtures.sis(schoolA);
        String parent = Fixtures.parent("mother-" + UUID.randomUUID());
        String professional = Fixtures.careProfessional("ortho-" + UUID.randomUUID());
        String guardian = "/pupils/" + pupilA + "/guardians/" + guardianId(pupilA) + "/account";
        String pupil = "/pupils/" + pupilA;
        String list = "/schools/" + schoolA + "/pupils";
        String batchPath = list + "/batch";

        record Call(String who, String token, String method, String path, Object body) {
        }
        List<Call> calls = List.of(
                new Call("teacher", teacher, "PUT", pupil, update("X")),
                new Call("ib", ib, "PUT", pupil, update("X")),
                new Call("director", director, "PUT", pupil, update("X")),
                new Call("teacher", teacher, "POST", pupil + "/leave", leaving(TestClock.today())),
                new Call("teacher", teacher, "POST", batchPath, batch(Fixtures.pupil("x"))),
                new Call("ib", ib, "POST", batchPath, batch(Fixtures.pupil("x"))),
                new Call("parent", parent, "POST", batchPath, batch(Fixtures.pupil("x"))),
                new Call("sis-client", sis, "POST", pupil + "/professionals", professional("p-1")),
                new Call("sis-client", sis, "DELETE", pupil + "/professionals/" + UUID.randomUUID(), null),
                new Call("sis-client", sis, "PUT", guardian, Map.of("accountId", "a-1")),
                new Call("sis-client", sis, "GET", pupil + "/professionals", null),
                new Call("sis-client", sis, "GET", "/me/children", null),
                new Call("admin", Fixtures.ADMIN, "POST", pupil + "/professionals", professional("p-1")),
                new Call("teacher", teacher, "POST", pupil + "/professionals", professional("p-1")),
                new Call("director", director, "POST", pupil + "/professionals", professional("p-1")),
                new Call("teacher", teacher, "PUT", guardian, Map.of("accountId", "a-1")),
                new Call("teacher", teacher, "DELETE", guardian, null),
                new Call("teacher", teacher, "GET", pupil + "/access-log", null),
                new Call("teacher", teacher, "GET", "/me/children", null),
                new Call("parent", parent, "GET", list, null),
                new Call("parent", parent, "PUT", pupil, update("X")),
                new Call("care-professional", professional, "GET", list, null),
                new Call("care-professional", professional, "GET", pupil + "/guardians", null),
                new Call("care-professional", professional, "GET", pupil + "/access-log", null),
                new Call("board", TestTokens.subject("b").roles("board").schools(schoolA).sign(), "GET", pupil, null),
                new Call("swv-consultant", TestTokens.subject("c").roles("swv-consultant").schools(schoolA).sign(),
                        "GET", pupil, null),
                new Call("swv-analyst", TestTokens.subject("a").roles("swv-analyst").schools(schoolA).sign(),
                        "GET", list, null),
                new Call("teacher", teacher, "POST", "/admin/erasure", null),
                new Call("teacher", teacher, "PUT", "/schools/" + schoolA,
                        Map.of("name", "x", "schoolType", "BAO", "boardCode", "b", "swvCode", "s")));
        for (Call c : calls) {
            Response response = call(c.token(), c.method(), c.path(), c.body());
            assertThat(response.statusCode()).as(c.who() + " " + c.method() + " " + c.path()).isEqualTo(403);
            assertProblem(response, 403, "forbidden");
        }
        // nothing was changed by any of them
        get(Fixtures.ADMIN, pupil).then().body("givenName", equalTo("Sanne")).body("status", equalTo("ACTIVE"));
        get(Fixtures.ADMIN, pupil + "/professionals").then().body("size()", equalTo(0));
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        String pupil = "/pupils/" + pupilA;
        for (String[] c : new String[][] {{"GET", pupil}, {"GET", pupil + "/guardians"}, {"PUT", pupil},
                {"GET", "/schools/" + schoolA + "/pupils"}, {"POST", "/schools/" + schoolA + "/pupils/batch"},
                {"GET", "/me/children"}, {"GET", pupil + "/access-log"}, {"GET", "/schools"}}) {
            for (String token : new String[] {null, "not-a-token"}) {
                Response response = call(token, c[0], c[1], null);
                assertThat(response.statusCode()).as(c[0] + " " + c[1] + " with " + token).isEqualTo(401);
                assertProblem(response, 401, "unauthorized").header("WWW-Authenticate", startsWith("Bearer"));
            }
        }
    }

    @Test
    void aTokenWithoutAnyPassendRoleGets403() {
        String noRole = TestTokens.subject("nobody-" + UUID.randomUUID()).schools(schoolA).sign();
        String otherRole = TestTokens.subject("other-" + UUID.randomUUID()).roles("offline_access")
                .schools(schoolA).sign();
        for (String token : List.of(noRole, otherRole)) {
            for (String read : PUPIL_READS) {
                assertProblem(get(token, read.formatted(pupilA)), 403, "forbidden");
            }
            assertProblem(get(token, "/schools/" + schoolA + "/pupils"), 403, "forbidden");
            assertProblem(get(token, "/me/children"), 403, "forbidden");
            assertProblem(call(token, "POST", "/schools/" + schoolA + "/pupils/batch", batch(Fixtures.pupil("x"))),
                    403, "forbidden");
        }
    }

    // --- student information systems and admin --------------------------------------------------

    @Test
    void aSystemOfAnotherSchoolNeverGetsThePupils() {
        String sisB = Fixtures.sis(schoolB);
        Response list = get(sisB, "/schools/" + schoolA + "/pupils");
        assertProblem(list, 404, "not-found");
        Response listUnknown = get(sisB, "/schools/99ZZ99/pupils");
        assertThat(bodyWithout(list, schoolA)).isEqualTo(bodyWithout(listUnknown, "99ZZ99"));
        assertProblem(get(sisB, "/schools/" + schoolA + "/pupils?updatedSince=2020-01-01T00:00:00Z"), 404,
                "not-found");
        assertProblem(call(sisB, "POST", "/schools/" + schoolA + "/pupils/batch", batch(Fixtures.pupil("a1"))),
                404, "not-found");
        assertHidden(sisB, pupilA);
        assertProblem(call(sisB, "PUT", "/pupils/" + pupilA, update("Hacked")), 404, "not-found");
        assertProblem(call(sisB, "POST", "/pupils/" + pupilA + "/leave", leaving(TestClock.today())), 404,
                "not-found");

        get(Fixtures.ADMIN, "/pupils/" + pupilA).then().body("givenName", equalTo("Sanne"))
                .body("status", equalTo("ACTIVE"));
        assertThat(listed(Fixtures.ADMIN, schoolA)).containsExactly(pupilA);
    }

    @Test
    void theSchoolsSystemAndTheAdminWrite() {
        String sis = Fixtures.sis(schoolA);
        call(sis, "PUT", "/pupils/" + pupilA, update("Sanna")).then().statusCode(200)
                .body("givenName", equalTo("Sanna"));
        call(Fixtures.ADMIN, "PUT", "/pupils/" + pupilA, update("Sanne")).then().statusCode(200)
                .body("givenName", equalTo("Sanne"));
        call(Fixtures.ADMIN, "POST", "/schools/" + schoolA + "/pupils/batch", batch(Fixtures.pupil("a9")))
                .then().statusCode(200).body("created", equalTo(1));
        get(sis, "/pupils/" + pupilA + "/guardians").then().statusCode(200);
        get(Fixtures.ADMIN, "/pupils/" + pupilB).then().statusCode(200);
    }

    @Test
    void theIbOfTheSchoolLinksProfessionalsAndGuardianLogins() {
        String ib = Fixtures.staff("ib", schoolA);
        call(ib, "POST", "/pupils/" + pupilA + "/professionals", professional("psy-1")).then().statusCode(201)
                .body("accountId", equalTo("psy-1"));
        call(ib, "PUT", "/pupils/" + pupilA + "/guardians/" + guardianId(pupilA) + "/account",
                Map.of("accountId", "parent-1")).then().statusCode(200).body("accountId", equalTo("parent-1"));
    }
}
