package nl.passend.events.codes;

/** The category of a granted TLV: SBO, or SO with its funding category (laag, midden, hoog). */
public enum TlvCategory {
    SBO,
    SO_LOW,
    SO_MEDIUM,
    SO_HIGH;

    public TlvTarget target() {
        return this == SBO ? TlvTarget.SBO : TlvTarget.SO;
    }
}
