package nl.passend.events.codes;

/** Why an OPP was closed: the pupil no longer needs it, or the pupil left the school. */
public enum OppCloseReason {
    NO_LONGER_NEEDED,
    PUPIL_LEFT
}
