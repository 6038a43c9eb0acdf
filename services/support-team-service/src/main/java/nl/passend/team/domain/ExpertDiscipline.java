package nl.passend.team.domain;

/**
 * The discipline of an expert advising on a TLV request. At least one advice must come from an
 * orthopedagoog or psycholoog; the second expert may be of another discipline.
 */
public enum ExpertDiscipline {
    ORTHOPEDAGOOG,
    PSYCHOLOOG,
    CHILD_AND_YOUTH_PSYCHOLOGIST,
    PEDAGOGUE,
    CHILD_PSYCHIATRIST,
    SOCIAL_WORKER,
    PHYSICIAN;

    public boolean orthopedagoogOrPsycholoog() {
        return this == ORTHOPEDAGOOG || this == PSYCHOLOOG;
    }
}
