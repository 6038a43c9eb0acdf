package nl.passend.events.team;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.MeetingType;

/** A meeting was held, with how many cases it discussed by name and anonymously. Key: the meeting id. */
public record MeetingHeld(UUID meetingId, String schoolCode, MeetingType meetingType, int namedCases,
        int anonymousCases, LocalDate effectiveDate) implements EventPayload {
}
