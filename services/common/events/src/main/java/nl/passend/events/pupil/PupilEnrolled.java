package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/** A pupil enrolled at a school; {@code effectiveDate} is the enrolment's start. Key: the pupil id. */
public record PupilEnrolled(UUID pupilId, UUID enrolmentId, String schoolCode, Integer groupYear,
        LocalDate effectiveDate) implements EventPayload {
}
