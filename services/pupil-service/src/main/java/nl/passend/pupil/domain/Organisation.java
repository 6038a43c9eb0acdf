package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * What SWVs, boards and schools have in common: a code chosen by the admin, a name, and the
 * bookkeeping of a registered thing ({@code version} for If-Match, {@code updated_at} set by the
 * database trigger). Their tables have no {@code created_at}, so they do not extend the platform's
 * {@code Tracked}.
 */
@MappedSuperclass
public abstract class Organisation {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Version
    public long version;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
