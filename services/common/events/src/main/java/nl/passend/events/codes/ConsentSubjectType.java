package nl.passend.events.codes;

/** What a consent request is about: an OPP version, a case on a meeting's agenda, or the pupil's file as such. */
public enum ConsentSubjectType {
    OPP,
    MEETING_CASE,
    PUPIL
}
