package nl.passend.reporting.messaging;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.passend.events.Topics;
import nl.passend.platform.PlatformConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends a record the feed can never apply to {@code <topic>.dlq.reporting-service}, through the
 * connector's producer (channel {@value #CHANNEL}), with the same headers as the platform consumer's
 * dead letters: the reason and the original topic, partition and offset.
 */
@ApplicationScoped
public class FeedDeadLetters {

    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(FeedDeadLetters.class);

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> letters;

    @Inject
    PlatformConfig platform;

    /** Waits for the broker's acknowledgement; throws if the letter cannot be written now. */
    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = Topics.deadLetter(record.topic(), platform.serviceName());
        RecordHeaders headers = new RecordHeaders();
        headers.add(DEAD_LETTER_REASON, bytes(reason == null ? "unknown" : reason));
        headers.add(DEAD_LETTER_TOPIC, bytes(record.topic()));
        headers.add(DEAD_LETTER_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(DEAD_LETTER_OFFSET, bytes(Long.toString(record.offset())));
        Message<String> letter = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(record.key()).withHeaders(headers).build());
        letters.sendMessage(letter).await().atMost(Duration.ofSeconds(30));
        LOG.warnf("dead-lettered %s-%d@%d to %s: %s", record.topic(), record.partition(), record.offset(), topic,
                reason);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
