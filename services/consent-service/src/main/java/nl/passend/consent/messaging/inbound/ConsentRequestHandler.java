package nl.passend.consent.messaging.inbound;

import static nl.passend.platform.directory.PupilDirectoryHandler.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.passend.consent.service.ConsentIntake;
import nl.passend.consent.service.NewRequest;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.platform.inbox.EventHandler;

/**
 * Consent requests of opp-service (passend.opp) and support-team-service (passend.team). Each is
 * stored once: the inbox skips a redelivered event, the requestId a request sent twice. It lives with
 * the intake it feeds, not in messaging: messaging holds what this service publishes, which the
 * services here use, and a handler there calling them would make the two packages depend on each
 * other.
 */
@ApplicationScoped
public class ConsentRequestHandler implements EventHandler {

    @Inject
    ConsentIntake intake;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OPP, Topics.TEAM);
    }

    @Override
    public void handle(EventEnvelope event) {
        boolean request = event.type().equals(EventType.OPP_CONSENT_REQUESTED.type())
                || event.type().equals(EventType.TEAM_CONSENT_REQUESTED.type());
        if (!request) {
            return; // the requesters' other events are not consent-service's business
        }
        ConsentRequested e = EventJson.data(event, ConsentRequested.class);
        if (e.subject() == null || e.subject().type() == null || e.subject().id() == null) {
            throw new MalformedEventException("consent request " + e.requestId() + " lacks its subject");
        }
        try {
            intake.receive(new NewRequest(require(e.requestId(), event), require(e.purpose(), event),
                    require(e.pupilId(), event), require(e.schoolCode(), event), e.subject().type(), e.subject().id(),
                    e.subject().version(), event.source()));
        } catch (io.quarkiverse.resteasy.problem.HttpProblem conflict) {
            throw new MalformedEventException("consent request " + e.requestId() + ": " + conflict.getDetail());
        }
    }
}
