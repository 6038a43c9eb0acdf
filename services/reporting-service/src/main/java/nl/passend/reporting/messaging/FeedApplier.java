package nl.passend.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.MalformedEventException;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.inbox.Failures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies polled records to the projections: a whole poll in one transaction together with its
 * positions. A poll that fails is applied again record by record, each retried a few times; a record
 * that can never be applied (no envelope, invalid, or an event whose {@code source} is not the topic's
 * one writer) goes to the dead letters, and its position moves on past it.
 */
@ApplicationScoped
public class FeedApplier {

    private static final Logger LOG = Logger.getLogger(FeedApplier.class);

    @Inject
    FeedJdbc jdbc;

    @Inject
    ErasedPupils erased;

    @Inject
    FeedDeadLetters deadLetters;

    @Inject
    FeedRebuild rebuild;

    @Inject
    PlatformConfig platform;

    /** Applies the records in one transaction; on failure, one by one. */
    void apply(List<ConsumerRecord<String, String>> records) {
        Map<ConsumerRecord<String, String>, String> malformed = new LinkedHashMap<>();
        try {
            jdbc.inNewTransaction(connection -> {
                malformed.clear();
                try (Projector projector = new Projector(connection, erased.ids())) {
                    for (ConsumerRecord<String, String> record : records) {
                        try {
                            projector.apply(parse(record));
                        } catch (MalformedEventException e) {
                            malformed.put(record, e.getMessage());
                        }
                    }
                    projector.flush();
                }
                FeedPositions.save(connection, records);
            });
        } catch (RuntimeException e) {
            LOG.debugf("batch of %d failed (%s); applying one by one", records.size(), e);
            erased.reload();
            records.forEach(this::applyOne);
            return;
        }
        malformed.forEach(deadLetters::send);
        rebuild.progress(records.size());
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        String failure;
        try {
            failure = applyWithRetries(record, parse(record));
        } catch (MalformedEventException e) {
            failure = e.getMessage();
        }
        if (failure != null) {
            deadLetters.send(record, failure);
            jdbc.inNewTransaction(connection -> FeedPositions.save(connection, List.of(record)));
        }
        rebuild.progress(1);
    }

    /** Null once applied; otherwise why the record can never be applied. */
    private String applyWithRetries(ConsumerRecord<String, String> record, EventEnvelope event) {
        int maxAttempts = Math.max(1, platform.consumer().maxAttempts());
        for (int attempt = 1;; attempt++) {
            try {
                jdbc.inNewTransaction(connection -> {
                    try (Projector projector = new Projector(connection, erased.ids())) {
                        projector.apply(event);
                        projector.flush();
                    }
                    FeedPositions.save(connection, List.of(record));
                });
                return null;
            } catch (MalformedEventException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                erased.reload();
                if (attempt >= maxAttempts) {
                    return "failed " + attempt + " times: " + Failures.rootMessage(e);
                }
                EventFeed.pause(platform.consumer().retryBackoff().multipliedBy(attempt));
            }
        }
    }

    /** The record's envelope; MalformedEventException if it is none, or comes from anyone but the topic's writer. */
    private static EventEnvelope parse(ConsumerRecord<String, String> record) {
        return EventJson.readFrom(record.topic(), record.value());
    }
}
