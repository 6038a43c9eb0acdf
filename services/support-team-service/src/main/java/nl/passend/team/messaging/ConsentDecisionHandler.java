package nl.passend.team.messaging;

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
import nl.passend.platform.inbox.EventHandler;
import nl.passend.team.service.CaseConsents;

/**
 * Decisions of consent-service about cases: DISCUSS_IN_SUPPORT_TEAM decides whether a case may be
 * named, ASSESSMENT is recorded with the case that asked it. Other decisions are not about this service. The inbox
 * makes a redelivered decision a no-op.
 */
@ApplicationScoped
public class ConsentDecisionHandler implements EventHandler {

    @Inject
    CaseConsents consents;

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
        if (e.purpose() != ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM && e.purpose() != ConsentPurpose.ASSESSMENT) {
            return;
        }
        require(e.requestId(), event);
        require(e.outcome(), event);
        if (e.purpose() == ConsentPurpose.ASSESSMENT) {
            // asked about the case or, for an anonymous case, about the pupil: found by the request id
            consents.assessmentDecided(e.requestId(), e.outcome(), e.effectiveDate(), event.source());
            return;
        }
        if (e.subject() == null || e.subject().type() != ConsentSubjectType.MEETING_CASE) {
            return; // not about a case of this service
        }
        if (e.subject().id() == null) {
            throw new MalformedEventException("decision " + e.requestId() + " about a case names no case");
        }
        consents.decided(e.subject().id(), e.purpose(), e.requestId(), e.outcome(), e.effectiveDate(), event.source());
    }
}
