package nl.passend.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** {@link Versioned}, and {@code created_at}: when the service created the row, from its clock. */
@MappedSuperclass
public abstract class Tracked extends Versioned {

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
