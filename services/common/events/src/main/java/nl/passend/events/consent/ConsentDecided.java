package nl.passend.events.consent;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;

/** A change of a consent request's outcome, with the request's id and subject. Key: the pupil id. */
public record ConsentDecided(UUID requestId, ConsentPurpose purpose, UUID pupilId, String schoolCode,
        SubjectRef subject, ConsentOutcome outcome, LocalDate effectiveDate) implements EventPayload {
}
