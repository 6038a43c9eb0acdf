package nl.passend.consent.service;

import java.util.UUID;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;

/** A consent request as it arrives, from another service's event or from staff, keyed by the requester's requestId. */
public record NewRequest(UUID requestId, ConsentPurpose purpose, UUID pupilId, String schoolCode,
        ConsentSubjectType subjectType, UUID subjectId, int subjectVersion, String requestedBy) {
}
