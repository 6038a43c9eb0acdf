package nl.passend.events.codes;

/**
 * The kind of meeting where pupils are discussed: the school's own support team
 * (ondersteuningsteam), the BreedOverlegTeam with the SWV, or a multidisciplinary meeting with
 * youth care and other outside experts.
 */
public enum MeetingType {
    SCHOOL_SUPPORT_TEAM,
    BOT,
    MULTIDISCIPLINARY
}
