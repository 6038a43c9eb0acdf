package nl.passend.reporting.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.platform.http.CsvTable;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Participation;
import nl.passend.reporting.domain.RiskSignal;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.Trend;

/**
 * The reports as CSV tables: a header and a line per school, signal or school year. Rates are
 * fractions written with a dot (0.0125), a missing rate an empty field; the platform's writer does
 * the quoting.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    /** One line per school, and a total line (scope SWV or BOARD) when given. */
    public static CsvTable schools(String schoolYear, CountDate countDate, List<SchoolRow> schools, String totalScope,
            SchoolRow total) {
        List<List<Object>> lines = new ArrayList<>();
        for (SchoolRow row : schools) {
            lines.add(schoolLine(schoolYear, countDate, "SCHOOL", row.schoolCode(), row));
        }
        if (total != null) {
            String code = totalScope.equals("SWV") ? total.swvCode() : null;
            lines.add(schoolLine(schoolYear, countDate, totalScope, code, total));
        }
        return new CsvTable(schoolHeader(), lines);
    }

    private static List<String> schoolHeader() {
        List<String> header = new ArrayList<>(List.of("schoolYear", "countDate", "scope", "code", "schoolType",
                "boardCode", "swvCode", "pupils", "referralsSbo", "referralsSo", "referralRate", "swvReferralRate"));
        for (SupportLevel level : SupportLevel.values()) {
            header.add("pupils" + camel(level.name()));
        }
        header.addAll(List.of("activeOpps", "oppsNotEstablishedInTime", "oppsNotEvaluatedInTime", "level4WithoutOpp",
                "arrangementsActive", "arrangementsStarted", "tlvsRequested"));
        for (TlvCategory category : TlvCategory.values()) {
            header.add("tlvsGranted" + camel(category.name()));
        }
        header.addAll(List.of("tlvsRefused", "pupilsDiscussedThreeTimes", "pupilsDiscussedRepeatedly", "botCases",
                "tlvWithoutPlace", "thuiszitters"));
        return header;
    }

    private static List<Object> schoolLine(String schoolYear, CountDate countDate, String scope, String code,
            SchoolRow r) {
        List<Object> line = new ArrayList<>(List.of(schoolYear, countDate, scope));
        line.add(code);
        line.add(r.schoolType());
        line.add(r.boardCode());
        line.add(r.swvCode());
        line.addAll(List.of(r.pupils(), r.referralsSbo(), r.referralsSo()));
        line.add(rate(r.referralRate()));
        line.add(rate(r.swvReferralRate()));
        for (SupportLevel level : SupportLevel.values()) {
            line.add(r.levels().getOrDefault(level, 0));
        }
        line.addAll(List.of(r.activeOpps(), r.oppsNotEstablishedInTime(), r.oppsNotEvaluatedInTime(),
                r.level4WithoutOpp(), r.arrangementsActive(), r.arrangementsStarted(), r.tlvsRequested()));
        for (TlvCategory category : TlvCategory.values()) {
            line.add(r.tlvsGranted().getOrDefault(category, 0));
        }
        line.addAll(List.of(r.tlvsRefused(), r.pupilsDiscussedThreeTimes(), r.pupilsDiscussedRepeatedly(),
                r.botCases(), r.tlvWithoutPlace(), r.thuiszitters()));
        return line;
    }

    /** One line per signal; its figures as {@code name=value} pairs separated by semicolons. */
    public static CsvTable signals(String schoolYear, CountDate countDate, List<RiskSignal> signals) {
        List<List<Object>> lines = new ArrayList<>();
        for (RiskSignal s : signals) {
            String figures = s.figures().entrySet().stream().map(e -> e.getKey() + "=" + number(e.getValue()))
                    .collect(Collectors.joining(";"));
            lines.add(List.of(schoolYear, countDate, s.schoolCode(), s.kind(), figures));
        }
        return new CsvTable(List.of("schoolYear", "countDate", "schoolCode", "signal", "figures"), lines);
    }

    public static CsvTable participation(String swvCode, String schoolYear, CountDate countDate, Participation p) {
        List<String> header = List.of("swvCode", "schoolYear", "countDate", "bao", "sbo", "so", "soWithoutKnownTlv",
                "sboRate", "soRate", "nationalSboRate", "nationalSoRate");
        List<Object> line = new ArrayList<>(List.of(swvCode, schoolYear, countDate, p.bao(), p.sbo(), p.so(),
                p.soWithoutKnownTlv()));
        line.add(rate(p.sboRate()));
        line.add(rate(p.soRate()));
        line.add(rate(p.nationalSboRate()));
        line.add(rate(p.nationalSoRate()));
        return new CsvTable(header, List.of(line));
    }

    public static CsvTable trend(Trend trend) {
        List<String> header = List.of("swvCode", "schoolYear", "countDate", "countDateOn", "pupils", "referrals",
                "referralRate", "nationalReferralRate", "sboRate", "soRate");
        List<List<Object>> lines = new ArrayList<>();
        trend.years().forEach(y -> {
            List<Object> line = new ArrayList<>(List.of(trend.swvCode(), y.schoolYear(), trend.countDate(),
                    y.countDateOn(), y.pupils(), y.referrals()));
            line.add(rate(y.referralRate()));
            line.add(rate(trend.nationalReferralRate()));
            line.add(rate(y.sboRate()));
            line.add(rate(y.soRate()));
            lines.add(line);
        });
        return new CsvTable(header, lines);
    }

    /** A rate as written in the CSV: plain digits, never an exponent; null (an empty field) when there is none. */
    private static String rate(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    private static String number(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : String.valueOf(n);
    }

    /** {@code LEVEL_1} as {@code Level1}, for a column name. */
    private static String camel(String code) {
        StringBuilder b = new StringBuilder();
        for (String part : code.toLowerCase().split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
