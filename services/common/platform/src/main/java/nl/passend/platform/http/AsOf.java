package nl.passend.platform.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.time.Clocks;

/**
 * The {@code asOf} query parameter of a pupil-level read: show the state as it stood at the end of
 * this day (a Dutch day, Europe/Amsterdam). Each service decides what that means for its data and
 * documents it; the common parts are here: a row counts as known when it was recorded before
 * {@link #end()}, and a business date is reached when it is on or before {@link #date()}.
 *
 * <p>Absent or empty, as every optional parameter here, it is no asOf: the state now. Bad input is a
 * 400 problem naming the parameter: a value that is not a date {@code yyyy-MM-dd}, and a day after
 * today (the file of today, which has not ended yet, is the file as it is now; a day still to come
 * has no state to show).
 */
public record AsOf(LocalDate date) {

    /** The name of the query parameter. */
    public static final String PARAM = "asOf";

    public AsOf {
        if (date == null) {
            throw new IllegalArgumentException("date");
        }
    }

    /** The parameter's value as the caller sent it, against today on the service's clock; null when absent or empty. */
    public static AsOf parse(String value, Clock clock) {
        return parse(value, LocalDate.now(clock));
    }

    /**
     * A read that takes asOf: {@code asOfDay} as of the caller's day when they gave one (400 for a bad
     * one), else {@code now}, the read as it is now.
     */
    public static <T> T orNow(String value, Clock clock, Function<AsOf, T> asOfDay, Supplier<T> now) {
        AsOf day = parse(value, clock);
        return day != null ? asOfDay.apply(day) : now.get();
    }

    /** As {@link #parse(String, Clock)}, with today given. */
    public static AsOf parse(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid("asOf must be a date yyyy-MM-dd, not '" + value + "'");
        }
        if (date.isAfter(today)) {
            throw invalid("asOf " + date + " lies in the future (today is " + today + ")");
        }
        return new AsOf(date);
    }

    /** The first instant after the day: what was recorded before it was known at the end of the day. */
    public Instant end() {
        return date.plusDays(1).atStartOfDay(Clocks.NL).toInstant();
    }

    /** Whether something recorded at {@code recordedAt} was known at the end of the day. */
    public boolean known(Instant recordedAt) {
        return recordedAt != null && recordedAt.isBefore(end());
    }

    /** Whether a business date (an effective date, a start, a meeting's day) had come by the day. */
    public boolean reached(LocalDate day) {
        return day != null && !day.isAfter(date);
    }

    /** What the audit entry of a read as of this day says besides its action. */
    public String audit() {
        return PARAM + "=" + date;
    }

    @Override
    public String toString() {
        return date.toString();
    }

    private static HttpProblem invalid(String detail) {
        return Problems.invalidParameter(PARAM, detail);
    }
}
