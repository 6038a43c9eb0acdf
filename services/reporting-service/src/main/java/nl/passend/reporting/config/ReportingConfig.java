package nl.passend.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** The reporting service's own settings: national references, signal thresholds, the feed. */
@ConfigMapping(prefix = "passend.reporting")
public interface ReportingConfig {

    National national();

    Signals signals();

    Feed feed();

    /** How many school years the trend shows, the chosen one included. */
    @WithDefault("5")
    int trendYears();

    /** National references: a flow for referral rates, stocks for participation; never mixed. */
    interface National {
        /** Moves into SBO or SO a year per primary pupil (some 16,000 on 1.47 million). */
        @WithDefault("0.011")
        BigDecimal referralRate();

        /** Share of primary pupils in SBO on a count date. */
        @WithDefault("0.025")
        BigDecimal sboParticipation();

        /** Share of primary pupils in SO on a count date. */
        @WithDefault("0.023")
        BigDecimal soParticipation();
    }

    interface Signals {
        /** A school refers clearly more than its SWV when its rate exceeds this multiple of the SWV's. */
        @WithDefault("1.5")
        BigDecimal referralFactor();

        /** ...and it referred at least this many pupils (one referral at a small school is no pattern). */
        @WithDefault("2")
        int minReferrals();

        /** A school "never refers" when it referred no pupil in this many school years, up to the chosen one. */
        @WithDefault("3")
        int neverRefersYears();

        /** A school calls on the SWV significantly more when its BOT cases and arrangements per pupil exceed this multiple of comparable schools'. */
        @WithDefault("1.5")
        BigDecimal callsFactor();

        /** ...and it made at least this many such calls in the school year. */
        @WithDefault("3")
        int minCalls();
    }

    interface Feed {
        /** Records applied in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** How often the feed looks for new partitions of the topics. */
        @WithDefault("30s")
        Duration partitionRefresh();
    }
}
