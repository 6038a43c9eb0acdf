package nl.passend.events.consent;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.ConsentPurpose;

/**
 * A request for parental consent, published by the requester on its own topic with a
 * {@code requestId} it generated. consent-service decides which guardians must answer. Key: the pupil id.
 */
public record ConsentRequested(UUID requestId, ConsentPurpose purpose, UUID pupilId, String schoolCode,
        SubjectRef subject, LocalDate effectiveDate) implements EventPayload {
}
