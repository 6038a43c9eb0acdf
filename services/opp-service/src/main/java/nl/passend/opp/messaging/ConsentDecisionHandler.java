package nl.passend.opp.messaging;

import static nl.passend.platform.directory.PupilDirectoryHandler.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.opp.service.ConsentOutcomes;
import nl.passend.platform.inbox.EventHandler;

/**
 * Decisions of consent-service: OPP_ACTION_PART decisions about an OPP version move its lifecycle;
 * SHARE_WITH_SWV decisions open or close the plan to the SWV consultant. The inbox makes a
 * redelivered decision a no-op.
 */
@ApplicationScoped
public class ConsentDecisionHandler implements EventHandler {

    @Inject
    ConsentOutcomes outcomes;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CONSENT);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!event.type().equals(EventType.CONSENT_DECIDED.type())) {
            return;
        }
        ConsentDecided e = EventJson.data(event, ConsentDecided.class);
        require(e.requestId(), event);
        require(e.outcome(), event);
        if (e.purpose() == ConsentPurpose.SHARE_WITH_SWV) {
            outcomes.shareWithSwv(require(e.pupilId(), event), e.requestId(), e.outcome(), event.time().toInstant(),
                    event.source());
        } else if (e.purpose() == ConsentPurpose.OPP_ACTION_PART) {
            if (e.subject() == null || e.subject().type() != ConsentSubjectType.OPP || e.subject().id() == null) {
                throw new MalformedEventException("OPP_ACTION_PART decision " + e.requestId() + " is not about an OPP");
            }
            outcomes.actionPart(e.subject().id(), e.subject().version(), e.requestId(), e.outcome(),
                    e.effectiveDate(), event.source());
        }
    }
}
