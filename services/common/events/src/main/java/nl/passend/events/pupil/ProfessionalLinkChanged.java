package nl.passend.events.pupil;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.ProfessionalDiscipline;

/** A care professional linked to or unlinked from a pupil (need to know). Key: the pupil id. */
public record ProfessionalLinkChanged(UUID pupilId, UUID linkId, String accountId,
        ProfessionalDiscipline discipline, String schoolCode, LocalDate effectiveDate) implements EventPayload {
}
