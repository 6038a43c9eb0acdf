package nl.passend.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/** Builds and reads envelopes with one fixed JSON configuration, so every service writes the same bytes. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new envelope with a fresh id, recorded at {@code time}. */
    public static EventEnvelope envelope(EventType type, String source, String subject, String schoolCode,
            EventPayload payload, Instant time) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                time.atOffset(ZoneOffset.UTC), subject, schoolCode, EventEnvelope.CONTENT_TYPE,
                MAPPER.valueToTree(payload));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize event " + envelope.id(), e);
        }
    }

    /** Parses an envelope; throws {@link MalformedEventException} for anything that is not one. */
    public static EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
                throw new MalformedEventException("unsupported specversion " + envelope.specversion());
            }
            return envelope;
        } catch (MalformedEventException e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedEventException("not a CloudEvents envelope: " + e.getMessage(), e);
        }
    }

    /**
     * Parses an envelope read from {@code topic}; throws {@link MalformedEventException} also when its
     * {@code source} is not the topic's one writer (the broker's ACLs say the same; this checks it again).
     */
    public static EventEnvelope readFrom(String topic, String json) {
        EventEnvelope envelope = read(json);
        if (!Topics.isWrittenBy(topic, envelope.source())) {
            throw new MalformedEventException("event " + envelope.id() + " has source " + envelope.source()
                    + ", but only " + Topics.source(Topics.writer(topic)) + " writes " + topic);
        }
        return envelope;
    }

    /** The envelope's data as the payload record of its type. */
    public static <T extends EventPayload> T data(EventEnvelope envelope, Class<T> payloadType) {
        try {
            return MAPPER.treeToValue(envelope.data(), payloadType);
        } catch (Exception e) {
            throw new MalformedEventException("event " + envelope.id() + " of type " + envelope.type()
                    + " has invalid data: " + e.getMessage(), e);
        }
    }
}
