package nl.passend.team.domain;

/**
 * The function someone has in a meeting: the members of the support team, the SWV
 * consultant in a BOT, and the participants who are not members: parents and, where fitting, the pupil.
 */
public enum AttendeeFunction {
    TEACHER,
    IB,
    CARE_COORDINATOR,
    DIRECTOR,
    ORTHOPEDAGOOG,
    BEHAVIOUR_SPECIALIST,
    SCHOOL_SOCIAL_WORK,
    YOUTH_DOCTOR,
    YOUTH_NURSE,
    SWV_CONSULTANT,
    PARENT,
    PUPIL;

    public boolean member() {
        return this != PARENT && this != PUPIL;
    }
}
