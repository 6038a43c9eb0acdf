package nl.passend.reporting.api;

import static nl.passend.reporting.api.Formats.coordinate;
import static nl.passend.reporting.api.Formats.percent;
import static nl.passend.reporting.api.Formats.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.passend.events.codes.SchoolType;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.SwvReport;

/**
 * The referral chart laid out for its template (tags/referralChart.html): a bar per regular school,
 * highest rate first, in red when above the SWV's average; the average and the national flow
 * reference as dashed lines.
 */
public record ReferralChart(int width, int height, int left, List<Bar> bars, List<ReferenceLine> lines) {

    static final String ABOVE_AVERAGE = "#c8553d";
    static final String REGULAR = "#4f7cac";

    private static final int LEFT = 70;
    private static final int TOP = 30;
    private static final int ROW_HEIGHT = 16;

    /** A school's bar, its code left of it and its rate right of it. */
    public record Bar(String schoolCode, int labelX, int textY, int x, int y, String width, int height, String fill,
            String title, String valueX, String value) {
    }

    /** A vertical dashed line at a rate, with its label at the top. */
    public record ReferenceLine(String id, String x, int top, int bottom, String colour, String labelX, int labelY,
            String label) {
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    static ReferralChart of(SwvReport report, int width) {
        List<SchoolRow> rows = report.schools().stream()
                .filter(r -> r.schoolType() == SchoolType.BAO && r.referralRate() != null)
                .sorted(Comparator.comparing(SchoolRow::referralRate).reversed().thenComparing(SchoolRow::schoolCode))
                .toList();
        BigDecimal swv = report.referrals().rate();
        BigDecimal national = report.referrals().nationalRate();
        double highest = Math.max(0.005, rows.stream().mapToDouble(r -> r.referralRate().doubleValue()).max().orElse(0));
        double max = Math.max(highest, Math.max(value(swv), value(national))) * 1.1;
        int plot = width - LEFT - 60;
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (SchoolRow r : rows) {
            double barWidth = Math.max(plot * r.referralRate().doubleValue() / max, 1);
            boolean above = swv != null && r.referralRate().compareTo(swv) > 0;
            String title = r.schoolCode() + ": " + percent(r.referralRate()) + " (" + (r.referralsSbo() + r.referralsSo())
                    + " van " + r.pupils() + ")";
            bars.add(new Bar(r.schoolCode(), LEFT - 6, y + 11, LEFT, y + 2, coordinate(barWidth), ROW_HEIGHT - 4,
                    above ? ABOVE_AVERAGE : REGULAR, title, coordinate(LEFT + barWidth + 4), percent(r.referralRate())));
            y += ROW_HEIGHT;
        }
        List<ReferenceLine> lines = new ArrayList<>();
        if (swv != null) {
            lines.add(line("swv-average", "gemiddelde SWV " + percent(swv), swv, max, plot, y, "#1d2733", 14));
        }
        if (national != null) {
            lines.add(line("national", "landelijk " + percent(national), national, max, plot, y, "#8a8f98", 26));
        }
        int height = 40 + Math.max(1, rows.size()) * ROW_HEIGHT + 30;
        return new ReferralChart(width, height, LEFT, bars, lines);
    }

    private static ReferenceLine line(String id, String label, BigDecimal rate, double max, int plot, int bottom,
            String colour, int labelY) {
        double x = LEFT + plot * rate.doubleValue() / max;
        return new ReferenceLine(id, coordinate(x), TOP - 4, bottom + 4, colour, coordinate(x + 3), labelY, label);
    }
}
