package nl.passend.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's Kafka clients. One idempotent producer ({@code acks=all}) is shared by the outbox
 * relay and the dead-letter publisher; timeouts are short so that a broker outage shows up in
 * seconds (the outbox keeps the events meanwhile).
 */
@ApplicationScoped
public class KafkaClients {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    nl.passend.platform.PlatformConfig config;

    private KafkaProducer<String, String> producer;

    public synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.kafka().maxBlockMs());
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, config.kafka().deliveryTimeoutMs()));
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, config.kafka().deliveryTimeoutMs());
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    /** A new consumer in the given group, committing offsets only by hand. */
    public KafkaConsumer<String, String> consumer(String groupId) {
        return consumer(groupId, 100);
    }

    /** A new consumer in the given group returning up to {@code maxPollRecords} a poll, e.g. for batched projections. */
    public KafkaConsumer<String, String> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10000);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    /**
     * Discards the producer after a failed send: an idempotent producer whose batches expired can
     * block later sends beyond max.block.ms; a fresh one fails fast until the broker is back.
     */
    public synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    /**
     * Stops a poll loop's thread at shutdown: wakes the consumer out of poll() (the loop sees its
     * running flag false and closes the consumer) and waits up to ten seconds for the thread.
     */
    public static void stopPolling(Thread thread, KafkaConsumer<?, ?> consumer) {
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
