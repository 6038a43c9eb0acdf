package nl.passend.platform.outbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The id of the last outbox event the current request wrote in a transaction that committed: the request's
 * consistency token ({@code consistency/ConsistencyToken} sends it as {@code X-Passend-Consistency}). An event
 * of a transaction that rolled back is forgotten with it.
 */
@RequestScoped
public class LastWrite {

    private volatile UUID committed;

    /** Called by {@link Outbox#publish} inside the transaction that writes the event. */
    void written(UUID eventId, TransactionSynchronizationRegistry transactions) {
        @SuppressWarnings("unchecked")
        AtomicReference<UUID> lastOfTransaction = (AtomicReference<UUID>) transactions.getResource(LastWrite.class);
        if (lastOfTransaction == null) {
            AtomicReference<UUID> last = new AtomicReference<>();
            transactions.putResource(LastWrite.class, last);
            LastWrite self = this; // the instance, not the client proxy: the commit may complete anywhere
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        self.committed = last.get();
                    }
                }
            });
            lastOfTransaction = last;
        }
        lastOfTransaction.set(eventId);
    }

    /** The last committed event of this request, if it wrote one. */
    public Optional<UUID> eventId() {
        return Optional.ofNullable(committed);
    }
}
