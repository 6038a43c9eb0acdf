package nl.passend.events.codes;

/** The derived outcome of a consent request. OPEN is never published; every change to another outcome is. */
public enum ConsentOutcome {
    OPEN,
    GRANTED,
    REFUSED,
    WITHDRAWN,
    EXPIRED
}
