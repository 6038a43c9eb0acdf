package nl.passend.platform.http;

import java.util.List;

/**
 * One page of a list ordered by (updatedAt, id). {@code nextCursor} is the position after the last
 * item (or the cursor asked with, when nothing new came): a client keeps it and continues from it
 * later to receive only what changed since. {@code hasMore} says the next page can be read at once.
 */
public record Page<T>(List<T> items, String nextCursor, boolean hasMore) {
}
