package nl.passend.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.http.SyncHorizon;
import nl.passend.platform.kafka.KafkaClients;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Sends unsent outbox rows to Kafka in order and marks each one sent once the broker acknowledged
 * it. Rows are locked with SKIP LOCKED, so several instances of a service never send a row twice at
 * the same time. A broker outage leaves rows unsent; they go out on a later run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    KafkaClients kafka;

    @Inject
    PlatformConfig config;

    @Inject
    MeterRegistry registry;

    @Scheduled(every = "${passend.outbox.interval}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().timeout(60).call(this::sendBatch);
        } while (sent == config.outbox().batchSize());
    }

    /** Sends one batch; returns how many rows were sent, or -1 when the broker failed. */
    int sendBatch() {
        // marks this transaction, which may wait for the broker, as one that never writes synced rows
        em.createNativeQuery("select set_config('application_name', :name, true)")
                .setParameter("name", SyncHorizon.OUTBOX_RELAY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery("""
                select * from outbox_event where sent_at is null
                order by seq limit :limit for update skip locked
                """, OutboxEvent.class).setParameter("limit", config.outbox().batchSize()).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        try {
            for (OutboxEvent row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.key, row.envelope);
                record.headers().add("content-type",
                        "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                Future<RecordMetadata> ack = kafka.producer().send(record);
                acks.add(ack);
                if (failedAlready(ack)) {
                    break; // no metadata within max.block.ms: each further send would block as long again
                }
            }
        } catch (RuntimeException e) {
            // send() blocks for metadata at most max.block.ms, then throws: the broker is unreachable
            LOG.warnf("outbox: broker unavailable, %d events wait: %s", rows.size(), e.getMessage());
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        int sent = 0;
        Instant now = Instant.now();
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            if (i >= acks.size()) {
                row.attempts++;
                row.lastError = "not sent: broker unavailable";
                continue;
            }
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                row.sentAt = now;
                sent++;
            } catch (Exception e) {
                row.attempts++;
                row.lastError = truncate(String.valueOf(e.getCause() != null ? e.getCause() : e));
            }
        }
        if (sent < rows.size()) {
            kafka.resetProducer();
            LOG.warnf("outbox: %d of %d events not acknowledged; retrying later", rows.size() - sent, rows.size());
            return -1;
        }
        return sent;
    }

    /** A send that failed before it went anywhere: Kafka returns such failures as a completed future. */
    private static boolean failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES)
    void deleteOldSentRows() {
        Instant before = Instant.now().minus(config.outbox().keepSent());
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("sentAt < ?1", before));
    }

    /** Unsent events; exported as a gauge so that a stuck relay shows on the dashboards. */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    void registerGauge(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        registry.gauge("passend.outbox.pending", this, relay -> relay.pending());
    }

    private static String truncate(String message) {
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
