package nl.passend.pupil.service;

import java.time.LocalDate;

/** A change of one pupil's record: names, birth date, ECK iD and group (null: no group). */
public record PupilDetails(String eckId, String givenName, String familyName, LocalDate birthDate,
        GroupPlacement group) {
}
