package nl.passend.events.codes;

/** The domains a support level change or an intervention concerns. */
public enum SupportDomain {
    READING,
    MATHS,
    BEHAVIOUR,
    SOCIAL_EMOTIONAL,
    MOTOR,
    LANGUAGE,
    GIFTEDNESS,
    PHYSICAL
}
