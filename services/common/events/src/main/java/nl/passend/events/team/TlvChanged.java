package nl.passend.events.team;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;

/**
 * A TLV request submitted (outcome, category, issuing SWV and dates null) or decided by the SWV
 * ({@code issuingSwvCode} is the SWV that decided; a granted TLV has category, start and end date).
 * {@code swvCode} is the SWV of the requesting school. Key: the pupil id.
 */
public record TlvChanged(UUID tlvId, UUID pupilId, String schoolCode, String swvCode, TlvTarget target,
        TlvOutcome outcome, TlvCategory category, String issuingSwvCode, LocalDate startDate, LocalDate endDate,
        LocalDate effectiveDate) implements EventPayload {
}
