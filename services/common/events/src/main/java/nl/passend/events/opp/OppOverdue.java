package nl.passend.events.opp;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.OppDueKind;

/**
 * The overdue signal opp-service owns: an OPP not established within 6 weeks of the start of extra
 * support ({@code planId} null when none was drafted), or not evaluated in time; and its resolution.
 * Key: the pupil id.
 */
public record OppOverdue(UUID pupilId, String schoolCode, UUID planId, OppDueKind kind, LocalDate dueDate,
        LocalDate effectiveDate) implements EventPayload {
}
