package nl.passend.opp.domain;

/** Hoorrecht: whose view is recorded. */
public enum ViewKind {
    PUPIL,
    PARENTS
}
