package nl.passend.testing;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/**
 * Checks that an error is one of Passend's problems: problem+json with a stable {@code type}, a title, the
 * status, a detail, the request's path as {@code instance} and a {@code correlationId}; a field that is wrong
 * is listed under {@code violations} ({@code field}, {@code message}), never as a field of its own.
 */
public final class ProblemAssert {

    public static final String TYPE_BASE = "https://passend.nl/problems/";

    private ProblemAssert() {
    }

    public static ValidatableResponse assertProblem(Response response, int status, String slug) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo(TYPE_BASE + slug))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("instance", startsWith("/"))
                .body("correlationId", not(emptyOrNullString()))
                .body("$", not(hasKey("field")));
    }

    /**
     * The body with the given id replaced and without its correlation id (each request's own), to compare
     * two answers that differ only in the id asked for.
     */
    public static Map<String, Object> bodyWithout(Response response, String id) {
        Map<String, Object> body = JsonPath.from(response.asString().replace(id, "{id}")).getMap("");
        body.remove("correlationId");
        return body;
    }
}
