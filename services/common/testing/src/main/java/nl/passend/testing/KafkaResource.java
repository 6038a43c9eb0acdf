package nl.passend.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.passend.events.Topics;

/**
 * Starts a real in-process Kafka broker (KRaft) with every Passend topic (one partition each) and
 * points {@code kafka.bootstrap.servers} at it. Tests reach the broker through {@link #broker()}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    /** The running broker of this test JVM, e.g. to stop and restart it. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaResource has not been started");
        }
        return broker;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (broker == null) {
            broker = new KafkaBroker();
            broker.start();
            List<String> topics = new ArrayList<>(Topics.ALL);
            broker.createTopics(topics);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public synchronized void stop() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }
}
