package nl.passend.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import nl.passend.events.Topics;
import nl.passend.reporting.Feed;
import nl.passend.reporting.KnownSwv;
import nl.passend.reporting.Tokens;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Erasure deletes a pupil's rows but not what was published; a rebuild replays every topic into
 * empty projections and gives the figures the live feed gave, still without the erased pupil.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildAndErasureTest {

    KnownSwv k;
    String publication;

    @BeforeAll
    void send() {
        k = new KnownSwv(31);
        Feed.send(k);
    }

    @Test
    @Order(0)
    void theAnalystPublishesTheReport() {
        publication = given().auth().oauth2(Tokens.analyst(k.swv)).contentType("application/json")
                .body("{\"schoolYear\":\"2025-2026\",\"countDate\":\"OCTOBER\"}")
                .post("/swvs/{swv}/publications", k.swv)
                .then().statusCode(201).body("report.schools.find { it.schoolCode == '" + k.a + "' }.pupils", equalTo(100))
                .extract().path("id");
    }

    @Test
    @Order(1)
    void erasureDeletesThePupilsRowsButNotThePublishedReport() {
        TestEvents.sendRaw(Topics.PUPIL, k.pupilWithOpp.toString(), k.erasure());
        Feed.awaitApplied();
        for (String table : new String[] {"enrolment", "level_change", "opp_event"}) {
            assertThat(TestDb.count("select count(*) from " + table + " where pupil_id = ?", k.pupilWithOpp))
                    .as(table).isZero();
        }
        assertThat(TestDb.count("select count(*) from erased_pupil where pupil_id = ?", k.pupilWithOpp)).isOne();
        JsonPath live = report();
        assertThat(live.getInt("schools.find { it.schoolCode == '" + k.a + "' }.pupils")).isEqualTo(99);
        assertThat(live.getInt("schools.find { it.schoolCode == '" + k.a + "' }.levels.LEVEL_4")).isZero();
        assertThat(live.getInt("schools.find { it.schoolCode == '" + k.a + "' }.activeOpps")).isZero();

        given().auth().oauth2(Tokens.analyst(k.swv)).get("/swvs/{swv}/publications/{id}", k.swv, publication)
                .then().statusCode(200)
                .body("report.schools.find { it.schoolCode == '" + k.a + "' }.pupils", equalTo(100))
                .body("report.schools.find { it.schoolCode == '" + k.a + "' }.levels.LEVEL_4", equalTo(1));
        String csv = given().auth().oauth2(Tokens.analyst(k.swv)).accept("text/csv")
                .get("/swvs/{swv}/publications/{id}", k.swv, publication).then().statusCode(200).extract().asString();
        assertThat(csv).contains(",SCHOOL," + k.a + ",BAO," + k.boardA + "," + k.swv + ",100,");
    }

    @Test
    @Order(2)
    void anEventAboutAnErasedPupilArrivingLaterIsSkipped() {
        for (int i = 0; i < k.events().size(); i++) {
            if (k.key(i).equals(k.pupilWithOpp.toString())) {
                TestEvents.sendRaw(k.topic(i), k.key(i), k.events().get(i)); // redelivered after the erasure
            }
        }
        Feed.awaitApplied();
        assertThat(TestDb.count("select count(*) from enrolment where pupil_id = ?", k.pupilWithOpp)).isZero();
        assertThat(TestDb.count("select count(*) from level_change where pupil_id = ?", k.pupilWithOpp)).isZero();
    }

    @Test
    @Order(3)
    void aRebuildWhileAnotherIsUnderWayIsRefused() {
        UUID pending = UUID.randomUUID();
        TestDb.execute("insert into rebuild (id, requested_by, requested_at, state) values (?, 'test', now(), 'REQUESTED')",
                pending);
        try {
            given().auth().oauth2(Tokens.admin()).post("/rebuilds").then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("https://passend.nl/problems/rebuild-running"));
        } finally {
            TestDb.execute("delete from rebuild where id = ?", pending);
        }
    }

    @Test
    @Order(4)
    void aRebuildReplaysEveryTopicToTheSameFiguresWithoutTheErasedPupil() {
        String before = reportJson("OCTOBER");
        String beforeFebruary = reportJson("FEBRUARY");
        String beforeTrend = given().auth().oauth2(Tokens.analyst(k.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .get("/swvs/{swv}/trend", k.swv).then().statusCode(200).extract().asString();

        String location = given().auth().oauth2(Tokens.admin()).post("/rebuilds")
                .then().statusCode(202).body("state", equalTo("REQUESTED")).extract().header("Location");
        JsonPath status = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(Tokens.admin()).get(location).then().statusCode(200).extract()
                        .jsonPath(), s -> "FINISHED".equals(s.getString("state")));
        assertThat(status.getLong("eventsTotal")).isGreaterThanOrEqualTo(k.events().size());
        assertThat(status.getLong("eventsApplied")).isEqualTo(status.getLong("eventsTotal"));
        assertThat(status.getDouble("percent")).isEqualTo(100.0);
        assertThat(status.getString("startedAt")).isNotNull();
        Feed.awaitApplied();

        assertThat(reportJson("OCTOBER")).isEqualTo(before);
        assertThat(reportJson("FEBRUARY")).isEqualTo(beforeFebruary);
        assertThat(given().auth().oauth2(Tokens.analyst(k.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .get("/swvs/{swv}/trend", k.swv).then().statusCode(200).extract().asString()).isEqualTo(beforeTrend);
        assertThat(TestDb.count("select count(*) from enrolment where pupil_id = ?", k.pupilWithOpp)).isZero();
        given().auth().oauth2(Tokens.analyst(k.swv)).get("/swvs/{swv}/publications/{id}", k.swv, publication)
                .then().statusCode(200)
                .body("report.schools.find { it.schoolCode == '" + k.a + "' }.pupils", equalTo(100));
        given().auth().oauth2(Tokens.admin()).get("/feed").then().statusCode(200).body("behind", equalTo(0));
    }

    private JsonPath report() {
        return given().auth().oauth2(Tokens.analyst(k.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .queryParam("countDate", "OCTOBER").get("/swvs/{swv}/report", k.swv)
                .then().statusCode(200).extract().jsonPath();
    }

    private String reportJson(String countDate) {
        return given().auth().oauth2(Tokens.analyst(k.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .queryParam("countDate", countDate).get("/swvs/{swv}/report", k.swv)
                .then().statusCode(200).extract().asString();
    }
}
