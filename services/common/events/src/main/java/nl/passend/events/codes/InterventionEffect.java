package nl.passend.events.codes;

/** The evaluated effect of an intervention. */
public enum InterventionEffect {
    ACHIEVED,
    PARTLY_ACHIEVED,
    NOT_ACHIEVED
}
