package nl.passend.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.passend.deploy.BrokerAccess;
import org.apache.kafka.clients.admin.Admin;

/**
 * Starts a real in-process Kafka broker (KRaft, SASL/SCRAM, ACLs) with the access table of the
 * deployment (deploy/kafka/access.conf, packaged into this jar as {@code kafka/access.conf}) applied:
 * every Passend topic and dead-letter topic (one partition each), a credential per service principal
 * and exactly its ACLs. A module may add principals of its own in a test resource
 * {@code kafka/access-test.conf}. The service under test (init arg {@code service}) gets its own
 * principal's client settings ({@code kafka.*}), as it would in production.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private String service;

    /** The running broker of this test JVM, e.g. to stop and restart it. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaResource has not been started");
        }
        return broker;
    }

    /** Client settings for {@code principal} (a service of the access table, or the broker's {@code admin}). */
    public static Map<String, Object> clientConfig(String principal) {
        return principal.equals(KafkaBroker.ADMIN) ? broker().adminConfig()
                : broker().clientConfig(principal, password(principal));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null) {
            throw new IllegalArgumentException("KafkaResource needs the init arg 'service': the principal the service uses");
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        if (broker == null) {
            broker = new KafkaBroker();
            broker.start();
            try (Admin admin = Admin.create(broker.adminConfig())) {
                BrokerAccess.apply(admin, accessTable(), KafkaResource::password, 1);
            }
        }
        Map<String, Object> client = clientConfig(service);
        return Map.of(
                "kafka.bootstrap.servers", (String) client.get("bootstrap.servers"),
                "kafka.security.protocol", (String) client.get("security.protocol"),
                "kafka.sasl.mechanism", (String) client.get("sasl.mechanism"),
                "kafka.sasl.jaas.config", (String) client.get("sasl.jaas.config"));
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    /** The deployment's access table, plus the module's own test principals if it has any. */
    static List<BrokerAccess.Grant> accessTable() {
        List<BrokerAccess.Grant> grants = new ArrayList<>(read("kafka/access.conf", true));
        grants.addAll(read("kafka/access-test.conf", false));
        return grants;
    }

    private static List<BrokerAccess.Grant> read(String resource, boolean required) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException("no " + resource + " on the class path");
                }
                return List.of();
            }
            return BrokerAccess.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Test passwords only: the test broker lives and dies with the test JVM. */
    private static String password(String principal) {
        return "test-secret-" + principal;
    }
}
