package nl.passend.events.codes;

/** What a toelaatbaarheidsverklaring (TLV) is requested for: special primary school or special school. */
public enum TlvTarget {
    SBO,
    SO
}
