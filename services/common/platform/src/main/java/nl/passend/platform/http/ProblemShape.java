package nl.passend.platform.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.InstanceUtils;
import io.quarkiverse.resteasy.problem.validation.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.passend.platform.problem.FieldViolation;
import nl.passend.platform.problem.Problems;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one shape of every problem, whichever mapper made it (ours, resteasy-problem's Bean Validation,
 * 404, 405, 415 or 500 ones): {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}
 * (the request's path), {@code correlationId} (the request's X-Correlation-Id, or a new one) and, for
 * input errors, {@code violations} of {@code {field, message}}. The answer carries the correlation id too.
 */
public class ProblemShape {

    /** The kind of a Bean Validation answer, which resteasy-problem leaves without a type. */
    public static final String VALIDATION_FAILED = "validation-failed";
    /** The path prefix a proxy in front took off (the gateway: /api/v1). */
    public static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";
    private static final Pattern SAFE_PREFIX = Pattern.compile("(/[a-z0-9-]+){1,3}");

    @ServerResponseFilter
    public void shape(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof HttpProblem problem)) {
            return;
        }
        String correlationId = CorrelationIds.accept(request.getHeaderString(CorrelationIds.HEADER));
        response.setEntity(shaped(problem, publicPath(request), correlationId),
                response.getEntityAnnotations(), HttpProblem.MEDIA_TYPE);
        response.getHeaders().putSingle(CorrelationIds.HEADER, correlationId);
    }

    /**
     * The path the caller used: behind the gateway, which forwards {@code /api/v1/pupils/..} as {@code /pupils/..}
     * and says so in {@code X-Forwarded-Prefix}, the {@code instance} is the gateway's path.
     */
    static String publicPath(ContainerRequestContext request) {
        return publicPath(request.getHeaderString(FORWARDED_PREFIX), request.getUriInfo().getRequestUri().getRawPath());
    }

    static String publicPath(String forwardedPrefix, String path) {
        return forwardedPrefix != null && SAFE_PREFIX.matcher(forwardedPrefix).matches() ? forwardedPrefix + path : path;
    }

    static HttpProblem shaped(HttpProblem problem, String path, String correlationId) {
        int status = problem.getStatusCode();
        String reason = reason(status);
        List<FieldViolation> violations = violations(problem);
        String slug = problem.getType() != null ? null
                : violations.isEmpty() ? slug(status, reason) : VALIDATION_FAILED;
        HttpProblem.Builder shaped = HttpProblem.builder()
                .withType(problem.getType() != null ? problem.getType() : URI.create(Problems.TYPE_BASE + slug))
                .withTitle(problem.getTitle() != null ? problem.getTitle() : reason)
                .withStatus(status)
                .withDetail(problem.getDetail() != null ? problem.getDetail() : detail(violations, reason))
                .withInstance(InstanceUtils.pathToInstance(path));
        problem.getParameters().forEach((name, value) -> {
            if (!name.equals("violations") && !name.equals("field") && !name.equals("correlationId")) {
                shaped.with(name, value);
            }
        });
        shaped.with("correlationId", correlationId);
        if (!violations.isEmpty()) {
            shaped.with("violations", violations);
        }
        return shaped.build();
    }

    /** Each violation as {field, message}: resteasy-problem's own carry an {@code in} as well. */
    private static List<FieldViolation> violations(HttpProblem problem) {
        List<FieldViolation> violations = new ArrayList<>();
        if (problem.getParameters().get("violations") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof FieldViolation violation) {
                    violations.add(violation);
                } else if (item instanceof Violation violation) {
                    violations.add(new FieldViolation(violation.field, violation.message));
                } else if (item instanceof Map<?, ?> map) {
                    violations.add(new FieldViolation(String.valueOf(map.get("field")), String.valueOf(map.get("message"))));
                }
            }
        }
        if (problem.getParameters().get("field") instanceof String field && !field.isEmpty()) {
            violations.add(new FieldViolation(field, problem.getDetail()));
        }
        return violations;
    }

    private static String detail(List<FieldViolation> violations, String reason) {
        return violations.isEmpty() ? reason : violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid; see violations";
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /** The kind of a problem without a type, from its status: 405 method-not-allowed, 500 internal-error. */
    static String slug(int status, String reason) {
        return switch (status) {
            case 500 -> "internal-error";
            case 400 -> "bad-request";
            default -> reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        };
    }
}
