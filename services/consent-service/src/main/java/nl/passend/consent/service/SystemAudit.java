package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import nl.passend.platform.audit.AuditEntry;

/**
 * Audit entries for changes made without a caller: an event from another service, the expiry job.
 * The actor is the event's source or the job; the role is {@code system}.
 */
@ApplicationScoped
public class SystemAudit {

    public static final String ROLE = "system";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID pupilId, String actor, String action, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = Instant.now();
        entry.actor = actor;
        entry.actorRole = ROLE;
        entry.pupilId = pupilId;
        entry.action = action;
        entry.reason = reason;
        entry.persist();
    }
}
