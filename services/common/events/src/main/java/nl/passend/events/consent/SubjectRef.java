package nl.passend.events.consent;

import java.util.UUID;
import nl.passend.events.codes.ConsentSubjectType;

/** What a consent request is about, e.g. (OPP, plan id, 3) or (MEETING_CASE, case id, 1). */
public record SubjectRef(ConsentSubjectType type, UUID id, int version) {
}
