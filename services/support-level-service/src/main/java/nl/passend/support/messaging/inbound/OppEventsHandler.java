package nl.passend.support.messaging.inbound;

import static nl.passend.platform.directory.PupilDirectoryHandler.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.opp.OppChanged;
import nl.passend.platform.inbox.EventHandler;
import nl.passend.support.service.SupportStates;

/** What the LEVEL_4 signal needs of passend.opp: whether the pupil has an established OPP (established, closed). */
@ApplicationScoped
public class OppEventsHandler implements EventHandler {

    @Inject
    SupportStates states;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OPP);
    }

    @Override
    public void handle(EventEnvelope event) {
        boolean established = event.type().equals(EventType.OPP_ESTABLISHED.type());
        boolean closed = event.type().equals(EventType.OPP_CLOSED.type());
        if (!established && !closed) {
            return; // drafts, consent requests, evaluations: not needed here
        }
        OppChanged e = EventJson.data(event, OppChanged.class);
        states.oppInForce(require(e.pupilId(), event), require(e.schoolCode(), event), established);
    }
}
