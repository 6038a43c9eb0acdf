package nl.passend.consent.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.platform.audit.AuditLog;

/**
 * Expires open requests past their time ({@code passend.consent.expire-after} after the request),
 * each in its own transaction with the row locked, so that an answer arriving at the same moment
 * either comes first or is rejected as too late.
 */
@ApplicationScoped
public class ConsentExpiry {

    static final String ACTOR = "consent-service/expiry";

    /** The most requests one run expires; the next run takes the rest. */
    static final int BATCH = 500;

    @Inject
    Clock clock;

    @Inject
    ConsentRequestRepository requests;

    @Inject
    OutcomeChanges outcomeChanges;

    @Inject
    AuditLog audit;

    @Scheduled(every = "${passend.consent.expiry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        expireDue();
    }

    /** Expires what is due now; returns how many requests expired. */
    public int expireDue() {
        Instant now = Instant.now(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> requests.dueForExpiry(now, BATCH));
        int expired = 0;
        for (UUID id : due) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> requests.lock(id)
                    .filter(r -> r.outcome == ConsentOutcome.OPEN && !r.expiresAt.isAfter(now))
                    .map(r -> {
                        outcomeChanges.expire(r);
                        audit.recordSystem(r.pupilId, ACTOR, "consent.expire", r.id.toString());
                        return true;
                    }).orElse(false));
            expired += done ? 1 : 0;
        }
        return expired;
    }
}
