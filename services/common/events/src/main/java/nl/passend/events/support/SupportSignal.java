package nl.passend.events.support;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportSignalKind;

/**
 * A signal support-level-service owns, raised or resolved for a pupil: {@code domain} for
 * NO_CHANGE_OF_COURSE, null otherwise; {@code since} when the condition began. Key: the pupil id.
 */
public record SupportSignal(UUID pupilId, String schoolCode, SupportSignalKind kind, SupportDomain domain,
        LocalDate since, LocalDate effectiveDate) implements EventPayload {
}
