package nl.passend.platform.inbox;

import java.util.Set;
import nl.passend.events.EventEnvelope;

/**
 * A service's reaction to events of other services. Implementations are CDI beans; the platform's
 * {@link EventConsumer} calls {@link #handle} inside a transaction that also records the event id,
 * so a redelivered event has no second effect. Throw {@link nl.passend.events.MalformedEventException}
 * for an event that can never be processed: it goes to the dead-letter topic at once; any other
 * exception is retried before it does.
 */
public interface EventHandler {

    Set<String> topics();

    void handle(EventEnvelope event);
}
