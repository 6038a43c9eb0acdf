package nl.passend.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.passend.platform.problem.Problems;

/** A position in a list ordered by (updatedAt, id); opaque to clients. */
public record Cursor(Instant updatedAt, UUID id) {

    /** The position after the last row of a page; {@code after} again when the page is empty. */
    public static <T> Cursor after(Cursor after, List<T> page, Function<T, Instant> updatedAt, Function<T, UUID> id) {
        if (page.isEmpty()) {
            return after;
        }
        T last = page.get(page.size() - 1);
        return new Cursor(updatedAt.apply(last), id.apply(last));
    }

    public String encode() {
        String raw = updatedAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page); a 400 problem for one that was not made here. */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw Problems.badRequest("invalid-cursor", "cursor is not one this API handed out");
        }
    }
}
