package nl.passend.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.passend.events.Topics;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends a record that can never be processed to {@code <topic>.dlq.<service>}, with the reason and
 * where it came from in headers, so that the partition can move on.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    KafkaClients kafka;

    @Inject
    PlatformConfig config;

    /** Waits for the broker's acknowledgement; throws if the letter cannot be written now. */
    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = Topics.deadLetter(record.topic(), config.serviceName());
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, record.key(), record.value());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("dlq-reason", reason == null ? "unknown" : reason);
        headers.put("dlq-original-topic", record.topic());
        headers.put("dlq-original-partition", Integer.toString(record.partition()));
        headers.put("dlq-original-offset", Long.toString(record.offset()));
        headers.forEach((k, v) -> letter.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.producer().send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write dead letter to " + topic, e);
        }
        LOG.warnf("dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic,
                reason);
    }

    /** The innermost cause's class and message: what a dead letter's reason says of a failure. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
