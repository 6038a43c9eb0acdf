package nl.passend.events.codes;

/** What kind of support action an intervention is. */
public enum InterventionKind {
    /** Verlengde of extra instructie. */
    EXTRA_INSTRUCTION,
    /** Pre-teaching: the lesson's content before the lesson. */
    PRE_TEACHING,
    /** Training in a small group, in or outside the class. */
    SMALL_GROUP_TRAINING,
    /** A session with a specialist (remedial teacher, speech therapist, behaviour specialist). */
    SPECIALIST_SESSION,
    /** Coaching or guidance of behaviour or work attitude. */
    BEHAVIOUR_COACHING,
    OTHER
}
