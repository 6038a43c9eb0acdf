package nl.passend.pupil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.Topics;
import nl.passend.pupil.Fixtures;
import nl.passend.testing.KafkaBroker;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A broker outage delays events; it never fails a request and never loses an event. */
@QuarkusTest
class OutboxOutageTest {

    @Inject
    EntityManager em;

    @AfterEach
    void brokerBack() {
        KafkaResource.broker().start();
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventGoesOutWhenItIsBack() {
        String school = Fixtures.school("BAO");
        KafkaBroker broker = KafkaResource.broker();
        broker.stop();

        // the student information system's sync goes on as if nothing happened
        List<String> pupilIds = Fixtures.pupils(school, "o1", "o2", "o3");
        assertThat(pupilIds).hasSize(3);

        // the relay tries (the oldest unsent event, one at a time while the broker does not answer) and
        // fails; the events wait in the outbox
        await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts() > 0);
        assertThat(unsent(pupilIds)).isEqualTo(expectedEvents(pupilIds));

        broker.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> unsent(pupilIds) == 0);
        Set<String> ids = new HashSet<>(pupilIds);
        List<EventEnvelope> published = TopicProbe.events(Topics.PUPIL, e -> ids.contains(e.subject()),
                (int) expectedEvents(pupilIds), Duration.ofSeconds(30));
        // every outbox row is on the topic: 3 enrolments and 2 guardians each
        assertThat(published).hasSize(9);
        assertThat(published).filteredOn(e -> e.type().equals("nl.passend.pupil.enrolled.v1")).hasSize(3);
        assertThat(published.stream().map(EventEnvelope::id).distinct()).hasSize(9);
    }

    private long expectedEvents(List<String> pupilIds) {
        return count("select count(*) from outbox_event where event_key in (?1)", pupilIds);
    }

    private long unsent(List<String> pupilIds) {
        return count("select count(*) from outbox_event where sent_at is null and event_key in (?1)", pupilIds);
    }

    private long failedAttempts() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(sum(attempts), 0) from outbox_event where sent_at is null").getSingleResult()).longValue());
    }

    private long count(String sql, List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, keys).getSingleResult()).longValue());
    }
}
