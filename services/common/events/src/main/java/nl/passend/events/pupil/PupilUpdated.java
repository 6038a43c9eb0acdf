package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/** A pupil's record changed (codes only: what changed is not said, names never are). Key: the pupil id. */
public record PupilUpdated(UUID pupilId, String schoolCode, Integer groupYear, LocalDate effectiveDate)
        implements EventPayload {
}
