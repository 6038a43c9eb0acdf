package nl.passend.pupil.service;

import java.time.LocalDate;
import java.util.List;
import nl.passend.pupil.domain.Departure;

/**
 * One pupil as the student information system knows it, keyed by the system's own externalId.
 * {@code group}, {@code guardians} and {@code leaving} may be null: then they are left as they are.
 */
public record SyncedPupil(String externalId, String eckId, String givenName, String familyName, LocalDate birthDate,
        LocalDate enrolledOn, GroupPlacement group, List<SyncedGuardian> guardians, Departure leaving) {
}
