package nl.passend.consent.domain;

/** What a guardian said: consent given, refused, or a given consent withdrawn. */
public enum EntryKind {
    GIVEN,
    REFUSED,
    WITHDRAWN
}
