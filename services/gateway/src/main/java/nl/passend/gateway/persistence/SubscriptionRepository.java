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

    /** A subscription's sealed secrets as stored, with the version they were read at. */
    public record SealedSecrets(UUID id, long version, String secret, String previousSecret) {
    }

    /**
     * Up to {@code limit} subscriptions after {@code after} (in id order) with a secret or previous secret that does
     * not start with {@code sealedPrefix} (sealed with another key, or in an older form).
     */
    public List<SealedSecrets> sealedOtherwise(String sealedPrefix, UUID after, int limit) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select id, version, secret, previous_secret from webhook_subscription
                where id > ?1 and (secret not like ?2 or previous_secret not like ?2)
                order by id limit ?3
                """).setParameter(1, after).setParameter(2, sealedPrefix + "%").setParameter(3, limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new SealedSecrets((UUID) r[0],
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3])).toList();
    }

    /** How many subscriptions have a secret that does not start with {@code sealedPrefix}. */
    public long countSealedOtherwise(String sealedPrefix) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from webhook_subscription where secret not like ?1 or previous_secret not like ?1
                """).setParameter(1, sealedPrefix + "%").getSingleResult()).longValue();
    }

    /**
     * Writes a subscription's re-sealed secrets, only if it is still at the version they were read at (so a
     * rotation that came in between is never overwritten); false when it was not.
     */
    public boolean resealed(SealedSecrets read, String secret, String previousSecret) {
        return getEntityManager().createNativeQuery("""
                update webhook_subscription set secret = ?3, previous_secret = ?4, version = version + 1
                where id = ?1 and version = ?2
                """).setParameter(1, read.id()).setParameter(2, read.version()).setParameter(3, secret)
                .setParameter(4, previousSecret).executeUpdate() == 1;
    }
}
