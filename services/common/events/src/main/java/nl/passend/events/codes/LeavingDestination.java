package nl.passend.events.codes;

/** Where a pupil went on leaving a school; SBO and SO are referrals to special education. */
public enum LeavingDestination {
    /** Another regular primary school. */
    BAO,
    SBO,
    SO,
    /** Secondary education. */
    VO,
    MOVED_ABROAD,
    /** Left without a place: a thuiszitter. */
    NONE_AT_HOME,
    OTHER;

    public boolean isReferral() {
        return this == SBO || this == SO;
    }
}
