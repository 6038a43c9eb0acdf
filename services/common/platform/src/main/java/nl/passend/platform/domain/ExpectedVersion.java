package nl.passend.platform.domain;

import java.util.Set;
import nl.passend.platform.problem.RuleViolation;

/**
 * The versions of an aggregate a change may be made against: what the caller last saw (the API takes
 * it from If-Match). A change without one is refused as {@link RuleViolation.Kind#UNCONDITIONAL}; a
 * change to an aggregate whose version is none of them would overwrite a change the caller has not
 * seen, and is refused as {@link RuleViolation.Kind#STALE}. Checked after the caller may see the
 * aggregate at all, so that neither answer reveals one it may not.
 */
public final class ExpectedVersion {

    /** Any version will do (If-Match: *). */
    public static final ExpectedVersion ANY = new ExpectedVersion(Set.of(), true);

    /** The caller named no version. */
    public static final ExpectedVersion NONE = new ExpectedVersion(Set.of(), false);

    private final Set<Long> versions;
    private final boolean any;

    private ExpectedVersion(Set<Long> versions, boolean any) {
        this.versions = versions;
        this.any = any;
    }

    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Set.of(version), false);
    }

    public static ExpectedVersion anyOf(Set<Long> versions) {
        return new ExpectedVersion(Set.copyOf(versions), false);
    }

    /** Refuses the change unless the aggregate's current version is an expected one. */
    public void require(long current) {
        if (this == NONE) {
            throw new RuleViolation(RuleViolation.Kind.UNCONDITIONAL, "if-match-required",
                    "send the resource's current ETag in If-Match to change it");
        }
        if (!any && !versions.contains(current)) {
            throw new RuleViolation(RuleViolation.Kind.STALE, "stale-version",
                    "the version you changed (" + this + ") is not the current version \"" + current + "\"");
        }
    }

    @Override
    public String toString() {
        return any ? "*" : versions.stream().sorted().map(v -> "\"" + v + "\"").reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
