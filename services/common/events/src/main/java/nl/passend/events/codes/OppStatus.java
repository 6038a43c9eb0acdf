package nl.passend.events.codes;

/**
 * The status of an OPP version (the plan's status is its current version's): drawn up, in dialogue
 * with the parents (consent for the action part asked), consented, established by the director for
 * the board, evaluated at least once, closed.
 */
public enum OppStatus {
    DRAFT,
    IN_DIALOGUE,
    CONSENTED,
    ESTABLISHED,
    EVALUATED,
    CLOSED
}
