package nl.passend.pupil.service;

/** A guardian as the student information system sends it, keyed by the system's own externalId. */
public record SyncedGuardian(String externalId, String givenName, String familyName, boolean hasParentalAuthority) {
}
