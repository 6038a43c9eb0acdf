package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.Topics;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Pupils who left are erased once their retention period has passed (2 years after leaving, 3 when
 * referred to special education), with a pupil.erased event so that every service forgets them.
 */
@QuarkusTest
class ErasureTest {

    private static final String ERASED = "nl.passend.pupil.erased.v1";

    @Test
    void erasesOnlyPupilsPastTheirRetentionPeriod() {
        String school = Fixtures.school("BAO");
        LocalDate today = TestClock.today();
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(leaving("referred-4y", today.minusYears(4), "SBO"));
        items.add(leaving("referred-2y6m", today.minusYears(2).minusMonths(6), "SO"));
        items.add(leaving("to-vo-2y6m", today.minusYears(2).minusMonths(6), "VO"));
        items.add(leaving("to-bao-1y", today.minusYears(1), "BAO"));
        items.add(Fixtures.pupil("still-here"));
        List<String> ids = given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON)
                .body(Map.of("pupils", items)).post("/schools/{c}/pupils/batch", school)
                .then().statusCode(200).extract().jsonPath().getList("items.pupilId", String.class);
        String referred4y = ids.get(0);
        String referred2y6m = ids.get(1);
        String vo2y6m = ids.get(2);
        String bao1y = ids.get(3);
        String stillHere = ids.get(4);
        given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/access-log", referred4y).then().statusCode(200);

        given().auth().oauth2(Fixtures.staff("ib", school)).post("/admin/erasure").then().statusCode(403);
        int erased = given().auth().oauth2(Fixtures.ADMIN).post("/admin/erasure")
                .then().statusCode(200).extract().path("erased");
        assertThat(erased).isGreaterThanOrEqualTo(2);

        for (String gone : List.of(referred4y, vo2y6m)) {
            given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}", gone).then().statusCode(404);
            given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/enrolments", gone).then().statusCode(404);
            given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}/access-log", gone).then().statusCode(404);
        }
        for (String kept : List.of(referred2y6m, bao1y, stillHere)) {
            given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}", kept).then().statusCode(200);
        }
        List<String> listed = given().auth().oauth2(Fixtures.sis(school)).queryParam("size", 200)
                .get("/schools/{c}/pupils", school).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
        assertThat(listed).containsExactlyInAnyOrder(referred2y6m, bao1y, stillHere);

        List<EventEnvelope> events = TopicProbe.events(Topics.PUPIL,
                e -> e.type().equals(ERASED) && ids.contains(e.subject()), 2,
                Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::subject).containsExactlyInAnyOrder(referred4y, vo2y6m);
        for (EventEnvelope event : events) {
            String json = EventJson.write(event);
            assertThat(json).doesNotContain("Sanne", "de Vries", "2017-03-14");
        }

        // a second run finds nothing more of this school to erase and publishes nothing twice: the
        // outbox, written in the erasure's own transaction, holds the two events and no more
        given().auth().oauth2(Fixtures.ADMIN).post("/admin/erasure").then().statusCode(200);
        given().auth().oauth2(Fixtures.ADMIN).get("/pupils/{id}", referred2y6m).then().statusCode(200);
        assertThat(ids.stream().mapToLong(id -> TestDb.count(
                "select count(*) from outbox_event where event_type = ? and event_key = ?", ERASED, id)).sum())
                .isEqualTo(2);
    }

    private static Map<String, Object> leaving(String externalId, LocalDate leftOn, String destination) {
        Map<String, Object> pupil = Fixtures.pupil(externalId);
        pupil.put("enrolledOn", "2015-09-01");
        pupil.put("leaving", Map.of("leftOn", leftOn.toString(), "destination", destination));
        return pupil;
    }
}
