package nl.passend.platform.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import nl.passend.platform.problem.Problems;

/** Parsing of path and query parameters into 400 problems rather than JAX-RS's bare 404s. */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.invalidParameter(name, name + " must be a UUID, not '" + value + "'");
        }
    }

    /** A whole number in [min, max]; {@code fallback} when absent. JAX-RS would answer 404 for "abc". */
    public static int integer(String value, String name, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidParameter(name,
                name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    public static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(name,
                    name + " must be an ISO-8601 date-time with offset, e.g. 2026-09-01T00:00:00Z");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.invalidParameter(name, name + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }
}
