package nl.passend.events.codes;

/** The SWV's decision on a TLV request. */
public enum TlvOutcome {
    GRANTED,
    REFUSED
}
