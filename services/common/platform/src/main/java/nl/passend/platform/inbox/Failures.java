package nl.passend.platform.inbox;

/** What a dead letter's reason says of a failure. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause's class and message. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
