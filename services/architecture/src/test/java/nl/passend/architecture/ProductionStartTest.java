package nl.passend.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service as built for production (its {@code quarkus-run.jar}, the prod profile) refuses to start
 * without its secrets, with one message that names each unset setting, and refuses demo or short values.
 * The settings each service needs come from its own configuration ({@code passend.secrets.required}), so a
 * secret a service adds is covered here without a change to this test.
 */
class ProductionStartTest {

    private static final Path SERVICES = Path.of("..");
    private static final Path PLATFORM_CONFIG =
            Path.of("../common/platform/src/main/resources/META-INF/microprofile-config.properties");

    @ParameterizedTest
    @ValueSource(strings = {"pupil-service", "consent-service", "opp-service", "support-level-service",
        "support-team-service", "reporting-service", "gateway"})
    void withoutItsSecretsAServiceDoesNotStartAndNamesEachOne(String service) throws Exception {
        Set<String> required = requiredSecrets(service);
        assertThat(required).contains("quarkus.datasource.password");
        Run run = start(service, Map.of());
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Passend does not start with unfit secrets");
        for (String name : required) {
            assertThat(run.output()).as(name).contains(name + " (" + envName(name) + ") is not set");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pupil", "short-password", "a-passend-demo-password-copied-from-dev"})
    void aDemoOrShortPasswordIsRefused(String password) throws Exception {
        Run run = start("pupil-service", Map.of("QUARKUS_DATASOURCE_PASSWORD", password));
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).containsPattern("quarkus.datasource.password \\(QUARKUS_DATASOURCE_PASSWORD\\) is "
                + "(a demo value|shorter than 16 characters)")
                .doesNotContain(password.length() > 8 ? password : "\u0000never");
    }

    private record Run(int exitCode, String output) {
    }

    /** Starts the built service with nothing from this environment but what a JVM needs, and waits for its end. */
    private static Run start(String service, Map<String, String> env) throws IOException, InterruptedException {
        Path jar = SERVICES.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the build of " + service + " (mvn package runs before this module's tests)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(Set.of("PATH", "HOME", "LANG", "TMPDIR"));
        // an unused port, so that a service that did start would not collide with anything
        environment.put("QUARKUS_HTTP_PORT", "0");
        environment.putAll(env);
        Path log = Files.createTempFile(service, ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    private static Set<String> requiredSecrets(String service) throws IOException {
        Properties own = properties(SERVICES.resolve(service).resolve("src/main/resources/application.properties"));
        String list = own.getProperty("passend.secrets.required",
                properties(PLATFORM_CONFIG).getProperty("passend.secrets.required"));
        return new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p;
    }

    private static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
