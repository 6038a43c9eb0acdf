package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/**
 * A guardian of a pupil added, changed or removed. {@code accountId} is the guardian's login subject
 * (null until linked); only guardians with parental authority give consent. Key: the pupil id.
 */
public record GuardianChanged(UUID pupilId, UUID guardianId, String accountId, boolean hasParentalAuthority,
        String schoolCode, LocalDate effectiveDate) implements EventPayload {
}
