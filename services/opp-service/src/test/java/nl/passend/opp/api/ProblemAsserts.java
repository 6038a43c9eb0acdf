package nl.passend.opp.api;

import io.restassured.response.Response;
import nl.passend.testing.ProblemAssert;

/** Short form of the shared problem+json assertion. */
final class ProblemAsserts {

    private ProblemAsserts() {
    }

    static void problem(Response response, int status, String slug) {
        ProblemAssert.assertProblem(response, status, slug);
    }
}
