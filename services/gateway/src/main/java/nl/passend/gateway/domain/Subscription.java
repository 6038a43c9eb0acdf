package nl.passend.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A client's webhook subscription: the event types of its schools that go to its callback URL, signed with its
 * secret. Only the client that made it (its {@code owner}) sees or changes it.
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription {

    @Id
    public UUID id;

    /** The OAuth client, as {@link ClientIds} names it ({@code client:<azp>}). */
    @Column(nullable = false)
    public String owner;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "school_codes", nullable = false)
    public List<String> schoolCodes = new ArrayList<>();

    /** Sealed by {@link SecretBox}. */
    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubscriptionStatus status;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "failing_reason")
    public String failingReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
