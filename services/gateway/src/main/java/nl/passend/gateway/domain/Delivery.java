package nl.passend.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription. Written (in SQL) by the consumer in the transaction of the event, sent and
 * updated by the worker; read here for the deliveries a client lists.
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {

    @Id
    public UUID id;

    /** The order of the deliveries of one key. */
    @Column(insertable = false, updatable = false)
    public long seq;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The event's subject (its Kafka key): the pupil id for everything about one pupil. */
    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
