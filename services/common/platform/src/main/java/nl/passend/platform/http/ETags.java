package nl.passend.platform.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;
import nl.passend.platform.domain.ExpectedVersion;

/**
 * Strong ETags from an aggregate's version, and If-Match as the version a change is made against; the
 * service refuses a change without one (428) or with a stale one (412).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The versions an If-Match header names ({@code *}: any; none without the header). A tag that is
     * no version of ours matches none, so the change is refused as stale.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.NONE;
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return ExpectedVersion.ANY;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                versions.add(Long.parseLong(tag));
            } catch (NumberFormatException e) {
                // not one of our tags: matches no version
            }
        }
        return ExpectedVersion.anyOf(versions);
    }
}
