package nl.passend.events.team;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.TeamSignalKind;

/**
 * A signal support-team-service owns, raised or resolved for a pupil: {@code actionItemId} for
 * ACTION_ITEM_OVERDUE, null otherwise; {@code since} when the condition began. Key: the pupil id.
 */
public record TeamSignal(UUID pupilId, String schoolCode, TeamSignalKind kind, UUID actionItemId, LocalDate since,
        LocalDate effectiveDate) implements EventPayload {
}
