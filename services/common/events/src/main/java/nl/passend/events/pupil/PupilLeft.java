package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.LeavingDestination;

/**
 * A pupil left a school on {@code effectiveDate} for {@code destination}; the destination school's
 * code when known. Referral reporting counts SBO and SO destinations. Key: the pupil id.
 */
public record PupilLeft(UUID pupilId, UUID enrolmentId, String schoolCode, LeavingDestination destination,
        String destinationSchoolCode, LocalDate effectiveDate) implements EventPayload {
}
