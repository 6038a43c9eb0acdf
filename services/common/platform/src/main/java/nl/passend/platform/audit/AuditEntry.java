package nl.passend.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read or write of pupil-level data: who, in which role, which pupil, what, when, why. Append-only. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(nullable = false)
    public String action;

    public String reason;
}
