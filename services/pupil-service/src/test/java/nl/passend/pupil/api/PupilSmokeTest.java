package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PupilSmokeTest {

    @Test
    void upsertReadListAndLeave() {
        String school = Fixtures.school("BAO");
        List<String> ids = Fixtures.pupils(school, "p1", "p2");
        String teacher = Fixtures.staff("teacher", school);
        given().auth().oauth2(teacher).get("/pupils/{id}", ids.get(0)).then().statusCode(200)
                .body("externalId", equalTo("p1")).body("groupName", equalTo("5B")).body("groupYear", equalTo(5));
        given().auth().oauth2(teacher).get("/schools/{c}/pupils", school).then().statusCode(200)
                .body("items", hasSize(2));
        given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON)
                .body(Map.of("pupils", List.of(Fixtures.pupil("p1"), Fixtures.pupil("p2"))))
                .post("/schools/{code}/pupils/batch", school)
                .then().statusCode(200).body("unchanged", equalTo(2));
        String etag = given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", ids.get(0)).header("ETag");
        given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leftOn", "2020-01-01", "destination", "SBO"))
                .post("/pupils/{id}/leave", ids.get(0)).then().statusCode(422);
        given().auth().oauth2(Fixtures.sis(school)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leftOn", TestClock.today().toString(), "destination", "SBO"))
                .post("/pupils/{id}/leave", ids.get(0)).then().statusCode(200).body("status", equalTo("LEFT"));
        given().auth().oauth2(teacher).get("/pupils/{id}", ids.get(0)).then().statusCode(404);
        given().auth().oauth2(Fixtures.sis(school)).get("/pupils/{id}", ids.get(0)).then().statusCode(200);
        given().auth().oauth2(teacher).get("/schools/{c}/pupils", school).then().statusCode(200)
                .body("items", hasSize(1));
    }
}
