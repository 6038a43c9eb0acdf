package nl.passend.gateway.domain;

/** A subscription's state. */
public enum SubscriptionStatus {
    /** Its deliveries go out. */
    ACTIVE,
    /**
     * A delivery was given up after the last attempt: nothing goes out until the client resumes it; events
     * that arrive meanwhile are kept as pending deliveries, in order.
     */
    FAILING
}
