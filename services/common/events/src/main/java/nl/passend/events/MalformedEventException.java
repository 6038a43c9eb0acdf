package nl.passend.events;

/** An event that can never be processed as it stands: it belongs on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
