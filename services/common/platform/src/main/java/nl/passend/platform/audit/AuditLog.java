package nl.passend.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.security.Caller;

/**
 * Writes the audit trail of pupil-level data, in the transaction of the access itself, so that an
 * access is never without its entry.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The role of changes made without a caller: an event from another service, a scheduled job. */
    public static final String SYSTEM = "system";

    /** Records that the caller, acting as {@code role}, did {@code action} (e.g. {@code pupil.read}) on a pupil. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID pupilId, String role, String action, String reason) {
        write(caller.subject(), role, pupilId, action, reason);
    }

    /** Records a change made without a caller; the actor is the event's source or the job's name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(UUID pupilId, String actor, String action, String reason) {
        write(actor, SYSTEM, pupilId, action, reason);
    }

    private void write(String actor, String role, UUID pupilId, String action, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = Instant.now(clock);
        entry.actor = actor;
        entry.actorRole = role;
        entry.pupilId = pupilId;
        entry.action = action;
        entry.reason = reason;
        entry.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID pupilId, String role, String action) {
        record(pupilId, role, action, null);
    }

    /** Everything recorded about one pupil, newest first. */
    public List<AuditEntry> forPupil(UUID pupilId, int limit) {
        return AuditEntry.<AuditEntry>find("pupilId = ?1 order by occurredAt desc", pupilId).page(0, limit).list();
    }
}
