package nl.passend.events.codes;

/** The signals support-level-service owns. */
public enum SupportSignalKind {
    /** At LEVEL_4 for more than 6 weeks without an established OPP. */
    LEVEL_4_WITHOUT_OPP,
    /** Three or more interventions in one domain evaluated NOT_ACHIEVED within a school year without a level change. */
    NO_CHANGE_OF_COURSE
}
