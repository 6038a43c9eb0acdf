package nl.passend.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * The bookkeeping columns of an aggregate that clients sync and change: {@code version} (optimistic
 * locking, the ETag), {@code created_at} (set by the service from its clock) and {@code updated_at}
 * (set by the database trigger {@code passend_touch_updated_at()}, which the sync cursor pages on).
 */
@MappedSuperclass
public abstract class Tracked {

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
