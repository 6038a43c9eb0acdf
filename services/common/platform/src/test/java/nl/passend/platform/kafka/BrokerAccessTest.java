package nl.passend.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.passend.events.Topics;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.TestEvents;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The broker, secured as in production (SASL/SCRAM, ACLs from deploy/kafka/access.conf), lets each
 * service write only its own topic and dead-letter topics, read only what it consumes in its own
 * group, and lets no one in without credentials.
 */
@QuarkusTest
class BrokerAccessTest {

    @Test
    void eachServiceWritesItsOwnTopicAndTheBrokerRefusesItAnyOther() {
        for (String topic : Topics.ALL) {
            String writer = Topics.writer(topic);
            TestEvents.sendAs(writer, topic, "key", "{}"); // its own topic: acknowledged
            for (String other : Topics.ALL) {
                if (!other.equals(topic)) {
                    assertThatThrownBy(() -> TestEvents.sendAs(writer, other, "key", "forged"))
                            .as("%s writes %s", writer, other).hasRootCauseInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
        // the gateway and reporting-service read every topic and write none
        assertThatThrownBy(() -> TestEvents.sendAs("gateway", Topics.PUPIL, "key", "forged"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> TestEvents.sendAs("reporting-service", Topics.CONSENT, "key", "forged"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceWritesOnlyItsOwnDeadLetterTopics() {
        TestEvents.sendAs("opp-service", Topics.deadLetter(Topics.CONSENT, "opp-service"), "key", "letter");
        assertThatThrownBy(() -> TestEvents.sendAs("opp-service", Topics.deadLetter(Topics.CONSENT,
                "support-team-service"), "key", "letter")).hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceReadsOnlyWhatItConsumesAndOnlyInItsOwnGroup() {
        // pupil-service consumes nothing
        assertThatThrownBy(() -> poll("pupil-service", "pupil-service", Topics.CONSENT))
                .isInstanceOf(TopicAuthorizationException.class);
        // support-team-service consumes passend.consent, but not passend.opp
        assertThatThrownBy(() -> poll("support-team-service", "support-team-service", Topics.OPP))
                .isInstanceOf(TopicAuthorizationException.class);
        // and only in its own consumer group
        assertThatThrownBy(() -> poll("support-team-service", "opp-service", Topics.CONSENT))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aClientWithoutCredentialsCannotConnect() {
        Map<String, Object> anonymous = Map.of(
                "bootstrap.servers", KafkaResource.broker().bootstrapServers(),
                "request.timeout.ms", 2000,
                "default.api.timeout.ms", 4000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
        Map<String, Object> wrongPassword = new HashMap<>(KafkaResource.clientConfig("opp-service"));
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"opp-service\" password=\"guessed\";");
        try (Admin admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void poll(String principal, String group, String topic) {
        Map<String, Object> config = new HashMap<>(KafkaResource.clientConfig(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
        assertThat(false).as("%s polled %s in group %s for 20 s without being refused", principal, topic, group)
                .isTrue();
    }
}
