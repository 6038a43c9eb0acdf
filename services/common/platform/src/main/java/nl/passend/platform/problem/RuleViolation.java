package nl.passend.platform.problem;

/**
 * A domain rule a request breaks, thrown by plain domain code (no HTTP in it).
 * {@link Kind#STATE}: not possible in the current state, answered 409; {@link Kind#CONTENT}: the
 * request's content breaks a rule, answered 422; {@link Kind#STALE}: made against a version that is no
 * longer the current one, answered 412; {@link Kind#UNCONDITIONAL}: a change that names no version at
 * all, answered 428. The slug names the problem type.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind {
        STATE,
        CONTENT,
        STALE,
        UNCONDITIONAL
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
