package nl.passend.reporting.generator;

/** One generated event as it goes on the wire: its topic, its key and the CloudEvents JSON. */
public record GeneratedEvent(String topic, String key, String json) {
}
