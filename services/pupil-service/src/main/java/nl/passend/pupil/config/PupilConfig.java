package nl.passend.pupil.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

@ConfigMapping(prefix = "pupil")
public interface PupilConfig {

    Retention retention();

    /** How long a pupil's data is kept after leaving, before it is erased (the right to be forgotten). */
    interface Retention {
        @WithDefault("P2Y")
        Period afterLeaving();

        /** Longer for a pupil referred to special education (SBO/SO). */
        @WithDefault("P3Y")
        Period afterReferral();
    }
}
