package nl.passend.platform.http;

import jakarta.ws.rs.core.EntityTag;
import nl.passend.platform.problem.Problems;

/** Strong ETags from an aggregate's version, and the If-Match rule: 428 without it, 412 when stale. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks an If-Match header against the current version; {@code *} matches any version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.ifMatchRequired();
        }
        String expected = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(expected)) {
                return;
            }
        }
        throw Problems.staleVersion("If-Match " + ifMatch + " does not match the current version \"" + expected + "\"");
    }
}
