package nl.passend.support.domain;

/** Who gives an intervention. */
public enum GivenBy {
    TEACHER,
    TEACHING_ASSISTANT,
    SPECIALIST
}
