package nl.passend.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;
import java.util.List;

/**
 * The RFC 9457 problems Passend answers with, each with a stable {@code type} URI. Throw them; the
 * resteasy-problem extension renders them as {@code application/problem+json}, and {@code http/ProblemShape}
 * adds {@code instance} and {@code correlationId} to every one.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://passend.nl/problems/";

    /**
     * For our exception mappers: resteasy-problem registers most of its own at priority 999 (its
     * reactive 401 mappers at 4999), and the smaller number wins.
     */
    static final int MAPPER_PRIORITY = 500;

    private Problems() {
    }

    public static HttpProblem of(int status, String slug, String title, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_BASE + slug))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }

    public static HttpProblem badRequest(String slug, String detail) {
        return of(400, slug, "Bad request", detail);
    }

    /** 400 for input that is wrong in the named fields; {@code violations} lists each one. */
    public static HttpProblem invalid(String slug, String detail, List<FieldViolation> violations) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_BASE + slug))
                .withStatus(400)
                .withTitle("Bad request")
                .withDetail(detail)
                .with("violations", List.copyOf(violations))
                .build();
    }

    /** 400 unknown-property: the body has properties the request does not have (a typo loses data otherwise). */
    public static HttpProblem unknownProperties(List<String> fields) {
        return invalid("unknown-property", "the body has properties this request does not have: "
                + String.join(", ", fields), fields.stream()
                .map(field -> new FieldViolation(field, "is not a property of this request")).toList());
    }

    /** 400 invalid-parameter for one query or path parameter. */
    public static HttpProblem invalidParameter(String name, String message) {
        return invalid("invalid-parameter", message, List.of(new FieldViolation(name, message)));
    }

    public static HttpProblem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    /** Also the answer for things that exist but the caller may not know of. */
    public static HttpProblem notFound(String what) {
        return of(404, "not-found", "Not found", what + " does not exist or is not visible to you");
    }

    public static HttpProblem conflict(String slug, String detail) {
        return of(409, slug, "Conflict", detail);
    }

    public static HttpProblem staleVersion(String detail) {
        return of(412, "stale-version", "Precondition failed", detail);
    }

    public static HttpProblem ifMatchRequired() {
        return of(428, "if-match-required", "Precondition required",
                "send the resource's current ETag in If-Match to change it");
    }

    public static HttpProblem unprocessable(String slug, String detail) {
        return of(422, slug, "Unprocessable content", detail);
    }
}
