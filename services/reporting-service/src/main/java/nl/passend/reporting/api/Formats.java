package nl.passend.reporting.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the dashboard writes its numbers: percentages the Dutch way, coordinates with one decimal. */
final class Formats {

    private Formats() {
    }

    /** A rate (a fraction) as a Dutch percentage with two decimals, e.g. 0.0125 as "1,25 %"; a dash for none. */
    static String percent(BigDecimal rate) {
        return rate == null ? "–" : rate.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',') + " %";
    }

    /** A coordinate in an SVG attribute: one decimal, with a dot whatever the locale. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A rate as a plain number for scaling a chart; none counts as 0. */
    static double value(BigDecimal rate) {
        return rate == null ? 0 : rate.doubleValue();
    }
}
