package nl.passend.events.team;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.MeetingType;

/**
 * A case was discussed in a meeting. {@code pupilId} only when discussed by name (then the key is the
 * pupil id); an anonymous case carries no pupil and is keyed by the case id.
 */
public record CaseDiscussed(UUID caseId, UUID meetingId, UUID pupilId, String schoolCode, MeetingType meetingType,
        boolean named, LocalDate effectiveDate) implements EventPayload {
}
