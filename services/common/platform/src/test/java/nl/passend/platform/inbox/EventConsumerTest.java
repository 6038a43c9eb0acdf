package nl.passend.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.Topics;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The idempotent inbox and the dead-letter topic, against a real broker and database. */
@QuarkusTest
class EventConsumerTest {

    private static final String DLQ = Topics.deadLetter(Topics.SUPPORT, "platform-test");
    private static KafkaProducer<String, String> producer;

    @Inject
    EntityManager em;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() throws Exception {
        String event = envelope(UUID.randomUUID().toString(), "ok", "once");
        send("pupil-1", event);
        send("pupil-1", event);
        String marker = envelope(UUID.randomUUID().toString(), "ok", "after-duplicates");
        send("pupil-1", marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithNote("after-duplicates") == 1);
        assertThat(countWithNote("once")).isEqualTo(1);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        send("pupil-2", "this is not JSON");
        String next = envelope(UUID.randomUUID().toString(), "ok", "after-garbage");
        send("pupil-2", next);

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithNote("after-garbage") == 1);
        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ,
                r -> r.value().equals("this is not JSON"), 1, Duration.ofSeconds(20));
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "dlq-reason")).contains("not a CloudEvents envelope");
        assertThat(header(letters.get(0), "dlq-original-topic")).isEqualTo(Topics.SUPPORT);
    }

    @Test
    void anUnprocessableEventIsDeadLetteredAtOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        send("pupil-3", envelope(id, "malformed", "never"));

        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ, r -> r.value().contains(id), 1,
                Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "dlq-reason")).contains("can never be processed");
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredWithoutEffect() throws Exception {
        int before = RecordingHandler.FAILED_ATTEMPTS.get();
        String id = UUID.randomUUID().toString();
        send("pupil-4", envelope(id, "fail", "rolled-back"));

        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ, r -> r.value().contains(id), 1,
                Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "dlq-reason")).contains("handler failed 3 times");
        assertThat(RecordingHandler.FAILED_ATTEMPTS.get() - before).isEqualTo(3);
        // each attempt's insert rolled back with the failure
        assertThat(countWithNote("rolled-back")).isZero();
    }

    private long countWithNote(String note) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from handled_event where note = ?1")
                .setParameter(1, note).getSingleResult()).longValue());
    }

    private static void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.SUPPORT, key, value)).get();
    }

    private static String envelope(String id, String mode, String note) {
        return EventJson.write(new EventEnvelope("1.0", id, "/passend/test", "nl.passend.test.recorded.v1",
                OffsetDateTime.now(), "pupil", "12AB00", "application/json",
                EventJson.mapper().valueToTree(Map.of("mode", mode, "note", note))));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
