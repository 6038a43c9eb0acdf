package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import nl.passend.events.codes.SchoolType;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A school location; its code (BRIN + vestiging, e.g. 12AB00) is the tenant key. */
@Entity
public class School {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "school_type", nullable = false)
    public SchoolType schoolType;

    @Column(name = "board_code", nullable = false)
    public String boardCode;

    @Column(name = "swv_code", nullable = false)
    public String swvCode;

    @Version
    public long version;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
