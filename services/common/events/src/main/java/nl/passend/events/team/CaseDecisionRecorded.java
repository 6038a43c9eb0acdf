package nl.passend.events.team;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.MeetingType;

/**
 * One decision about a case; the advice itself stays in support-team-service. {@code pupilId} only
 * when the case was discussed by name, keyed as {@link CaseDiscussed}.
 */
public record CaseDecisionRecorded(UUID caseId, UUID meetingId, UUID pupilId, String schoolCode,
        MeetingType meetingType, CaseDecision decision, LocalDate effectiveDate) implements EventPayload {
}
