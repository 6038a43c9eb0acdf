package nl.passend.team.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** The settings of support-team-service, under {@code passend.team}. */
@ConfigMapping(prefix = "passend.team")
public interface TeamConfig {

    Tlv tlv();

    /** How many discussions without a change of approach within the window make a signal. */
    int repeatedDiscussions();

    Duration repeatedWindow();

    Duration signalInterval();

    interface Tlv {
        /** The role that decides TLVs where an SWV has not configured its own. */
        String defaultDeciderRole();

        /** The deciding role per SWV code: who signs differs per SWV. */
        Map<String, String> deciderRoles();

        /** How long after the decision an objection may be lodged. */
        Duration objectionPeriod();

        default String deciderRole(String swvCode) {
            return deciderRoles().getOrDefault(swvCode, defaultDeciderRole());
        }
    }
}
