package nl.passend.opp.domain;

/** What started the OPP clock. */
public enum DueReason {
    /** Enrolment at an SBO or SO school: every pupil there has an OPP. */
    SPECIAL_SCHOOL_ENROLMENT,
    /** The move to support level 4. */
    EXTRA_SUPPORT,
    /** An arrangement granted by the board or the SWV. */
    ARRANGEMENT
}
