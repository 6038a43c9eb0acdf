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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.Topics;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The idempotent inbox and the dead-letter topic on SmallRye Reactive Messaging, against a real broker and database. */
@QuarkusTest
class EventConsumerTest {

    private static final String DLQ = Topics.deadLetter(Topics.SUPPORT, "platform-test");
    private static final String WRITER = TestEvents.sourceOf(Topics.SUPPORT);

    @Inject
    EntityManager em;

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String event = envelope(UUID.randomUUID().toString(), "ok", "once");
        send("pupil-1", event);
        send("pupil-1", event);
        String marker = envelope(UUID.randomUUID().toString(), "ok", "after-duplicates");
        send("pupil-1", marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithNote("after-duplicates") == 1);
        assertThat(countWithNote("once")).isEqualTo(1);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        send("pupil-2", "this is not JSON");
        String next = envelope(UUID.randomUUID().toString(), "ok", "after-garbage");
        send("pupil-2", next);

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithNote("after-garbage") == 1);
        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ,
                r -> r.value().equals("this is not JSON"), 1, Duration.ofSeconds(20));
        assertThat(letters).hasSize(1);
        ConsumerRecord<String, String> letter = letters.get(0);
        assertThat(header(letter, "dead-letter-reason")).contains("not a CloudEvents envelope");
        assertThat(header(letter, "dead-letter-topic")).isEqualTo(Topics.SUPPORT);
        assertThat(header(letter, "dead-letter-partition")).isEqualTo("0");
        assertThat(Long.parseLong(header(letter, "dead-letter-offset"))).isNotNegative();
        assertThat(letter.key()).isEqualTo("pupil-2");
    }

    @Test
    void anUnprocessableEventIsDeadLetteredAtOnce() {
        String id = UUID.randomUUID().toString();
        send("pupil-3", envelope(id, "malformed", "never"));

        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ, r -> r.value().contains(id), 1,
                Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "dead-letter-reason")).contains("can never be processed");
        assertThat(RecordingHandler.ATTEMPTS.get(id).get()).isEqualTo(1);
    }

    @Test
    void anEventFromAnyoneButTheTopicsWriterIsDeadLetteredWithoutEffect() {
        String id = UUID.randomUUID().toString();
        send("pupil-5", envelope(id, "/passend/pupil-service", "ok", "forged"));

        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ, r -> r.value().contains(id), 1,
                Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "dead-letter-reason"))
                .contains("source /passend/pupil-service")
                .contains("only /passend/support-level-service writes passend.support");
        assertThat(RecordingHandler.ATTEMPTS).doesNotContainKey(id);
        assertThat(countWithNote("forged")).isZero();
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredWithoutEffect() {
        String id = UUID.randomUUID().toString();
        send("pupil-4", envelope(id, "fail", "rolled-back"));

        List<ConsumerRecord<String, String>> letters = TopicProbe.records(DLQ, r -> r.value().contains(id), 1,
                Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        assertThat(header(letters.get(0), "dead-letter-reason")).contains("handler failed 3 times")
                .contains("simulated failure of the handler");
        assertThat(RecordingHandler.ATTEMPTS.get(id).get()).isEqualTo(3);
        // each attempt's insert rolled back with the failure
        assertThat(countWithNote("rolled-back")).isZero();
    }

    @Test
    void aHandlerThatThrowsMidTransactionLeavesNoEffectAndTheEventIsRetried() {
        String id = UUID.randomUUID().toString();
        send("pupil-6", envelope(id, "fail-once", "second-attempt"));

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithNote("second-attempt") == 1);
        // the first attempt inserted its row, then threw: that row rolled back; the retry's row stayed
        assertThat(RecordingHandler.ATTEMPTS.get(id).get()).isEqualTo(2);
        assertThat(countWithNote("second-attempt")).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue())).isEqualTo(1);
        assertThat(TopicProbe.records(DLQ, r -> r.value().contains(id), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void eventsOfOneKeyAreHandledInTheirOrderEvenRightAfterADeadLetter() {
        String run = UUID.randomUUID().toString();
        int keys = 8;
        int perKey = 25;
        for (int k = 0; k < keys; k++) {
            // while this one goes to the dead-letter topic, the key's next events must wait for it
            send("order-" + run + "-" + k, envelope(UUID.randomUUID().toString(), "malformed", run + ":dead"));
        }
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                send("order-" + run + "-" + k, envelope(UUID.randomUUID().toString(), "ok", run + ":" + k + ":" + i));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> countWithNotePrefix(run) == keys * perKey);
        for (int k = 0; k < keys; k++) {
            List<Integer> sequence = handledSequence(run + ":" + k + ":");
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                expected.add(i);
            }
            assertThat(sequence).as("events of key %d in the order they were handled", k).isEqualTo(expected);
        }
    }

    private long countWithNote(String note) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from handled_event where note = ?1")
                .setParameter(1, note).getSingleResult()).longValue());
    }

    private long countWithNotePrefix(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from handled_event where note like ?1")
                .setParameter(1, prefix + ":%").getSingleResult()).longValue());
    }

    /** The sequence numbers of one key's events, in the order their rows were inserted. */
    @SuppressWarnings("unchecked")
    private List<Integer> handledSequence(String prefix) {
        List<String> notes = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select note from handled_event where note like ?1 order by id")
                .setParameter(1, prefix + "%").getResultList());
        return notes.stream().map(n -> Integer.parseInt(n.substring(prefix.length()))).toList();
    }

    private static void send(String key, String value) {
        TestEvents.sendRaw(Topics.SUPPORT, key, value);
    }

    private static String envelope(String id, String mode, String note) {
        return envelope(id, WRITER, mode, note);
    }

    private static String envelope(String id, String source, String mode, String note) {
        return EventJson.write(new EventEnvelope("1.0", id, source, "nl.passend.test.recorded.v1",
                OffsetDateTime.now(), "pupil", "12AB00", "application/json",
                EventJson.mapper().valueToTree(Map.of("mode", mode, "note", note))));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
