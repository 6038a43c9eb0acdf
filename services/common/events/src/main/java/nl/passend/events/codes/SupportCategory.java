package nl.passend.events.codes;

/** Basisondersteuning (the board's responsibility) or extra ondersteuning (the SWV's). */
public enum SupportCategory {
    BASIC,
    EXTRA
}
