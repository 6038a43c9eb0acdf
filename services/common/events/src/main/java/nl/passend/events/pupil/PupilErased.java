package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/** A pupil's data was erased after the retention period: every consumer deletes its rows. Key: the pupil id. */
public record PupilErased(UUID pupilId, String schoolCode, LocalDate effectiveDate) implements EventPayload {
}
