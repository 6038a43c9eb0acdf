package nl.passend.reporting.api;

import static nl.passend.reporting.Svg.svgs;
import static nl.passend.reporting.Svg.marks;
import static nl.passend.reporting.Svg.byId;
import static nl.passend.reporting.Svg.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.reporting.domain.Participation;
import nl.passend.reporting.domain.Referrals;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.Trend;
import nl.passend.reporting.domain.TrendYear;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.RiskKind;
import nl.passend.reporting.domain.RiskSignal;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The dashboard page drawn from a report made by hand: escaping, an empty SWV, Dutch percentages. A
 * Quarkus test, because the page's templates are checked and rendered by the application's Qute engine.
 */
@QuarkusTest
class DashboardPageTest {

    private static final BigDecimal NATIONAL = new BigDecimal("0.011");

    // ---- escaping -------------------------------------------------------------------------------

    @Test
    void codesAreEscapedEverywhereAndTheChartsStayWellFormed() {
        String swv = "PO<1>&\"'";
        String evil = "<script>alert('x')</script>";
        String amp = "A&B";
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("pupils<2>", 3);
        List<SchoolRow> schools = List.of(row(evil, SchoolType.BAO, 100, 4, "0.0400"), row(amp, SchoolType.BAO, 100, 0,
                "0.0000"));
        SwvReport report = report(swv, schools, "0.0200", List.of(new RiskSignal(evil, RiskKind.THUISZITTERS, figures)));
        String page = DashboardPage.render(report, trend(swv, "0.0200", "0.0100"));

        assertThat(page).doesNotContain("<script").doesNotContain("PO<1>").doesNotContain("A&B")
                .doesNotContain("pupils<2>");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("<h1>Samenwerkingsverband PO&lt;1&gt;&amp;&quot;&#39;</h1>")
                .contains("href=\"/dashboard/swvs/PO&lt;1&gt;&amp;&quot;&#39;/report.csv?schoolYear=2025-2026&amp;countDate=OCTOBER\"")
                .contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td><td>THUISZITTERS</td><td>pupils&lt;2&gt; 3; ");
        Map<String, Document> svgs = svgs(page);
        assertThat(svgs).containsOnlyKeys("referral-chart", "level-chart", "trend-chart");
        // a parser reads back the codes as they are
        List<String> labels = texts(svgs.get("referral-chart"), "text");
        assertThat(labels).contains(evil, amp);
        assertThat(texts(svgs.get("referral-chart"), "title")).contains(evil + ": 4,00 % (4 van 100)",
                amp + ": 0,00 % (0 van 100)");
    }

    // ---- an empty SWV ---------------------------------------------------------------------------

    @Test
    void anSwvWithoutPupilsRendersWithoutDataMarksButWellFormed() {
        // its schools are known but nobody is enrolled: no rates anywhere
        List<SchoolRow> schools = List.of(row("11AA11", SchoolType.BAO, 0, 0, null), row("22BB22", SchoolType.SBO, 0, 0,
                null));
        SwvReport report = new SwvReport("PO9999", "2025-2026", CountDate.OCTOBER, LocalDate.of(2025, 10, 1),
                new Participation(0, 0, 0, 0, null, null, new BigDecimal("0.025"), new BigDecimal("0.023")),
                new Referrals(0, 0, 0, null, NATIONAL), total("PO9999", 0, null, Map.of()), schools, List.of());
        List<TrendYear> years = new ArrayList<>();
        for (int y = 2021; y <= 2025; y++) {
            years.add(new TrendYear(y + "-" + (y + 1), LocalDate.of(y, 10, 1), 0, 0, null, null, null));
        }
        String page = DashboardPage.render(report, new Trend("PO9999", CountDate.OCTOBER, NATIONAL, years));

        Map<String, Document> svgs = svgs(page);
        assertThat(svgs).containsOnlyKeys("referral-chart", "level-chart", "trend-chart");
        Document referral = svgs.get("referral-chart");
        assertThat(marks(referral)).isEmpty();
        assertThat(texts(referral, "text")).contains("Geen reguliere scholen met leerlingen op de teldatum");
        assertThat(byId(referral, "swv-average")).as("no SWV average to draw").isNull();
        assertThat(byId(referral, "national")).isNotNull();
        Document trend = svgs.get("trend-chart");
        assertThat(marks(trend)).isEmpty();
        assertThat(trend.getElementsByTagNameNS("*", "circle").getLength()).isZero();
        assertThat(texts(trend, "text")).contains("2021-2022", "2025-2026");
        // the levels are counts: four bars of nobody, at the 1 px baseline
        List<Element> levels = marks(svgs.get("level-chart"));
        assertThat(levels).hasSize(4).allSatisfy(bar -> assertThat(bar.getAttribute("height")).isEqualTo("1.0"));
        assertThat(texts(svgs.get("level-chart"), "title")).containsExactly("Niveau 1: 0", "Niveau 2: 0",
                "Niveau 3: 0", "Niveau 4: 0");
        assertThat(page).contains("<p>Geen signalen.</p>").doesNotContain("NaN").doesNotContain("Infinity")
                .doesNotContain("<table id=\"signals\"");
        // the key figures show a dash where there is no rate
        assertThat(page).contains("<b>0</b>Leerlingen (bao + sbo)").contains("<b>– <small>(landelijk 2,50 %)</small></b>")
                .contains("<b>0 <small>(–, landelijk 1,10 %)</small></b>Verwijzingen");
    }

    @Test
    void anSwvWithoutAnySchoolRowsRendersToo() {
        SwvReport report = new SwvReport("PO9998", "2025-2026", CountDate.FEBRUARY, LocalDate.of(2026, 2, 1),
                new Participation(0, 0, 0, 0, null, null, null, null), new Referrals(0, 0, 0, null, null),
                total("PO9998", 0, null, Map.of()), List.of(), List.of());
        String page = DashboardPage.render(report, new Trend("PO9998", CountDate.FEBRUARY, null, List.of()));
        Map<String, Document> svgs = svgs(page);
        assertThat(marks(svgs.get("referral-chart"))).isEmpty();
        assertThat(byId(svgs.get("referral-chart"), "national")).isNull();
        assertThat(marks(svgs.get("trend-chart"))).isEmpty();
        assertThat(page).contains("<option value=\"FEBRUARY\" selected>1 februari</option>")
                .doesNotContain("NaN").doesNotContain("Infinity");
    }

    // ---- percentages ----------------------------------------------------------------------------

    @Test
    void percentagesAreWrittenTheDutchWay() {
        assertThat(Formats.percent(new BigDecimal("0.02"))).isEqualTo("2,00 %");
        assertThat(Formats.percent(new BigDecimal("0.0200"))).isEqualTo("2,00 %");
        assertThat(Formats.percent(new BigDecimal("0.0125"))).isEqualTo("1,25 %");
        assertThat(Formats.percent(new BigDecimal("0.011"))).isEqualTo("1,10 %");
        assertThat(Formats.percent(new BigDecimal("0.0323"))).isEqualTo("3,23 %");
        assertThat(Formats.percent(new BigDecimal("0.00005"))).isEqualTo("0,01 %");
        assertThat(Formats.percent(new BigDecimal("0.0000"))).isEqualTo("0,00 %");
        assertThat(Formats.percent(BigDecimal.ONE)).isEqualTo("100,00 %");
        assertThat(Formats.percent(null)).isEqualTo("–");
    }

    @Test
    void thePageShowsItsRatesAsDutchPercentages() {
        List<SchoolRow> schools = List.of(row("11AA11", SchoolType.BAO, 100, 4, "0.0400"),
                row("22BB22", SchoolType.BAO, 100, 1, "0.0100"), row("33CC33", SchoolType.BAO, 50, 0, "0.0000"),
                row("44DD44", SchoolType.BAO, 50, 1, "0.0200"), row("55EE55", SchoolType.SBO, 10, 0, null));
        String page = DashboardPage.render(report("PO1234", schools, "0.0200", List.of()), trend("PO1234", "0.0200"));
        assertThat(page).contains("<b>6 <small>(2,00 %, landelijk 1,10 %)</small></b>Verwijzingen")
                .contains(">gemiddelde SWV 2,00 %</text>").contains(">landelijk 1,10 %</text>")
                .contains(">4,00 %</text>").contains("<b>3,23 % <small>(landelijk 2,50 %)</small></b>Deelname sbo");
        assertThat(Pattern.compile("\\d\\.\\d+ ?%").matcher(page).find()).as("a percentage with a decimal point")
                .isFalse();
    }

    @Test
    void theReferralChartDrawsTheRegularSchoolsByRateAndHighlightsThoseAboveTheAverage() {
        List<SchoolRow> schools = List.of(row("22BB22", SchoolType.BAO, 100, 1, "0.0100"),
                row("11AA11", SchoolType.BAO, 100, 4, "0.0400"), row("33CC33", SchoolType.BAO, 50, 0, "0.0000"),
                row("44DD44", SchoolType.BAO, 50, 1, "0.0200"), row("55EE55", SchoolType.SBO, 10, 0, null),
                row("66FF66", SchoolType.SO, 8, 0, null));
        Document chart = svgs(DashboardPage.render(report("PO1234", schools, "0.0200", List.of()),
                trend("PO1234", "0.0200"))).get("referral-chart");
        List<Element> bars = marks(chart);
        assertThat(bars).extracting(b -> text(b).split(":")[0]).containsExactly("11AA11", "44DD44", "22BB22", "33CC33");
        assertThat(bars).extracting(b -> b.getAttribute("fill")).containsExactly("#c8553d", "#4f7cac", "#4f7cac",
                "#4f7cac");
        // the school exactly at the average ends on the average's line; the national line lies left of it
        Element average = byId(chart, "swv-average");
        Element national = byId(chart, "national");
        double end = Double.parseDouble(bars.get(1).getAttribute("x")) + Double.parseDouble(bars.get(1).getAttribute("width"));
        assertThat(Double.parseDouble(average.getAttribute("x1"))).isCloseTo(end, within(0.11));
        assertThat(Double.parseDouble(national.getAttribute("x1"))).isLessThan(Double.parseDouble(average.getAttribute("x1")));
        // the widest bar is A's, the others in proportion
        assertThat(Double.parseDouble(bars.get(0).getAttribute("width")))
                .isCloseTo(2 * Double.parseDouble(bars.get(1).getAttribute("width")), within(0.2));
    }

    // ---- a report made by hand ------------------------------------------------------------------

    private static SwvReport report(String swv, List<SchoolRow> schools, String swvRate, List<RiskSignal> signals) {
        int pupils = schools.stream().filter(r -> r.schoolType() == SchoolType.BAO).mapToInt(SchoolRow::pupils).sum();
        int referrals = schools.stream().mapToInt(r -> r.referralsSbo() + r.referralsSo()).sum();
        Map<SupportLevel, Integer> levels = new EnumMap<>(SupportLevel.class);
        levels.put(SupportLevel.LEVEL_1, 290);
        levels.put(SupportLevel.LEVEL_2, 20);
        levels.put(SupportLevel.LEVEL_3, 7);
        levels.put(SupportLevel.LEVEL_4, 1);
        return new SwvReport(swv, "2025-2026", CountDate.OCTOBER, LocalDate.of(2025, 10, 1),
                new Participation(300, 10, 6, 1, new BigDecimal("0.0323"), new BigDecimal("0.0194"),
                        new BigDecimal("0.025"), new BigDecimal("0.023")),
                new Referrals(pupils, referrals, 0, rate(swvRate), NATIONAL), total(swv, 318, rate(swvRate), levels),
                schools, signals);
    }

    private static Trend trend(String swv, String... rates) {
        List<TrendYear> years = new ArrayList<>();
        int start = 2025 - rates.length + 1;
        for (int i = 0; i < rates.length; i++) {
            int y = start + i;
            years.add(new TrendYear(y + "-" + (y + 1), LocalDate.of(y, 10, 1), 300, 6, rate(rates[i]), null, null));
        }
        return new Trend(swv, CountDate.OCTOBER, NATIONAL, years);
    }

    private static SchoolRow row(String code, SchoolType type, int pupils, int referrals, String rate) {
        return new SchoolRow(code, type, "B1", "PO1234", pupils, referrals, 0, rate(rate), null,
                Map.of(SupportLevel.LEVEL_1, pupils), 0, 0, 0, 0, 0, 0, 0, new EnumMap<>(TlvCategory.class), 0, 0, 0,
                0, 0, 0);
    }

    private static SchoolRow total(String swv, int pupils, BigDecimal rate, Map<SupportLevel, Integer> levels) {
        return new SchoolRow(null, null, null, swv, pupils, 0, 0, rate, rate, levels, 0, 0, 0, 0, 0, 0, 0,
                new EnumMap<>(TlvCategory.class), 0, 0, 0, 0, 0, 0);
    }

    private static BigDecimal rate(String rate) {
        return rate == null ? null : new BigDecimal(rate);
    }

    private static String text(Element e) {
        return e.getTextContent();
    }
}
