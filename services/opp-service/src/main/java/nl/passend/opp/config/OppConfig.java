package nl.passend.opp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import nl.passend.events.codes.SchoolType;

/** opp-service's own settings: the OPP clock. */
@ConfigMapping(prefix = "passend.opp")
public interface OppConfig {

    /** An OPP is established within this long after the start of extra support or an SBO/SO enrolment (law: 6 weeks). */
    @WithDefault("42d")
    Duration establishWithin();

    /** How often the overdue job looks for plans past their time. */
    @WithDefault("10m")
    Duration overdueInterval();

    EvaluationsPerYear evaluationsPerYear();

    /** The minimum number of evaluations a year per school type: the law says once; many SO/SBO agreements twice (e.g. the SO/SBO basic-support agreement, Basisondersteuning SO & SBO). */
    interface EvaluationsPerYear {
        @WithDefault("1")
        int bao();

        @WithDefault("1")
        int sbo();

        @WithDefault("1")
        int so();

        default int of(SchoolType type) {
            if (type == null) {
                return bao();
            }
            return switch (type) {
                case BAO -> bao();
                case SBO -> sbo();
                case SO -> so();
            };
        }
    }
}
