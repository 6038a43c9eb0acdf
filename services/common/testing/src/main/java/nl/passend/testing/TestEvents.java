package nl.passend.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventPayload;
import nl.passend.events.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Events as other services send them, produced to the real test broker of {@link KafkaResource}. */
public final class TestEvents {

    /** The event source tests send as. */
    public static final String SOURCE = "/passend/test";

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** Sends an event of {@code type} on its topic; returns the envelope's JSON as sent (to send it again). */
    public static String send(EventType type, String key, String schoolCode, EventPayload payload) {
        EventEnvelope envelope = EventJson.envelope(type, SOURCE, key, schoolCode, payload);
        String json = EventJson.write(envelope);
        sendRaw(type.topic(), key, json);
        return json;
    }

    /** Sends any value, e.g. a redelivery or garbage for the dead-letter topic; waits for the broker's acknowledgement. */
    public static synchronized void sendRaw(String topic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }
}
