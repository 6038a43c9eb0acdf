package nl.passend.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every answer a REST Assured test receives is checked against the service's committed contract
 * (Atlassian's swagger-request-validator): its status code must be one the operation lists, and its JSON
 * body must match the schema given for it. A test that receives an answer the contract does not describe
 * fails, naming the operation and what differs. The service's contract is {@code api-specs/<service>.yaml}
 * on the test classpath; the gateway's is the merged document it serves. Calls outside the contract
 * ({@code /q/...}, an unknown path or method on purpose) are not checked.
 *
 * <p>{@code -Dcontract.report=<file>} lists every difference of a run in the file instead.
 *
 * <p>Installed before each {@code @QuarkusTest} method (a {@link QuarkusTestBeforeEachCallback}, listed in
 * {@code META-INF/services}), so no test needs to ask for it.
 */
public final class ContractResponses implements Filter, QuarkusTestBeforeEachCallback {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final ContractResponses FILTER = new ContractResponses();
    /** -Dcontract.report=<file>: list the differences in the file, and fail no test for them. */
    private static final String REPORT_PROPERTY = "contract.report";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (path.startsWith("/q/")) {
            return response;
        }
        String body = response.asString();
        List<String> differences = differences(validator(contract()), request.getMethod(), path, response.statusCode(),
                response.getContentType(), body);
        if (!differences.isEmpty()) {
            String found = request.getMethod() + " " + path + " (" + response.statusCode() + "): "
                    + String.join(" | ", differences);
            String listTo = System.getProperty(REPORT_PROPERTY);
            if (listTo != null) { // list every difference of a whole run at once instead of failing at the first
                append(Path.of(listTo), found);
                return response;
            }
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (" + response.statusCode()
                    + ") is not what the contract says:\n  " + String.join("\n  ", differences));
        }
        return response;
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in an answer to {@code method path} the contract does not describe (none: it conforms). */
    public static List<String> differences(OpenApiInteractionValidator validator, String method, String path,
            int status, String contentType, String body) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        if (contentType != null && !contentType.isEmpty()) {
            answer.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            answer.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), answer.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    /** The validator of a contract on the classpath, read once. */
    public static OpenApiInteractionValidator validator(String resource) {
        return VALIDATORS.computeIfAbsent(resource, ContractResponses::load);
    }

    /** The contract of the service under test, a resource on the test classpath. */
    private static String contract() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        return "gateway".equals(service) ? "openapi/passend-api.yaml" : "api-specs/" + service + ".yaml";
    }

    private static OpenApiInteractionValidator load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no contract " + resource + " on the test classpath");
            }
            return OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .withLevelResolver(LevelResolver.create()
                            // a call outside the contract (an unknown path or method, on purpose) is not checked
                            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
