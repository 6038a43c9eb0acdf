package nl.passend.reporting.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.Trend;
import nl.passend.reporting.domain.TrendYear;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.RiskSignal;

/**
 * The SWV's dashboard as one HTML page with its charts drawn as inline SVG on the server: the
 * referral rate per school against the SWV's average and the national flow reference, the pupils
 * per support level, and the referral rate over the school years. No script, no external assets.
 * Every drawn data point has class {@code mark}.
 */
public final class DashboardPage {

    private static final int WIDTH = 760;

    private DashboardPage() {
    }

    public static String render(SwvReport report, Trend trend) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<title>Passend – ").append(esc(report.swvCode())).append(" – ").append(esc(report.schoolYear()))
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#1d2733;max-width:820px}")
                .append("h1{font-size:22px}h2{font-size:17px;margin-top:28px}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #dde3ea;padding:4px 8px;text-align:left}")
                .append(".num{text-align:right}.kpi{display:inline-block;margin-right:28px}.kpi b{font-size:20px;display:block}")
                .append("svg text{font-size:11px;fill:#1d2733}")
                .append("</style></head><body>\n");
        h.append("<h1>Samenwerkingsverband ").append(esc(report.swvCode())).append("</h1>\n");
        h.append("<form method=\"get\">Schooljaar <input name=\"schoolYear\" value=\"").append(esc(report.schoolYear()))
                .append("\" size=\"9\"> teldatum <select name=\"countDate\">");
        for (CountDate c : CountDate.values()) {
            h.append("<option value=\"").append(c).append('"').append(c == report.countDate() ? " selected" : "")
                    .append('>').append(c == CountDate.OCTOBER ? "1 oktober" : "1 februari").append("</option>");
        }
        h.append("</select> <button>Toon</button> <a href=\"/dashboard/swvs/").append(esc(report.swvCode()))
                .append("/report.csv?schoolYear=").append(esc(report.schoolYear()))
                .append("&amp;countDate=").append(report.countDate()).append("\">CSV</a></form>\n");
        h.append("<p>Teldatum ").append(report.countDateOn()).append("; stromen over schooljaar ")
                .append(esc(report.schoolYear())).append(".</p>\n<div>");
        kpi(h, "Leerlingen (bao + sbo)", String.valueOf(report.participation().bao() + report.participation().sbo()));
        kpi(h, "Deelname sbo", pct(report.participation().sboRate()) + " <small>(landelijk "
                + pct(report.participation().nationalSboRate()) + ")</small>");
        kpi(h, "Deelname so", pct(report.participation().soRate()) + " <small>(landelijk "
                + pct(report.participation().nationalSoRate()) + ")</small>");
        kpi(h, "Verwijzingen", report.referrals().referralsSbo() + report.referrals().referralsSo() + " <small>("
                + pct(report.referrals().rate()) + ", landelijk " + pct(report.referrals().nationalRate()) + ")</small>");
        h.append("</div>\n");

        h.append("<h2>Verwijzingspercentage per school</h2>\n");
        referralChart(h, report);
        h.append("<h2>Leerlingen per ondersteuningsniveau</h2>\n");
        levelChart(h, report.total());
        h.append("<h2>Verwijzingspercentage per schooljaar</h2>\n");
        trendChart(h, trend);
        h.append("<h2>Signalen</h2>\n");
        signals(h, report.signals());
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void kpi(StringBuilder h, String label, String value) {
        h.append("<span class=\"kpi\"><b>").append(value).append("</b>").append(esc(label)).append("</span>");
    }

    private static void referralChart(StringBuilder h, SwvReport report) {
        List<SchoolRow> rows = report.schools().stream()
                .filter(r -> r.schoolType() == SchoolType.BAO && r.referralRate() != null)
                .sorted(Comparator.comparing(SchoolRow::referralRate).reversed().thenComparing(SchoolRow::schoolCode))
                .toList();
        BigDecimal swv = report.referrals().rate();
        BigDecimal national = report.referrals().nationalRate();
        double max = Math.max(0.005, rows.stream().mapToDouble(r -> r.referralRate().doubleValue()).max().orElse(0));
        max = Math.max(max, Math.max(value(swv), value(national))) * 1.1;
        int left = 70;
        int plot = WIDTH - left - 60;
        int rowHeight = 16;
        int height = 40 + Math.max(1, rows.size()) * rowHeight + 30;
        h.append("<svg id=\"referral-chart\" class=\"chart\" role=\"img\" aria-label=\"Verwijzingspercentage per school\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">");
        int y = 30;
        for (SchoolRow r : rows) {
            double w = plot * r.referralRate().doubleValue() / max;
            boolean above = swv != null && r.referralRate().compareTo(swv) > 0;
            h.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 11).append("\" text-anchor=\"end\">")
                    .append(esc(r.schoolCode())).append("</text>");
            h.append("<rect class=\"mark\" x=\"").append(left).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(fmt(Math.max(w, 1))).append("\" height=\"").append(rowHeight - 4).append("\" fill=\"")
                    .append(above ? "#c8553d" : "#4f7cac").append("\"><title>").append(esc(r.schoolCode())).append(": ")
                    .append(pct(r.referralRate())).append(" (").append(r.referralsSbo() + r.referralsSo()).append(" van ")
                    .append(r.pupils()).append(")</title></rect>");
            h.append("<text x=\"").append(fmt(left + Math.max(w, 1) + 4)).append("\" y=\"").append(y + 11).append("\">")
                    .append(pct(r.referralRate())).append("</text>");
            y += rowHeight;
        }
        if (rows.isEmpty()) {
            h.append("<text x=\"").append(left).append("\" y=\"45\">Geen reguliere scholen met leerlingen op de teldatum</text>");
        }
        referenceLine(h, "swv-average", "gemiddelde SWV " + pct(swv), swv, max, left, plot, 30, y, "#1d2733", 14);
        referenceLine(h, "national", "landelijk " + pct(national), national, max, left, plot, 30, y, "#8a8f98", 26);
        h.append("</svg>\n");
    }

    private static void referenceLine(StringBuilder h, String id, String label, BigDecimal rate, double max, int left,
            int plot, int top, int bottom, String colour, int labelY) {
        if (rate == null) {
            return;
        }
        double x = left + plot * rate.doubleValue() / max;
        h.append("<line id=\"").append(id).append("\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x))
                .append("\" y1=\"").append(top - 4).append("\" y2=\"").append(bottom + 4).append("\" stroke=\"")
                .append(colour).append("\" stroke-dasharray=\"4 3\"/>");
        h.append("<text x=\"").append(fmt(x + 3)).append("\" y=\"").append(labelY).append("\">").append(esc(label))
                .append("</text>");
    }

    private static void levelChart(StringBuilder h, SchoolRow total) {
        int height = 220;
        int left = 50;
        int plotHeight = 150;
        int max = Math.max(1, total.levels().values().stream().mapToInt(Integer::intValue).max().orElse(1));
        h.append("<svg id=\"level-chart\" class=\"chart\" role=\"img\" aria-label=\"Leerlingen per ondersteuningsniveau\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">");
        int x = left;
        int barWidth = 120;
        String[] colours = {"#9cc3a6", "#f2c14e", "#f78154", "#c8553d"};
        int i = 0;
        for (SupportLevel level : SupportLevel.values()) {
            int n = total.levels().getOrDefault(level, 0);
            double barHeight = Math.max(1, plotHeight * (double) n / max);
            double y = 20 + plotHeight - barHeight;
            h.append("<rect class=\"mark\" x=\"").append(x).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                    .append(barWidth).append("\" height=\"").append(fmt(barHeight)).append("\" fill=\"")
                    .append(colours[i++ % colours.length]).append("\"><title>Niveau ").append(level.ordinal() + 1)
                    .append(": ").append(n).append("</title></rect>");
            h.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(fmt(y - 4))
                    .append("\" text-anchor=\"middle\">").append(n).append("</text>");
            h.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(20 + plotHeight + 16)
                    .append("\" text-anchor=\"middle\">Niveau ").append(level.ordinal() + 1).append("</text>");
            x += barWidth + 40;
        }
        h.append("</svg>\n");
    }

    private static void trendChart(StringBuilder h, Trend trend) {
        int height = 240;
        int left = 60;
        int plotWidth = WIDTH - left - 40;
        int top = 20;
        int plotHeight = 170;
        List<TrendYear> years = trend.years();
        double max = Math.max(0.005, years.stream().filter(y -> y.referralRate() != null)
                .mapToDouble(y -> y.referralRate().doubleValue()).max().orElse(0));
        max = Math.max(max, value(trend.nationalReferralRate())) * 1.2;
        h.append("<svg id=\"trend-chart\" class=\"chart\" role=\"img\" aria-label=\"Verwijzingspercentage per schooljaar\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">");
        h.append("<line x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"").append(top)
                .append("\" y2=\"").append(top + plotHeight).append("\" stroke=\"#8a8f98\"/>");
        h.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotWidth).append("\" y1=\"")
                .append(top + plotHeight).append("\" y2=\"").append(top + plotHeight).append("\" stroke=\"#8a8f98\"/>");
        double step = years.size() > 1 ? (double) plotWidth / (years.size() - 1) : 0;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < years.size(); i++) {
            TrendYear y = years.get(i);
            double x = left + (years.size() > 1 ? i * step : plotWidth / 2.0);
            h.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(top + plotHeight + 16)
                    .append("\" text-anchor=\"middle\">").append(esc(y.schoolYear())).append("</text>");
            if (y.referralRate() == null) {
                continue;
            }
            double py = top + plotHeight - plotHeight * y.referralRate().doubleValue() / max;
            points.append(fmt(x)).append(',').append(fmt(py)).append(' ');
            h.append("<circle class=\"mark\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(py))
                    .append("\" r=\"4\" fill=\"#4f7cac\"><title>").append(esc(y.schoolYear())).append(": ")
                    .append(pct(y.referralRate())).append(" (").append(y.referrals()).append(" van ").append(y.pupils())
                    .append(")</title></circle>");
            h.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(fmt(py - 6)).append("\">")
                    .append(pct(y.referralRate())).append("</text>");
        }
        if (!points.isEmpty()) {
            h.append("<polyline class=\"mark\" fill=\"none\" stroke=\"#4f7cac\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
        }
        if (trend.nationalReferralRate() != null) {
            double ny = top + plotHeight - plotHeight * trend.nationalReferralRate().doubleValue() / max;
            h.append("<line id=\"trend-national\" x1=\"").append(left).append("\" x2=\"").append(left + plotWidth)
                    .append("\" y1=\"").append(fmt(ny)).append("\" y2=\"").append(fmt(ny))
                    .append("\" stroke=\"#8a8f98\" stroke-dasharray=\"4 3\"/><text x=\"").append(left + 4).append("\" y=\"")
                    .append(fmt(ny - 4)).append("\">landelijk ").append(pct(trend.nationalReferralRate())).append("</text>");
        }
        h.append("</svg>\n");
    }

    private static void signals(StringBuilder h, List<RiskSignal> signals) {
        if (signals.isEmpty()) {
            h.append("<p>Geen signalen.</p>\n");
            return;
        }
        h.append("<table id=\"signals\"><tr><th>School</th><th>Signaal</th><th>Cijfers</th></tr>");
        for (RiskSignal s : signals) {
            h.append("<tr><td>").append(esc(s.schoolCode())).append("</td><td>").append(s.kind()).append("</td><td>");
            s.figures().forEach((name, value) -> h.append(esc(name)).append(' ')
                    .append(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value)).append("; "));
            h.append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static double value(BigDecimal rate) {
        return rate == null ? 0 : rate.doubleValue();
    }

    static String pct(BigDecimal rate) {
        return rate == null ? "–" : rate.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP)
                .toPlainString().replace('.', ',') + " %";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
