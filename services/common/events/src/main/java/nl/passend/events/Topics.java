package nl.passend.events;

/** Topic names. Each topic has exactly one writer: the service named in it. */
public final class Topics {
    public static final String PUPIL = "passend.pupil";
    public static final String SUPPORT = "passend.support";
    public static final String OPP = "passend.opp";
    public static final String TEAM = "passend.team";
    public static final String CONSENT = "passend.consent";

    public static final java.util.List<String> ALL = java.util.List.of(PUPIL, SUPPORT, OPP, TEAM, CONSENT);

    private Topics() {
    }

    /** Dead letters of one consumer of one topic, e.g. {@code passend.pupil.dlq.consent-service}. */
    public static String deadLetter(String topic, String consumingService) {
        return topic + ".dlq." + consumingService;
    }
}
