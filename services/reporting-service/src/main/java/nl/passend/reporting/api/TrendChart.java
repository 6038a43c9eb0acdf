package nl.passend.reporting.api;

import static nl.passend.reporting.api.Formats.coordinate;
import static nl.passend.reporting.api.Formats.percent;
import static nl.passend.reporting.api.Formats.value;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.passend.reporting.domain.Trend;
import nl.passend.reporting.domain.TrendYear;

/**
 * The SWV's referral rate over the school years laid out for its template (tags/trendChart.html): a
 * point per school year with a rate, joined by a line, and the national flow reference as a dashed line.
 */
public record TrendChart(int width, int height, int left, int right, int top, int bottom, int labelY,
        List<Year> years, String line, National national) {

    private static final int HEIGHT = 240;
    private static final int LEFT = 60;
    private static final int TOP = 20;
    private static final int PLOT_HEIGHT = 170;

    /** A school year on the axis, and its point when it has a rate. */
    public record Year(String schoolYear, String x, Point point) {
    }

    public record Point(String y, String title, String labelX, String labelY, String value) {
    }

    public record National(String y, String label, int labelX, String labelY) {
    }

    static TrendChart of(Trend trend, int width) {
        int plotWidth = width - LEFT - 40;
        int bottom = TOP + PLOT_HEIGHT;
        List<TrendYear> years = trend.years();
        double highest = Math.max(0.005, years.stream().filter(y -> y.referralRate() != null)
                .mapToDouble(y -> y.referralRate().doubleValue()).max().orElse(0));
        double max = Math.max(highest, value(trend.nationalReferralRate())) * 1.2;
        double step = years.size() > 1 ? (double) plotWidth / (years.size() - 1) : 0;
        List<Year> marks = new ArrayList<>();
        List<String> points = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            TrendYear y = years.get(i);
            double x = LEFT + (years.size() > 1 ? i * step : plotWidth / 2.0);
            Point point = null;
            if (y.referralRate() != null) {
                double py = bottom - PLOT_HEIGHT * y.referralRate().doubleValue() / max;
                String title = y.schoolYear() + ": " + percent(y.referralRate()) + " (" + y.referrals() + " van "
                        + y.pupils() + ")";
                point = new Point(coordinate(py), title, coordinate(x + 6), coordinate(py - 6), percent(y.referralRate()));
                points.add(coordinate(x) + "," + coordinate(py));
            }
            marks.add(new Year(y.schoolYear(), coordinate(x), point));
        }
        National national = null;
        if (trend.nationalReferralRate() != null) {
            double ny = bottom - PLOT_HEIGHT * trend.nationalReferralRate().doubleValue() / max;
            national = new National(coordinate(ny), "landelijk " + percent(trend.nationalReferralRate()), LEFT + 4,
                    coordinate(ny - 4));
        }
        String line = points.isEmpty() ? null : points.stream().collect(Collectors.joining(" "));
        return new TrendChart(width, HEIGHT, LEFT, LEFT + plotWidth, TOP, bottom, bottom + 16, marks, line, national);
    }
}
