package nl.passend.reporting.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year, 1 August to 31 July, written as {@code 2025-2026}. */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    public static Optional<SchoolYear> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != start + 1 || start < 1900 || start > 2999) {
            return Optional.empty();
        }
        return Optional.of(new SchoolYear(start));
    }

    /** The school year {@code date} falls in. */
    public static SchoolYear of(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 8, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 7, 31);
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    public SchoolYear minus(int years) {
        return new SchoolYear(startYear - years);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
