package nl.passend.reporting.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.passend.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The feed's Kafka consumers: the one plain consumer of the code base, because the feed assigns every
 * partition to itself and seeks to positions kept in its own database, which the Reactive Messaging
 * connector does not do. It takes every client setting (TLS, SASL) from the service's {@code kafka.*}
 * configuration, as the connector's channels do.
 */
@ApplicationScoped
public class FeedConsumers {

    /** The service's kafka.* settings, as Quarkus gives them to every channel. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** A consumer without a group: where it reads is the feed's to say, from the positions in the database. */
    public KafkaConsumer<String, String> create(int maxPollRecords) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    /** Every partition of every topic as the broker knows them now (a topic may appear later). */
    public static Set<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        Set<TopicPartition> all = new HashSet<>();
        for (String topic : Topics.ALL) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions != null) {
                partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return all;
    }
}
