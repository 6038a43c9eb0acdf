package nl.passend.reporting.generator;

import java.util.function.Consumer;

/**
 * National scale: about 1.5 million primary-school pupils in SWVs of 10,000 pupils each (about 40
 * schools), three school years. Only the benchmark asks for it (never CI): it is about 13.6 million
 * events.
 */
public final class NationalGenerator {

    public static final int SWVS = 150;
    public static final int PUPILS_PER_SWV = 10_000;

    private NationalGenerator() {
    }

    /** Generates {@code swvs} SWVs one after the other into the sink; returns the number of events. */
    public static long generate(long seed, int swvs, Consumer<GeneratedEvent> sink) {
        long events = 0;
        for (int i = 0; i < swvs; i++) {
            events += SwvGenerator.generate(forSwv(seed, i), sink).events();
        }
        return events;
    }

    /** The settings of the {@code i}th SWV of the national set. */
    public static SwvGenerator.Settings forSwv(long seed, int i) {
        return new SwvGenerator.Settings(seed, 100 + i, 38, 1, 1, PUPILS_PER_SWV, 2023, 3);
    }
}
