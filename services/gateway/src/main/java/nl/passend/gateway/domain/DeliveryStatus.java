package nl.passend.gateway.domain;

/** A delivery's state. */
public enum DeliveryStatus {
    /** Not yet delivered: waiting for its turn (an earlier one of the same key), its next attempt, or a resume. */
    PENDING,
    /** The callback answered 2xx. */
    DELIVERED,
    /** Given up after the last attempt; a resume may send it again. */
    FAILED
}
