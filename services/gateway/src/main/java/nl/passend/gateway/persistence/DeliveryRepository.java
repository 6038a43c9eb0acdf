package nl.passend.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.passend.gateway.domain.Delivery;
import nl.passend.gateway.domain.DeliveryStatus;

/**
 * The deliveries: written by the consumer, claimed and updated by the worker (in SQL, so that the rules of
 * order and leases live in one statement each), listed for their client.
 */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** A delivery the worker has claimed, with what it needs to send it. */
    public record Claimed(long seq, UUID id, UUID subscriptionId, String eventId, String eventKey, String payload,
            int attempts) {
    }

    /**
     * One pending delivery per subscription whose types and schools match the event, in the consumer's
     * transaction; a subscription that has it already (the event again) gets none.
     *
     * @return how many were added
     */
    public int addForEvent(String eventId, String eventType, String eventKey, String schoolCode, String payload,
            Instant now) {
        return em().createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, event_id, event_type, event_key, school_code, payload,
                                              status, attempts, next_attempt_at, created_at)
                select gen_random_uuid(), s.id, ?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6
                from webhook_subscription s
                where ?2 = any (s.event_types) and ?4 = any (s.school_codes)
                order by s.id
                on conflict (subscription_id, event_id) do nothing
                """).setParameter(1, eventId).setParameter(2, eventType).setParameter(3, eventKey)
                .setParameter(4, schoolCode).setParameter(5, payload).setParameter(6, now).executeUpdate();
    }

    /** Deletes every delivery about one key (an erased pupil), whatever its state. */
    public int deleteOfKey(String eventKey) {
        return em().createNativeQuery("delete from webhook_delivery where event_key = ?1")
                .setParameter(1, eventKey).executeUpdate();
    }

    /**
     * Claims up to {@code limit} due deliveries for this worker for {@code lease}: pending, due, not leased by
     * another attempt, of an ACTIVE subscription, and the oldest pending one of their (subscription, key), so
     * that a later event of a key never overtakes an earlier one. Rows another instance is claiming are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claimDue(int limit, Duration lease, Instant now) {
        List<Object[]> rows = em().createNativeQuery("""
                update webhook_delivery d set locked_until = ?3
                where d.seq in (
                    select c.seq from webhook_delivery c
                    join webhook_subscription s on s.id = c.subscription_id and s.status = 'ACTIVE'
                    where c.status = 'PENDING' and c.next_attempt_at <= ?1
                      and (c.locked_until is null or c.locked_until < ?1)
                      and not exists (select 1 from webhook_delivery e
                                      where e.subscription_id = c.subscription_id and e.event_key = c.event_key
                                        and e.status = 'PENDING' and e.seq < c.seq)
                    order by c.next_attempt_at, c.seq
                    limit ?2
                    for update of c skip locked)
                returning d.seq, d.id, d.subscription_id, d.event_id, d.event_key, d.payload, d.attempts
                """).setParameter(1, now).setParameter(2, limit).setParameter(3, now.plus(lease)).getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2],
                (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).intValue())).toList();
    }

    /** The callback took it (2xx). */
    public void delivered(long seq, int statusCode, Instant now) {
        em().createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?2,
                    delivered_at = ?2, last_status_code = ?3, last_error = null, locked_until = null
                where seq = ?1 and status = 'PENDING'
                """).setParameter(1, seq).setParameter(2, now).setParameter(3, statusCode).executeUpdate();
    }

    /** An attempt failed; the next one is due at {@code nextAttemptAt}. */
    public void retryLater(long seq, Integer statusCode, String error, Instant now, Instant nextAttemptAt) {
        em().createNativeQuery("""
                update webhook_delivery set attempts = attempts + 1, last_attempt_at = ?2, last_status_code = ?3,
                    last_error = ?4, next_attempt_at = ?5, locked_until = null
                where seq = ?1 and status = 'PENDING'
                """).setParameter(1, seq).setParameter(2, now).setParameter(3, statusCode).setParameter(4, error)
                .setParameter(5, nextAttemptAt).executeUpdate();
    }

    /** The last attempt failed: the delivery is given up. @return whether it was still pending */
    public boolean giveUp(long seq, Integer statusCode, String error, Instant now) {
        return em().createNativeQuery("""
                update webhook_delivery set status = 'FAILED', attempts = attempts + 1, last_attempt_at = ?2,
                    last_status_code = ?3, last_error = ?4, locked_until = null
                where seq = ?1 and status = 'PENDING'
                """).setParameter(1, seq).setParameter(2, now).setParameter(3, statusCode).setParameter(4, error)
                .executeUpdate() == 1;
    }

    /** A resume that sends the given-up deliveries again: pending, from the first attempt, in their old order. */
    public int requeueFailed(UUID subscriptionId, Instant now) {
        return em().createNativeQuery("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?2, locked_until = null
                where subscription_id = ?1 and status = 'FAILED'
                """).setParameter(1, subscriptionId).setParameter(2, now).executeUpdate();
    }

    /** A resume: the deliveries that waited go out now, not after the backoff they had reached. */
    public int dueNow(UUID subscriptionId, Instant now) {
        return em().createNativeQuery("""
                update webhook_delivery set next_attempt_at = ?2
                where subscription_id = ?1 and status = 'PENDING' and next_attempt_at > ?2
                """).setParameter(1, subscriptionId).setParameter(2, now).executeUpdate();
    }

    /** The subscription's latest deliveries, newest first; only those of one status when given. */
    public List<Delivery> recent(UUID subscriptionId, DeliveryStatus status, int limit) {
        return status == null
                ? find("subscriptionId = ?1 order by seq desc", subscriptionId).page(0, limit).list()
                : find("subscriptionId = ?1 and status = ?2 order by seq desc", subscriptionId, status).page(0, limit).list();
    }

    /** Deletes delivered ones older than {@code deliveredBefore} and given-up ones older than {@code failedBefore}. */
    public int deleteOld(Instant deliveredBefore, Instant failedBefore) {
        return em().createNativeQuery("""
                delete from webhook_delivery
                where (status = 'DELIVERED' and delivered_at < ?1) or (status = 'FAILED' and last_attempt_at < ?2)
                """).setParameter(1, deliveredBefore).setParameter(2, failedBefore).executeUpdate();
    }

    private EntityManager em() {
        return getEntityManager();
    }
}
