package nl.passend.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import nl.passend.deploy.BrokerAccess;
import nl.passend.events.Topics;
import nl.passend.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The files that run the whole system (docker-compose.yml, deploy/local/services.conf, the Keycloak
 * realm, the broker's access table) name every service and every role, so that a new service or role
 * cannot be forgotten there, and a service's Kafka access matches what it writes and consumes.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("../../..").toAbsolutePath().normalize();

    @Test
    void dockerComposeIsValidYamlNamingEveryServiceAndTheInfrastructure() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        Set<String> named = names(compose.path("services"));
        assertThat(named).contains("postgres", "kafka", "keycloak").containsAll(serviceModules());
        for (String service : serviceModules()) {
            assertThat(compose.path("services").path(service).path("image").asText())
                    .as("image of " + service).isEqualTo("passend/" + service + ":1.0.0-SNAPSHOT");
        }
    }

    @Test
    void theLocalStartRunsEveryServiceWithItsDatabase() throws IOException {
        List<String[]> lines = Files.readAllLines(ROOT.resolve("deploy/local/services.conf")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+")).toList();
        assertThat(lines.stream().map(l -> l[0]).toList()).containsExactlyInAnyOrderElementsOf(serviceModules());
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        String composeDatabases = compose.path("services").path("postgres").path("environment")
                .path("PASSEND_DB_PASSWORDS").asText();
        for (String[] line : lines) {
            assertThat(line).as("module, port, database").hasSize(3);
            assertThat(composeDatabases).as("docker-compose creates database " + line[2] + " with its password")
                    .containsPattern("\\b" + line[2] + "=\\$\\{PASSEND_DB_" + line[2].toUpperCase() + "_PASSWORD:\\?");
        }
    }

    @Test
    void dockerComposeSetsEverySecretAndTheBindAddressExplicitlyAndPublishesOnLoopbackOnly() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        for (String service : serviceModules()) {
            JsonNode env = compose.path("services").path(service).path("environment");
            assertThat(env.path("QUARKUS_HTTP_HOST").asText()).as(service + " binds explicitly").isEqualTo("0.0.0.0");
            // no default: compose refuses to start without the value (${VAR:?...})
            assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText()).as(service).matches("\\$\\{PASSEND_DB_\\w+_PASSWORD:\\?.*");
        }
        // every secret a service requires in production (passend.secrets.required) is set, under the name Quarkus
        // reads, from a value compose refuses to start without
        for (String service : serviceModules()) {
            JsonNode env = compose.path("services").path(service).path("environment");
            for (String setting : requiredSecrets(service)) {
                String variable = setting.toUpperCase().replaceAll("[^A-Z0-9]", "_");
                assertThat(env.path(variable).asText()).as(service + " sets " + variable).matches("\\$\\{\\w+:\\?.*");
            }
        }
        compose.path("services").forEach(s -> s.path("ports").forEach(
                port -> assertThat(port.asText()).as("a published port").startsWith("127.0.0.1:")));
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContain(":-");
    }

    @Test
    void theRealmHasEveryRoleClaimClientAndADemoUserPerRole() throws IOException, IllegalAccessException {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/passend-realm.json").toFile());
        assertThat(realm.path("realm").asText()).isEqualTo("passend");
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(roleConstants());

        Set<String> claims = new HashSet<>();
        realm.path("clientScopes").forEach(scope -> scope.path("protocolMappers").forEach(m -> {
            if (m.path("config").path("access.token.claim").asText().equals("true")) {
                claims.add(m.path("config").path("claim.name").asText());
            }
        }));
        assertThat(claims).contains("schools", "board", "swv", "realm_access.roles");

        JsonNode sis = client(realm, "sis-client");
        assertThat(sis.path("publicClient").asBoolean()).isFalse();
        assertThat(sis.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client(realm, "passend-app").path("publicClient").asBoolean()).isTrue();

        Set<String> rolesWithAUser = new HashSet<>();
        realm.path("users").forEach(u -> u.path("realmRoles").forEach(r -> rolesWithAUser.add(r.asText())));
        assertThat(rolesWithAUser).containsAll(roleConstants());
    }

    @Test
    void theBrokerAccessTableGivesEachServiceItsOwnTopicAndWhatItConsumes() throws IOException {
        List<BrokerAccess.Grant> grants = BrokerAccess.parse(Files.readAllLines(ROOT.resolve("deploy/kafka/access.conf")));
        assertThat(grants).extracting(BrokerAccess.Grant::principal).containsExactlyInAnyOrderElementsOf(serviceModules());
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        for (BrokerAccess.Grant grant : grants) {
            String service = grant.principal();
            // writes: exactly the topics whose one writer the service is
            assertThat(grant.writes()).as("topics %s writes", service).containsExactlyInAnyOrderElementsOf(
                    Topics.ALL.stream().filter(t -> Topics.writer(t).equals(service)).toList());
            // reads: exactly what the service's consumer subscribes to
            Properties properties = new Properties();
            try (var in = Files.newInputStream(ROOT.resolve("services/" + service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            }
            String consumed = properties.getProperty("mp.messaging.incoming.events.topics");
            if (grant.reads().isEmpty() || service.equals("reporting-service")) {
                assertThat(properties.getProperty("mp.messaging.incoming.events.enabled")).as(service).isEqualTo("false");
            } else {
                assertThat(List.of(consumed.split(","))).as("topics %s consumes", service)
                        .containsExactlyInAnyOrderElementsOf(grant.reads());
            }
            // and in docker-compose.yml it authenticates as itself
            assertThat(compose.path("services").path(service).path("environment").path("KAFKA_SASL_JAAS_CONFIG").asText())
                    .as("%s's Kafka login in docker-compose.yml", service).contains("username=\"" + service + "\"");
        }
    }

    /** The settings a service refuses to start without outside dev and test. */
    private static List<String> requiredSecrets(String service) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("services/" + service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return Stream.of(properties.getProperty("passend.secrets.required", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    private static Set<String> serviceModules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            Set<String> modules = new HashSet<>();
            dirs.filter(d -> Files.exists(d.resolve("pom.xml")))
                    .map(d -> d.getFileName().toString())
                    .filter(name -> name.endsWith("-service") || name.equals("gateway"))
                    .forEach(modules::add);
            assertThat(modules).as("service modules under services/").contains("pupil-service");
            return modules;
        }
    }

    private static List<String> roleConstants() throws IllegalAccessException {
        List<String> roles = new ArrayList<>();
        for (Field field : Roles.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                roles.add((String) field.get(null));
            }
        }
        return roles;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
