package nl.passend.consent.domain;

/** How an answer reached the school: the parents' app, or on paper, by phone or in person (recorded by the IB'er). */
public enum Channel {
    APP,
    PAPER,
    PHONE,
    IN_PERSON,
    EMAIL
}
