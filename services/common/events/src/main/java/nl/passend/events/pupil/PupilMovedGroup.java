package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/** A pupil moved to another group (class) of the same school. Key: the pupil id. */
public record PupilMovedGroup(UUID pupilId, String schoolCode, UUID groupId, Integer groupYear,
        LocalDate effectiveDate) implements EventPayload {
}
