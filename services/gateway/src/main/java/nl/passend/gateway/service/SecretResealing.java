package nl.passend.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.passend.gateway.config.GatewayConfig;
import nl.passend.gateway.domain.SecretBox;
import nl.passend.gateway.persistence.SubscriptionRepository;
import nl.passend.gateway.persistence.SubscriptionRepository.SealedSecrets;
import org.jboss.logging.Logger;

/**
 * Moves the signing secrets sealed with an older key (or in the v1 form) to the current key, so that the older
 * key can be removed (README: rotating the key). Runs shortly after startup and then every
 * {@code reseal-interval}; walks the subscriptions in id order, a batch per transaction. A row is written only at
 * the version it was read at: one that changed meanwhile (a rotation of its secret, say) is left for the next
 * run, never overwritten. A row that no configured key opens is reported, not touched.
 */
@ApplicationScoped
public class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class);

    /** What one run did: rows moved, rows skipped (changed meanwhile), rows no key opens, rows left after it. */
    public record Report(int moved, int skipped, List<UUID> unreadable, long remaining) {
    }

    @Inject
    SubscriptionRepository subscriptions;

    @Inject
    SigningSecrets secrets;

    @Inject
    GatewayConfig config;

    @Scheduled(every = "${passend.gateway.webhooks.reseal-interval}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    public Report run() {
        SecretBox box = secrets.box();
        String current = "v2:" + box.currentKeyId() + ":";
        int batchSize = Math.max(1, config.webhooks().resealBatchSize());
        int moved = 0;
        int skipped = 0;
        List<UUID> unreadable = new ArrayList<>();
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<SealedSecrets> batch = QuarkusTransaction.requiringNew()
                    .call(() -> subscriptions.sealedOtherwise(current, from, batchSize));
            if (batch.isEmpty()) {
                break;
            }
            List<Resealed> resealed = new ArrayList<>(batch.size());
            for (SealedSecrets row : batch) {
                String id = row.id().toString();
                try {
                    resealed.add(new Resealed(row, box.reseal(row.secret(), id), box.reseal(row.previousSecret(), id)));
                } catch (IllegalStateException e) {
                    LOG.errorf("subscription %s: its signing secret cannot be re-sealed: %s", id, e.getMessage());
                    unreadable.add(row.id());
                }
            }
            long written = QuarkusTransaction.requiringNew().call(() -> resealed.stream()
                    .filter(r -> subscriptions.resealed(r.read(), r.secret(), r.previousSecret())).count());
            moved += (int) written;
            skipped += resealed.size() - (int) written;
            after = batch.get(batch.size() - 1).id();
        }
        long remaining = QuarkusTransaction.requiringNew().call(() -> subscriptions.countSealedOtherwise(current));
        return report(new Report(moved, skipped, List.copyOf(unreadable), remaining), box.currentKeyId());
    }

    private record Resealed(SealedSecrets read, String secret, String previousSecret) {
    }

    private static Report report(Report report, String keyId) {
        if (report.remaining() == 0) {
            LOG.infof("webhook secrets: all sealed with key %s (%d re-sealed now); older keys may be removed",
                    keyId, report.moved());
        } else {
            LOG.warnf("webhook secrets: %d re-sealed with key %s, %d changed meanwhile (next run), %d no key opens; "
                    + "%d subscriptions still need an older key", report.moved(), keyId, report.skipped(),
                    report.unreadable().size(), report.remaining());
        }
        return report;
    }
}
