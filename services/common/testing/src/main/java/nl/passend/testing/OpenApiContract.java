package nl.passend.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the OpenAPI document a running service serves at {@code /q/openapi} with the contract
 * committed under {@code api-specs/openapi/}. The two are compared as trees, so formatting and key
 * order do not matter; any other difference fails, listing where the two disagree.
 */
public final class OpenApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiContract() {
    }

    /**
     * @param committedResource the committed spec on the test classpath, e.g. {@code api-specs/pupil-service.yaml}
     * @param service the service's name; on a mismatch the served spec is written to
     *        {@code target/openapi/<service>.yaml}, ready to be reviewed and copied over the committed one
     */
    public static void assertServiceMatches(String committedResource, String service) {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode actual = parse(served);
        JsonNode expected;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(committedResource)) {
            expected = in == null ? null : YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (expected != null && expected.equals(actual)) {
            return;
        }
        Path written = Path.of("target", "openapi", service + ".yaml");
        try {
            Files.createDirectories(written.getParent());
            Files.writeString(written, served);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = expected == null ? "the committed spec " + committedResource + " is missing"
                : "they differ at " + String.join(", ", differences("", expected, actual));
        throw new AssertionError("The service and its OpenAPI contract disagree: " + where
                + ". The served spec is in " + written.toAbsolutePath()
                + "; if the change is intended, review it and copy it to api-specs/openapi/" + service + ".yaml");
    }

    private static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON pointers where the two trees differ (at most 20). */
    static List<String> differences(String at, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        collect(at, expected, actual, found);
        return found.size() > 20 ? found.subList(0, 20) : found;
    }

    private static void collect(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (found.size() > 20 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add(child + " (only in the service)");
                } else if (!actual.has(name)) {
                    found.add(child + " (only in the spec)");
                } else {
                    collect(child, expected.get(name), actual.get(name), found);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                collect(at + "/" + i, e.next(), a.next(), found);
            }
        } else {
            found.add(at.isEmpty() ? "/" : at);
        }
    }
}
