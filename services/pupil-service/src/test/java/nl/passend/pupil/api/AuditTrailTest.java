package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every read and write of pupil-level data leaves an entry in the audit table (who, acting role,
 * which pupil, what, when); parents can see who looked at their child.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource dataSource;

    private String school;
    private String pupil;
    private Instant start;

    record Entry(String actor, String role, UUID pupilId, String action, Instant occurredAt, String reason) {
    }

    @BeforeEach
    void aPupil() {
        start = TestClock.now();
        school = Fixtures.school("BAO");
        pupil = Fixtures.pupils(school, "p1").get(0);
    }

    private List<Entry> entries(String pupilId, String actor) {
        String sql = "select actor, actor_role, pupil_id, action, occurred_at, reason from audit_log"
                + " where pupil_id = ? and actor = ? order by occurred_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(pupilId));
            s.setString(2, actor);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new Entry(r.getString(1), r.getString(2), r.getObject(3, UUID.class), r.getString(4),
                            r.getTimestamp(5).toInstant(), r.getString(6)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exactly the given actions, in order, by the actor in the role on the pupil, all recorded during the test. */
    private void assertAudited(String pupilId, String actor, String role, String... actions) {
        List<Entry> entries = entries(pupilId, actor);
        assertThat(entries).extracting(Entry::action).containsExactly(actions);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.role()).isEqualTo(role);
            assertThat(e.pupilId()).isEqualTo(UUID.fromString(pupilId));
            assertThat(e.occurredAt()).isBetween(start.minusMillis(1), TestClock.now().plusMillis(1));
        });
    }

    private static String token(String subject, String role, String... schools) {
        return TestTokens.token(subject, role, schools);
    }

    private static String etag(String token, String pupilId) {
        return given().auth().oauth2(token).get("/pupils/{id}", pupilId).then().statusCode(200).extract()
                .header("ETag");
    }

    @Test
    void eachReadIsAuditedWithActorRolePupilActionAndTime() {
        String other = Fixtures.pupils(school, "p2").get(0);
        String subject = "teacher-" + UUID.randomUUID();
        String teacher = token(subject, "teacher", school);

        given().auth().oauth2(teacher).get("/pupils/{id}", pupil).then().statusCode(200);
        given().auth().oauth2(teacher).get("/schools/{c}/pupils", school).then().statusCode(200);
        given().auth().oauth2(teacher).get("/pupils/{id}/guardians", pupil).then().statusCode(200);
        given().auth().oauth2(teacher).get("/pupils/{id}/enrolments", pupil).then().statusCode(200);
        given().auth().oauth2(teacher).get("/pupils/{id}/professionals", pupil).then().statusCode(200);

        assertAudited(pupil, subject, "teacher", "pupil.read", "pupil.list", "pupil.guardians.read",
                "pupil.enrolments.read", "pupil.professionals.read");
        assertAudited(other, subject, "teacher", "pupil.list");
    }

    @Test
    void readsByCareProfessionalsAndParentsAreAuditedInTheirRole() {
        String ortho = "ortho-" + UUID.randomUUID();
        Fixtures.linkProfessional(school, pupil, ortho);
        given().auth().oauth2(Fixtures.careProfessional(ortho)).get("/pupils/{id}", pupil).then().statusCode(200);
        assertAudited(pupil, ortho, "care-professional", "pupil.read");

        String mother = "mother-" + UUID.randomUUID();
        Fixtures.linkGuardianAccount(school, pupil, "p1-g1", mother);
        given().auth().oauth2(Fixtures.parent(mother)).get("/me/children").then().statusCode(200);
        given().auth().oauth2(Fixtures.parent(mother)).get("/pupils/{id}/guardians", pupil).then().statusCode(200);
        assertAudited(pupil, mother, "parent", "pupil.read", "pupil.guardians.read");
    }

    @Test
    void eachWriteOfTheSchoolsSystemIsAudited() {
        String sisSubject = "sis-" + school;
        String sis = Fixtures.sis(school);
        assertAudited(pupil, sisSubject, "sis-client", "pupil.create");
        assertThat(entries(pupil, sisSubject).get(0).reason()).isNotBlank();

        Map<String, Object> renamed = Fixtures.pupil("p1");
        renamed.put("givenName", "Sanna");
        given().auth().oauth2(sis).contentType(ContentType.JSON).body(Map.of("pupils", List.of(renamed)))
                .post("/schools/{c}/pupils/batch", school).then().statusCode(200)
                .body("updated", equalTo(1));
        given().auth().oauth2(sis).contentType(ContentType.JSON).header("If-Match", etag(sis, pupil))
                .body(Map.of("givenName", "Sanne", "familyName", "de Vries", "birthDate", "2017-03-14"))
                .put("/pupils/{id}", pupil).then().statusCode(200);
        given().auth().oauth2(sis).contentType(ContentType.JSON).header("If-Match", etag(sis, pupil))
                .body(Map.of("leftOn", TestClock.today().plusDays(30).toString(), "destination", "SO"))
                .post("/pupils/{id}/leave", pupil).then().statusCode(200);

        assertAudited(pupil, sisSubject, "sis-client", "pupil.create", "pupil.update", "pupil.read", "pupil.update",
                "pupil.read", "pupil.leave");
    }

    @Test
    void eachLinkByTheIbIsAudited() {
        String subject = "ib-" + UUID.randomUUID();
        String ib = token(subject, "ib", school);
        String linkId = given().auth().oauth2(ib).contentType(ContentType.JSON)
                .body(Map.of("accountId", "psy-" + UUID.randomUUID(), "discipline", "PSYCHOLOOG"))
                .post("/pupils/{id}/professionals", pupil).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ib).delete("/pupils/{id}/professionals/{l}", pupil, linkId).then().statusCode(204);
        Map<String, Object> guardian = given().auth().oauth2(ib).get("/pupils/{id}/guardians", pupil)
                .then().statusCode(200).extract().path("[0]");
        given().auth().oauth2(ib).contentType(ContentType.JSON)
                .header("If-Match", "\"" + guardian.get("version") + "\"")
                .body(Map.of("accountId", "parent-" + UUID.randomUUID()))
                .put("/pupils/{id}/guardians/{g}/account", pupil, guardian.get("id")).then().statusCode(200);
        given().auth().oauth2(ib).header("If-Match", "*")
                .delete("/pupils/{id}/guardians/{g}/account", pupil, guardian.get("id")).then().statusCode(200);

        assertAudited(pupil, subject, "ib", "professional.link", "professional.unlink", "pupil.guardians.read",
                "guardian.link", "guardian.unlink");
    }

    @Test
    void aDeniedOrFailedAccessIsNotRecordedAsDone() {
        String otherSchool = Fixtures.school("BAO");
        String stranger = "teacher-" + UUID.randomUUID();
        assertProblem(given().auth().oauth2(token(stranger, "teacher", otherSchool)).get("/pupils/{id}", pupil),
                404, "not-found");
        String teacher = "teacher-" + UUID.randomUUID();
        assertProblem(given().auth().oauth2(token(teacher, "teacher", school)).contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("givenName", "X", "familyName", "Y", "birthDate", "2017-03-14"))
                .put("/pupils/{id}", pupil), 403, "forbidden");
        String sisSubject = "sis-" + school;
        assertProblem(given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON)
                .header("If-Match", "\"999\"")
                .body(Map.of("givenName", "X", "familyName", "Y", "birthDate", "2017-03-14"))
                .put("/pupils/{id}", pupil), 412, "stale-version");

        assertThat(entries(pupil, stranger)).isEmpty();
        assertThat(entries(pupil, teacher)).isEmpty();
        assertAudited(pupil, sisSubject, "sis-client", "pupil.create");
    }

    @Test
    void aParentSeesWhoLookedAtTheirChildAndATeacherMayNot() {
        String teacherSubject = "teacher-" + UUID.randomUUID();
        String teacher = token(teacherSubject, "teacher", school);
        given().auth().oauth2(teacher).get("/pupils/{id}", pupil).then().statusCode(200);
        String mother = "mother-" + UUID.randomUUID();
        Fixtures.linkGuardianAccount(school, pupil, "p1-g1", mother);

        Response log = given().auth().oauth2(Fixtures.parent(mother)).get("/pupils/{id}/access-log", pupil);
        log.then().statusCode(200);
        List<Map<String, Object>> entries = log.jsonPath().getList("");
        assertThat(entries).extracting(e -> e.get("actor"), e -> e.get("actorRole"), e -> e.get("action"))
                .contains(tuple(teacherSubject, "teacher", "pupil.read"));
        List<Instant> times = entries.stream().map(e -> Instant.parse((String) e.get("occurredAt"))).toList();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        // reading the log is itself a read of the child's file
        assertAudited(pupil, mother, "parent", "pupil.access-log.read");

        assertProblem(given().auth().oauth2(teacher).get("/pupils/{id}/access-log", pupil), 403, "forbidden");
        assertProblem(given().auth().oauth2(Fixtures.parent("stranger-" + UUID.randomUUID()))
                .get("/pupils/{id}/access-log", pupil), 404, "not-found");
        given().auth().oauth2(Fixtures.staff("ib", school)).get("/pupils/{id}/access-log", pupil)
                .then().statusCode(200);
    }
}
