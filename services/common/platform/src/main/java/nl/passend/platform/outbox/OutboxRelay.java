package nl.passend.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.http.SyncHorizon;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends unsent outbox rows to Kafka in order, through the connector's producer on the channel
 * {@value #CHANNEL} ({@code mp.messaging.outgoing.outbox.*}: idempotent, {@code acks=all}), and marks
 * each row sent once the broker acknowledged it. Rows are locked with SKIP LOCKED, so several instances
 * of a service never send a row at the same time. A broker outage leaves rows unsent; they go out on
 * a later run. While the broker does not answer, the relay sends one row at a time (a probe), so that
 * no pile of sends waits in the producer; and it sends nothing new while an earlier send may still be
 * acknowledged, so a late acknowledgement marks its row instead of the row going out twice.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final byte[] CONTENT_TYPE = EventEnvelope.RECORD_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    @Inject
    EntityManager em;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> outbox;

    @Inject
    PlatformConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    /** Rows sent and not yet acknowledged or refused by the broker. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Rows whose run gave up waiting: a late acknowledgement marks them sent. */
    private final Set<Long> late = ConcurrentHashMap.newKeySet();
    /** False until the broker acknowledged a send, and after every failed one: then rows go one at a time. */
    private volatile boolean brokerAnswers;

    @Scheduled(every = "${passend.outbox.interval}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // no database to read during shutdown
    void run() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().timeout(60).call(this::sendBatch);
        } while (sent == config.outbox().batchSize());
    }

    /** Sends one batch; returns how many rows were sent, or -1 when the broker did not acknowledge them all. */
    int sendBatch() {
        if (!inFlight.isEmpty()) {
            return -1;
        }
        // marks this transaction, which may wait for the broker, as one that never writes synced rows
        em.createNativeQuery("select set_config('application_name', :name, true)")
                .setParameter("name", SyncHorizon.OUTBOX_RELAY).getSingleResult();
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery("""
                select * from outbox_event where sent_at is null
                order by seq limit :limit for update skip locked
                """, OutboxEvent.class)
                .setParameter("limit", brokerAnswers ? config.outbox().batchSize() : 1).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        rows.forEach(row -> acks.add(send(row)));
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // a send failed or is still waiting; each row's outcome is read below
        }
        Instant now = Instant.now(clock);
        int sent = 0;
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            CompletableFuture<Void> ack = acks.get(i);
            late.add(row.seq);
            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                late.remove(row.seq);
                row.sentAt = now;
                sent++;
            } else {
                row.attempts++;
                row.lastError = ack.isDone() ? truncate(failure(ack))
                        : "no acknowledgement within " + config.outbox().sendTimeout();
            }
        }
        brokerAnswers = sent == rows.size();
        if (!brokerAnswers) {
            LOG.warnf("outbox: %d of %d events not acknowledged by the broker; retrying later",
                    rows.size() - sent, rows.size());
            return -1;
        }
        return sent;
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        Message<String> message = Message.of(row.envelope).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic).withKey(row.key)
                .withHeaders(new RecordHeaders().add("content-type", CONTENT_TYPE)).build());
        long seq = row.seq;
        inFlight.add(seq);
        CompletableFuture<Void> ack;
        try {
            ack = outbox.sendMessage(message).subscribeAsCompletionStage();
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e); // the channel refused the message outright
        }
        ack.whenCompleteAsync((ok, failure) -> {
            if (failure == null && late.remove(seq)) {
                markSent(seq);
            }
            late.remove(seq);
            inFlight.remove(seq);
        }, Infrastructure.getDefaultWorkerPool());
        return ack;
    }

    /** The broker acknowledged a row after its run had given up waiting for it. */
    private void markSent(long seq) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update outbox_event set sent_at = :now where seq = :seq and sent_at is null")
                .setParameter("now", Instant.now(clock)).setParameter("seq", seq).executeUpdate());
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldSentRows() {
        Instant before = Instant.now(clock).minus(config.outbox().keepSent());
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("sentAt < ?1", before));
    }

    /** Unsent events; exported as a gauge so that a stuck relay shows on the dashboards. */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
    }

    void registerGauge(@Observes StartupEvent event) {
        registry.gauge("passend.outbox.pending", this, relay -> relay.pending());
    }

    private static String failure(CompletableFuture<Void> ack) {
        try {
            ack.join();
            return "none";
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static String truncate(String message) {
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
