package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description, for operations and integrators, under /q/. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthReportsDatabaseAndBrokerUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/schools/{schoolCode}/pupils/batch"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void aPathNothingServesIsAProblemInTheOneShape() {
        // neither a resource nor anything else: the web server's own 404, in the problem shape
        assertProblem(given().header("X-Correlation-Id", "lost-1").get("/no-such-thing"), 404, "not-found")
                .body("instance", equalTo("/no-such-thing")).body("correlationId", equalTo("lost-1"));
        // under a resource's path, and behind the gateway: the path the caller used
        assertProblem(given().header("X-Forwarded-Prefix", "/api/v1")
                .get("/pupils/7d0b1a52-3c9e-4f5a-9a51-2f4c1e0b9d11/no-such-part"), 404, "not-found")
                .body("instance", equalTo("/api/v1/pupils/7d0b1a52-3c9e-4f5a-9a51-2f4c1e0b9d11/no-such-part"));
    }
}
