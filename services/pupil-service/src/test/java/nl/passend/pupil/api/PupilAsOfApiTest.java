package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pupil and its enrolments as of a day (?asOf=yyyy-MM-dd): the school and status of that day
 * from the enrolments' dates, for a pupil Passend knew by then; authorized and audited as the reads
 * without it; bad input is 400. A pupil Passend learned of long ago is sent while the services'
 * clock stands on that day.
 */
@QuarkusTest
class PupilAsOfApiTest {

    private static final LocalDate TODAY = TestClock.today();

    private String schoolA;
    private String schoolB;

    @BeforeEach
    void twoSchools() {
        schoolA = Fixtures.school("BAO");
        schoolB = Fixtures.school("SBO");
    }

    private static Response get(String token, String path, Object pupilId, Object asOf) {
        return given().auth().oauth2(token).queryParam("asOf", String.valueOf(asOf)).get(path, pupilId);
    }

    private static Response pupil(String token, Object pupilId, Object asOf) {
        return get(token, "/pupils/{id}", pupilId, asOf);
    }

    private static Response enrolments(String token, Object pupilId, Object asOf) {
        return get(token, "/pupils/{id}/enrolments", pupilId, asOf);
    }

    private String upsert(String schoolCode, Map<String, Object> pupil) {
        return given().auth().oauth2(Fixtures.sis(schoolCode)).contentType(ContentType.JSON)
                .body(Map.of("pupils", List.of(pupil))).post("/schools/{code}/pupils/batch", schoolCode)
                .then().statusCode(200).extract().path("items[0].pupilId");
    }

    /** The school's system sends the pupil on {@code day}: Passend learned of it then. */
    private String upsertOn(LocalDate day, String schoolCode, Map<String, Object> pupil) {
        try (TestClock.Travel then = TestClock.travelTo(day)) {
            return upsert(schoolCode, pupil);
        }
    }

    /** A pupil at school A since 400 days ago, known to Passend since then, who moved to school B 30 days ago. */
    private String movedPupil() {
        String eckId = "https://ketenid.nl/" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> atA = new HashMap<>(Fixtures.pupil("asof-a-" + UUID.randomUUID()));
        atA.put("eckId", eckId);
        atA.put("enrolledOn", TODAY.minusDays(400).toString());
        String id = upsertOn(TODAY.minusDays(400), schoolA, atA);
        Map<String, Object> atB = new HashMap<>(Fixtures.pupil("asof-b-" + UUID.randomUUID()));
        atB.put("eckId", eckId);
        atB.put("enrolledOn", TODAY.minusDays(30).toString());
        assertThat(upsert(schoolB, atB)).isEqualTo(id);
        return id;
    }

    @Test
    void aPupilAsOfADayIsAtTheSchoolOfThatDay() {
        String id = movedPupil();
        String ib = Fixtures.staff("ib", schoolB);

        // before the first enrolment: not a pupil yet
        assertProblem(pupil(ib, id, TODAY.minusDays(401)), 404, "not-found")
                .body("detail", containsString(TODAY.minusDays(401).toString()));
        enrolments(ib, id, TODAY.minusDays(401)).then().statusCode(200).body("$", empty());

        // at the old school, between its start and the move: active there, the move not yet shown
        Response atA = pupil(ib, id, TODAY.minusDays(100));
        atA.then().statusCode(200).body("id", equalTo(id)).body("schoolCode", equalTo(schoolA))
                .body("externalId", containsString("asof-a-")).body("status", equalTo("ACTIVE"))
                .body("givenName", equalTo("Sanne")).body("groupId", nullValue()).body("groupName", nullValue())
                .body("groupYear", nullValue());
        assertThat(atA.header("ETag")).isNull();
        enrolments(ib, id, TODAY.minusDays(100)).then().statusCode(200).body("$", hasSize(1))
                .body("[0].schoolCode", equalTo(schoolA)).body("[0].endDate", nullValue())
                .body("[0].destination", nullValue()).body("[0].destinationSchoolCode", nullValue());
        pupil(ib, id, TODAY.minusDays(31)).then().statusCode(200).body("schoolCode", equalTo(schoolA));

        // from the day of the move: at the new school; the old enrolment ended with its destination
        pupil(ib, id, TODAY.minusDays(30)).then().statusCode(200).body("schoolCode", equalTo(schoolB))
                .body("status", equalTo("ACTIVE")).body("externalId", containsString("asof-b-"));
        enrolments(ib, id, TODAY.minusDays(30)).then().statusCode(200).body("schoolCode", contains(schoolA, schoolB))
                .body("[0].endDate", equalTo(TODAY.minusDays(30).toString())).body("[0].destination", equalTo("SBO"))
                .body("[0].destinationSchoolCode", equalTo(schoolB)).body("[1].endDate", nullValue());

        // today: what the reads without asOf say, but for the group
        pupil(ib, id, TODAY).then().statusCode(200).body("schoolCode", equalTo(schoolB));
        assertThat(enrolments(ib, id, TODAY).jsonPath().getList(""))
                .isEqualTo(given().auth().oauth2(ib).get("/pupils/{id}/enrolments", id).jsonPath().getList(""));
    }

    @Test
    void aPupilWhoLeftIsLeftFromTheLeavingDay() {
        String id = upsertOn(TODAY.minusDays(200), schoolA, new HashMap<>(Map.of("externalId", "asof-l-" + UUID.randomUUID(),
                "givenName", "Daan", "familyName", "Jansen", "birthDate", "2016-05-01",
                "enrolledOn", TODAY.minusDays(200).toString())));
        String etag = given().auth().oauth2(Fixtures.sis(schoolA)).get("/pupils/{id}", id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(Fixtures.sis(schoolA)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leftOn", TODAY.minusDays(5).toString(), "destination", "SO"))
                .post("/pupils/{id}/leave", id).then().statusCode(200);
        String sis = Fixtures.sis(schoolA);

        pupil(sis, id, TODAY.minusDays(6)).then().statusCode(200).body("status", equalTo("ACTIVE"));
        enrolments(sis, id, TODAY.minusDays(6)).then().statusCode(200).body("[0].endDate", nullValue());
        pupil(sis, id, TODAY.minusDays(5)).then().statusCode(200).body("status", equalTo("LEFT"))
                .body("schoolCode", equalTo(schoolA));
        enrolments(sis, id, TODAY.minusDays(5)).then().statusCode(200)
                .body("[0].endDate", equalTo(TODAY.minusDays(5).toString())).body("[0].destination", equalTo("SO"));
    }

    @Test
    void aPupilPassendLearnedOfLaterIsNotInTheFileOfEarlierDays() {
        // enrolled long ago by the school, but sent to Passend only today
        Map<String, Object> late = new HashMap<>(Fixtures.pupil("asof-late-" + UUID.randomUUID()));
        late.put("enrolledOn", TODAY.minusDays(300).toString());
        String id = upsert(schoolA, late);
        String ib = Fixtures.staff("ib", schoolA);
        assertProblem(pupil(ib, id, TODAY.minusDays(1)), 404, "not-found");
        enrolments(ib, id, TODAY.minusDays(1)).then().statusCode(200).body("$", empty());
        pupil(ib, id, TODAY).then().statusCode(200).body("schoolCode", equalTo(schoolA));
    }

    @Test
    void anAsOfReadIsAuthorizedAsTheReadWithoutItAndAuditedWithTheDay() {
        String id = movedPupil();
        String day = TODAY.minusDays(100).toString();
        for (String path : List.of("/pupils/{id}", "/pupils/{id}/enrolments")) {
            // the old school's staff lost access with the move, even for a day the pupil was theirs;
            // another school, a stranger parent, an unlinked professional: as for an unknown pupil
            for (String stranger : List.of(Fixtures.staff("ib", schoolA), Fixtures.staff("teacher", schoolA),
                    Fixtures.staff("ib", Fixtures.school("BAO")), Fixtures.parent("p-" + UUID.randomUUID()),
                    Fixtures.careProfessional("c-" + UUID.randomUUID()))) {
                assertProblem(get(stranger, path, id, day), 404, "not-found");
                assertProblem(get(stranger, path, UUID.randomUUID(), day), 404, "not-found");
            }
            // roles that never read a pupil: 403
            assertProblem(get(TestTokens.token("a-" + UUID.randomUUID(), "swv-analyst", schoolB), path, id, day), 403,
                    "forbidden");
        }
        String subject = "ib-" + UUID.randomUUID();
        String ib = TestTokens.token(subject, "ib", schoolB);
        pupil(ib, id, day).then().statusCode(200);
        enrolments(ib, id, day).then().statusCode(200);
        List<AuditRow> rows = audit(UUID.fromString(id), subject);
        assertThat(rows).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason).containsExactly(
                tuple("ib", "pupil.read", "asOf=" + day), tuple("ib", "pupil.enrolments.read", "asOf=" + day));
        // and the parents see that read in the access log
        given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/access-log", id).then().statusCode(200)
                .body("findAll { it.actor == '" + subject + "' }.action",
                        contains("pupil.enrolments.read", "pupil.read"));
    }

    @Test
    void aBadOrFutureAsOfIs400NamingTheParameterAndAuditsNothing() {
        String id = movedPupil();
        String subject = "ib-" + UUID.randomUUID();
        String ib = TestTokens.token(subject, "ib", schoolB);
        for (String path : List.of("/pupils/{id}", "/pupils/{id}/enrolments")) {
            for (String bad : List.of("gisteren", "2026-13-01", "1-9-2025", "2025-09-01T00:00:00Z",
                    TODAY.plusDays(1).toString())) {
                assertProblem(get(ib, path, id, bad), 400, "invalid-parameter").body("detail", containsString("asOf"))
                        .body("violations[0].field", equalTo("asOf")).body("violations[0].message", containsString("asOf"));
            }
        }
        assertThat(audit(UUID.fromString(id), subject)).isEmpty();
    }
}
