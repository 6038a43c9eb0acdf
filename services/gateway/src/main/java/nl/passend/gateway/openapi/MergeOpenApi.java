package nl.passend.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.passend.gateway.domain.RouteTable;

/**
 * Writes api-specs/openapi/passend-api.yaml from the services' documents beside it and the gateway's
 * routes (its application.properties):
 * {@code ./mvnw -q -pl services/gateway -am process-classes -Pmerge-openapi}.
 */
public final class MergeOpenApi {

    private MergeOpenApi() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "api-specs/openapi").toAbsolutePath().normalize();
        OpenApiMerger.Result result = OpenApiMerger.merge(OpenApiMerger.readSpecs(folder), configuredRoutes());
        Path target = folder.resolve(OpenApiMerger.MERGED_FILE);
        Files.writeString(target, result.yaml());
        System.out.println("wrote " + target + " (" + result.document().path("paths").size() + " paths)");
        result.renamed().forEach((from, to) -> System.out.println("  component " + from + " -> " + to));
        result.leftOut().forEach((service, paths) -> System.out.println("  not routed to " + service
                + ", left out: " + paths));
    }

    /**
     * The route table of the gateway's application.properties without a profile: each
     * {@code passend.gateway.services.<name>.prefixes} and {@code passend.gateway.own-paths}, read as
     * Quarkus reads them (comma-separated lists).
     */
    public static RouteTable configuredRoutes() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in == null) {
                throw new IllegalStateException("the gateway's application.properties is not on the classpath");
            }
            properties.load(in);
        }
        Pattern service = Pattern.compile("passend\\.gateway\\.services\\.([^.]+)\\.prefixes");
        Map<String, List<String>> prefixes = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = service.matcher(key);
            if (m.matches()) {
                prefixes.put(m.group(1), list(properties.getProperty(key)));
            }
        }
        return RouteTable.of(prefixes, list(properties.getProperty("passend.gateway.own-paths", "/openapi.yaml")));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
