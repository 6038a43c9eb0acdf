package nl.passend.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** consent-service's own settings. */
@ConfigMapping(prefix = "passend.consent")
public interface ConsentConfig {

    /** A request that is still open this long after it was made expires. */
    @WithDefault("42d")
    Duration expireAfter();

    /** How often the expiry job looks for requests past their time. */
    @WithDefault("1m")
    Duration expiryInterval();
}
