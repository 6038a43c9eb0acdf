package nl.passend.events;

import java.util.List;
import java.util.Map;

/** Topic names. Each topic has exactly one writer: the service named in it. */
public final class Topics {
    public static final String PUPIL = "passend.pupil";
    public static final String SUPPORT = "passend.support";
    public static final String OPP = "passend.opp";
    public static final String TEAM = "passend.team";
    public static final String CONSENT = "passend.consent";

    public static final List<String> ALL = List.of(PUPIL, SUPPORT, OPP, TEAM, CONSENT);

    /** The one service that writes each topic; the broker's ACLs grant it, and only it, the write. */
    private static final Map<String, String> WRITERS = Map.of(
            PUPIL, "pupil-service",
            SUPPORT, "support-level-service",
            OPP, "opp-service",
            TEAM, "support-team-service",
            CONSENT, "consent-service");

    private Topics() {
    }

    /** The service that writes {@code topic}, e.g. {@code opp-service} for {@code passend.opp}. */
    public static String writer(String topic) {
        String writer = WRITERS.get(topic);
        if (writer == null) {
            throw new IllegalArgumentException("no Passend topic: " + topic);
        }
        return writer;
    }

    /** The CloudEvents {@code source} of every event a service publishes, e.g. {@code /passend/opp-service}. */
    public static String source(String service) {
        return "/passend/" + service;
    }

    /** True when {@code source} is the source of the topic's one writer. */
    public static boolean isWrittenBy(String topic, String source) {
        return WRITERS.containsKey(topic) && source(WRITERS.get(topic)).equals(source);
    }

    /** Dead letters of one consumer of one topic, e.g. {@code passend.pupil.dlq.consent-service}. */
    public static String deadLetter(String topic, String consumingService) {
        return topic + ".dlq." + consumingService;
    }
}
