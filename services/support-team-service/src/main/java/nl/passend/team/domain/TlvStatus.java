package nl.passend.team.domain;

/** A TLV request: prepared by the IB'er, submitted by the director for the board, decided by the SWV. */
public enum TlvStatus {
    DRAFT,
    SUBMITTED,
    GRANTED,
    REFUSED
}
