package nl.passend.opp.domain;

/**
 * A rule of the OPP that a request breaks. {@link Kind#STATE}: not possible in the plan's current
 * state (409); {@link Kind#CONTENT}: the request's content breaks a rule (422).
 */
public class RuleViolation extends RuntimeException {

    public enum Kind {
        STATE,
        CONTENT
    }

    private final Kind kind;
    private final String slug;

    public RuleViolation(Kind kind, String slug, String message) {
        super(message);
        this.kind = kind;
        this.slug = slug;
    }

    public Kind kind() {
        return kind;
    }

    /** The problem type's slug, e.g. {@code not-a-draft}. */
    public String slug() {
        return slug;
    }
}
