package nl.passend.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** support-level-service's own settings: the signals. */
@ConfigMapping(prefix = "passend.support")
public interface SupportConfig {

    /** A LEVEL_4 pupil without an established OPP this long after reaching LEVEL_4 is signalled (law: 6 weeks). */
    @WithDefault("42d")
    Duration oppWithin();

    /** Interventions in one domain evaluated NOT_ACHIEVED in a school year, without a level change, before the signal. */
    @WithDefault("3")
    int notAchievedThreshold();

    /** How often the signal job looks for signals to raise or resolve. */
    @WithDefault("10m")
    Duration signalInterval();
}
