package nl.passend.events.codes;

/** What parents are asked to consent to. */
public enum ConsentPurpose {
    /** Instemming with the action part of one OPP version. */
    OPP_ACTION_PART,
    /** Discussing the named pupil in a meeting with people from outside the school. */
    DISCUSS_IN_SUPPORT_TEAM,
    SHARE_WITH_SWV,
    SHARE_WITH_YOUTH_CARE,
    /** A psychological or educational assessment. */
    ASSESSMENT
}
