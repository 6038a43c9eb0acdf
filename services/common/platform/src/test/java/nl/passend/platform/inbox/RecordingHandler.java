package nl.passend.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.passend.events.EventEnvelope;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;

/**
 * A handler with a database effect. data.mode decides: "ok" writes a row; "fail" writes a row and
 * then throws (so the row must roll back); "fail-once" does so on the event's first attempt only;
 * "malformed" rejects the event as unprocessable.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.SUPPORT);
    }

    @Override
    public void handle(EventEnvelope event) {
        int attempt = ATTEMPTS.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        String mode = event.data().path("mode").asText("ok");
        if (mode.equals("malformed")) {
            throw new MalformedEventException("data.mode says this event can never be processed");
        }
        em.createNativeQuery("insert into handled_event (event_id, note) values (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, event.data().path("note").asText("")).executeUpdate();
        em.flush();
        if (mode.equals("fail") || (mode.equals("fail-once") && attempt == 1)) {
            FAILED_ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("simulated failure of the handler, after its insert");
        }
    }
}
