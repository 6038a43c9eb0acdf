package nl.passend.testing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events as other services send them, produced to the real test broker of {@link KafkaResource}: with
 * the writing service's credentials and as its {@code source}, since consumers accept an event only
 * from the topic's one writer, and with the record header the outbox relay sets
 * ({@code content-type: application/cloudevents+json}).
 */
public final class TestEvents {

    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new HashMap<>();

    private TestEvents() {
    }

    /** The {@code source} of events on {@code topic}: its writer's, e.g. {@code /passend/consent-service}. */
    public static String sourceOf(String topic) {
        return Topics.source(Topics.writer(topic));
    }

    /** Sends an event of {@code type} on its topic; returns the envelope's JSON as sent (to send it again). */
    public static String send(EventType type, String key, String schoolCode, EventPayload payload) {
        EventEnvelope envelope = EventJson.envelope(type, sourceOf(type.topic()), key, schoolCode, payload,
                TestClock.now());
        String json = EventJson.write(envelope);
        sendRaw(type.topic(), key, json);
        return json;
    }

    /**
     * Sends any value as the topic's writer, e.g. a redelivery or garbage for the dead-letter topic;
     * waits for the broker's acknowledgement.
     */
    public static void sendRaw(String topic, String key, String value) {
        sendAs(Topics.writer(topic), topic, key, value);
    }

    /** Sends as {@code principal}; waits for the broker's acknowledgement (or its refusal). */
    public static synchronized void sendAs(String principal, String topic, String key, String value) {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(principal, p -> {
            Map<String, Object> config = new HashMap<>(KafkaResource.clientConfig(p));
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            return new KafkaProducer<>(config);
        });
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", EventEnvelope.RECORD_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a refused producer keeps asking for the topic it may not write: start afresh next time
            PRODUCERS.remove(principal).close(java.time.Duration.ZERO);
            throw new IllegalStateException("cannot send to " + topic + " as " + principal, e);
        }
    }
}
