package nl.passend.events.codes;

/**
 * The kind of an arrangement: extra support for one pupil or a small group in the regular school
 * (ondersteuningsarrangement), an education arrangement in another setting (onderwijsarrangement),
 * the deployment of outside expertise, or special resources (materials, facilities).
 */
public enum ArrangementKind {
    INDIVIDUAL_SUPPORT,
    GROUP_SUPPORT,
    EDUCATION_ARRANGEMENT,
    EXPERTISE,
    RESOURCES
}
