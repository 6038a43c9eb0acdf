package nl.passend.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** Checks that an error is one of Passend's problems (every error is problem+json with a stable type). */
public final class ProblemAssert {

    public static final String TYPE_BASE = "https://passend.nl/problems/";

    private ProblemAssert() {
    }

    public static ValidatableResponse assertProblem(Response response, int status, String slug) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith(TYPE_BASE))
                .body("type", equalTo(TYPE_BASE + slug));
    }

    /** The body with the given id replaced, to compare two answers that differ only in the id asked for. */
    public static Map<String, Object> bodyWithout(Response response, String id) {
        return JsonPath.from(response.asString().replace(id, "{id}")).getMap("");
    }
}
