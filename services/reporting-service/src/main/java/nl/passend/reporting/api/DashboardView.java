package nl.passend.reporting.api;

import static nl.passend.reporting.api.Formats.percent;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Participation;
import nl.passend.reporting.domain.Referrals;
import nl.passend.reporting.domain.RiskSignal;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.Trend;

/** What the dashboard's template (DashboardPage/dashboard.html) shows, its numbers already written out. */
public record DashboardView(String swvCode, String schoolYear, CountDate countDate, String countDateOn,
        List<CountDateOption> countDates, List<KeyFigure> keyFigures, ReferralChart referralChart,
        LevelChart levelChart, TrendChart trendChart, List<SignalLine> signals) {

    /** The width of every chart, in pixels. */
    static final int CHART_WIDTH = 760;

    /** A choice in the form's count-date list. */
    public record CountDateOption(CountDate value, String label, boolean selected) {
    }

    /** A key figure: its value in bold, an optional comparison beside it, its label below. */
    public record KeyFigure(String value, String comparison, String label) {
    }

    /** A row of the signals' table: the school, the signal and the figures behind it. */
    public record SignalLine(String schoolCode, String kind, List<Figure> figures) {
    }

    public record Figure(String name, String value) {
    }

    static DashboardView of(SwvReport report, Trend trend) {
        List<CountDateOption> options = Arrays.stream(CountDate.values())
                .map(c -> new CountDateOption(c, c == CountDate.OCTOBER ? "1 oktober" : "1 februari",
                        c == report.countDate()))
                .toList();
        return new DashboardView(report.swvCode(), report.schoolYear(), report.countDate(),
                String.valueOf(report.countDateOn()), options, keyFigures(report.participation(), report.referrals()),
                ReferralChart.of(report, CHART_WIDTH), LevelChart.of(report.total(), CHART_WIDTH),
                TrendChart.of(trend, CHART_WIDTH), signals(report.signals()));
    }

    private static List<KeyFigure> keyFigures(Participation p, Referrals r) {
        return List.of(new KeyFigure(String.valueOf(p.bao() + p.sbo()), null, "Leerlingen (bao + sbo)"),
                new KeyFigure(percent(p.sboRate()), "landelijk " + percent(p.nationalSboRate()), "Deelname sbo"),
                new KeyFigure(percent(p.soRate()), "landelijk " + percent(p.nationalSoRate()), "Deelname so"),
                new KeyFigure(String.valueOf(r.referralsSbo() + r.referralsSo()),
                        percent(r.rate()) + ", landelijk " + percent(r.nationalRate()), "Verwijzingen"));
    }

    private static List<SignalLine> signals(List<RiskSignal> signals) {
        return signals.stream().map(s -> new SignalLine(s.schoolCode(), s.kind().name(), s.figures().entrySet()
                .stream().map(f -> new Figure(f.getKey(), number(f.getValue()))).toList())).toList();
    }

    private static String number(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : String.valueOf(n);
    }
}
