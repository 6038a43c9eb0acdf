package nl.passend.testing;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM, on random loopback ports, secured as the
 * local system's broker is: clients authenticate with SASL/SCRAM-SHA-512 and the standard authorizer
 * allows only what ACLs grant ({@code admin} is the one super user; topics are never created on the
 * fly). It can be stopped and started again on the same port with its data kept, to test what a
 * broker outage does.
 */
public final class KafkaBroker {

    /** The super user that creates topics, credentials and ACLs; its credential exists from the start. */
    public static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-test-secret";
    private static final String CONTROLLER_PASSWORD = "controller-test-secret";

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker() {
        try {
            logDir = Files.createTempDirectory(new File("target").getAbsoluteFile().toPath(), "kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        brokerPort = freePort();
        controllerPort = freePort();
        format();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Client settings of {@code principal}: SASL/SCRAM over the broker's client listener. */
    public Map<String, Object> clientConfig(String principal, String password) {
        return Map.of(
                "bootstrap.servers", bootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", principal, password));
    }

    /** Client settings of the super user. */
    public Map<String, Object> adminConfig() {
        return clientConfig(ADMIN, ADMIN_PASSWORD);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
        server.startup();
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Stops the broker and deletes its data. */
    public synchronized void destroy() {
        stop();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover directory under target/ is harmless
        }
    }

    private void format() {
        try {
            Path config = logDir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                properties().store(out, "passend test broker");
            }
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString(), "--ignore-formatted",
                    "--add-scram", "SCRAM-SHA-512=[name=" + ADMIN + ",password=" + ADMIN_PASSWORD + "]"},
                    new PrintStream(PrintStream.nullOutputStream()));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed with " + rc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENT");
        // clients (and the broker itself) authenticate with SCRAM, the controller's listener with PLAIN
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ADMIN, ADMIN_PASSWORD));
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\""
                        + CONTROLLER_PASSWORD + "\" user_controller=\"" + CONTROLLER_PASSWORD + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN + ";User:controller");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("log.dirs", logDir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1000000");
        return p;
    }

    private static String jaas(String module, String user, String password) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
