package nl.passend.events.codes;

/** The discipline of a care professional linked to a pupil. */
public enum ProfessionalDiscipline {
    ORTHOPEDAGOOG,
    PSYCHOLOOG,
    SCHOOL_SOCIAL_WORK,
    YOUTH_DOCTOR,
    YOUTH_NURSE,
    BEHAVIOUR_SPECIALIST,
    SPEECH_THERAPIST,
    OTHER
}
