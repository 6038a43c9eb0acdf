package nl.passend.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.gateway.domain.Subscription;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public List<Subscription> ofOwner(String owner) {
        return list("owner = ?1 order by createdAt, id", owner);
    }

    public long countOfOwner(String owner) {
        return count("owner", owner);
    }

    /** The owner's subscription; empty when it does not exist or is another client's. */
    public Optional<Subscription> ofOwner(UUID id, String owner) {
        return findByIdOptional(id).filter(s -> s.owner.equals(owner));
    }

    /**
     * The owner's subscription with its row locked until the transaction ends (so that two changes, or a change
     * and the worker giving a delivery up, are applied one after the other), read after the lock.
     */
    public Optional<Subscription> lockOfOwner(UUID id, String owner) {
        List<?> locked = getEntityManager()
                .createNativeQuery("select id from webhook_subscription where id = ?1 and owner = ?2 for update")
                .setParameter(1, id).setParameter(2, owner).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = findById(id);
        getEntityManager().refresh(subscription);
        return Optional.of(subscription);
    }

    /** Marks the subscription FAILING (when it is ACTIVE): its deliveries wait for a resume. */
    public void markFailing(UUID id, String reason, Instant now) {
        getEntityManager().createNativeQuery("""
                update webhook_subscription
                set status = 'FAILING', failing_since = ?2, failing_reason = ?3, version = version + 1, updated_at = ?2
                where id = ?1 and status = 'ACTIVE'
                """).setParameter(1, id).setParameter(2, now).setParameter(3, reason).executeUpdate();
    }
}
