package nl.passend.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * The bookkeeping columns of a row that clients change and sync: {@code version} (optimistic locking,
 * the ETag) and {@code updated_at} (set by the database trigger {@code passend_touch_updated_at()},
 * which the sync cursor pages on).
 */
@MappedSuperclass
public abstract class Versioned {

    @Version
    public long version;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
