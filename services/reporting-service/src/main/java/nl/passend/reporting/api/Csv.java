package nl.passend.reporting.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import nl.passend.reporting.domain.Participation;
import nl.passend.reporting.domain.SchoolRow;
import nl.passend.reporting.domain.Trend;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.RiskSignal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The reports as CSV (RFC 4180, a header line, rates as fractions with a dot). */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** One line per school, and a total line (scope SWV or BOARD) when given. */
    public static String rows(String schoolYear, CountDate countDate, List<SchoolRow> schools, String totalScope,
            SchoolRow total) {
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
        List<List<Object>> lines = new ArrayList<>();
        for (SchoolRow row : schools) {
            lines.add(line(schoolYear, countDate, "SCHOOL", row.schoolCode(), row));
        }
        if (total != null) {
            lines.add(line(schoolYear, countDate, totalScope, totalScope.equals("SWV") ? total.swvCode() : null, total));
        }
        return write(header, lines);
    }

    private static List<Object> line(String schoolYear, CountDate countDate, String scope, String code, SchoolRow r) {
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
    public static String signals(String schoolYear, CountDate countDate, List<RiskSignal> signals) {
        List<List<Object>> lines = new ArrayList<>();
        for (RiskSignal s : signals) {
            lines.add(List.of(schoolYear, countDate, s.schoolCode(), s.kind(), s.figures().entrySet().stream()
                    .map(e -> e.getKey() + "=" + number(e.getValue())).collect(Collectors.joining(";"))));
        }
        return write(List.of("schoolYear", "countDate", "schoolCode", "signal", "figures"), lines);
    }

    public static String participation(String swvCode, String schoolYear, CountDate countDate, Participation p) {
        return write(List.of("swvCode", "schoolYear", "countDate", "bao", "sbo", "so", "soWithoutKnownTlv", "sboRate",
                "soRate", "nationalSboRate", "nationalSoRate"), List.of(List.of(swvCode, schoolYear, countDate, p.bao(),
                p.sbo(), p.so(), p.soWithoutKnownTlv(), rate(p.sboRate()), rate(p.soRate()), rate(p.nationalSboRate()),
                rate(p.nationalSoRate()))));
    }

    public static String trend(Trend trend) {
        List<List<Object>> lines = new ArrayList<>();
        trend.years().forEach(y -> lines.add(List.of(trend.swvCode(), y.schoolYear(), trend.countDate(), y.countDateOn(),
                y.pupils(), y.referrals(), rate(y.referralRate()), rate(trend.nationalReferralRate()), rate(y.sboRate()),
                rate(y.soRate()))));
        return write(List.of("swvCode", "schoolYear", "countDate", "countDateOn", "pupils", "referrals", "referralRate",
                "nationalReferralRate", "sboRate", "soRate"), lines);
    }

    private static String write(List<String> header, List<List<Object>> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> line : lines) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }

    private static String number(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : String.valueOf(n);
    }

    private static String camel(String code) {
        StringBuilder b = new StringBuilder();
        for (String part : code.toLowerCase().split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }
}
