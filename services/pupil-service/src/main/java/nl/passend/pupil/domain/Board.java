package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A school board (bevoegd gezag), identified by its code. */
@Entity
public class Board {
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
