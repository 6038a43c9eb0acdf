package nl.passend.opp.messaging.inbound;

import static nl.passend.platform.directory.PupilDirectoryHandler.require;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.support.ExtraSupportStarted;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.opp.domain.DueReason;
import nl.passend.opp.service.OppDueDates;
import nl.passend.platform.inbox.EventHandler;

/** The starts of extra support that start the OPP clock: level 4 (passend.support) and arrangements (passend.team). */
@ApplicationScoped
public class ClockEventsHandler implements EventHandler {

    @Inject
    OppDueDates dueDates;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.SUPPORT, Topics.TEAM);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (event.type().equals(EventType.EXTRA_SUPPORT_STARTED.type())) {
            ExtraSupportStarted e = EventJson.data(event, ExtraSupportStarted.class);
            dueDates.start(require(e.pupilId(), event), require(e.schoolCode(), event), DueReason.EXTRA_SUPPORT,
                    "support:" + require(e.changeId(), event), require(e.effectiveDate(), event), event.source());
        } else if (event.type().equals(EventType.ARRANGEMENT_STARTED.type())) {
            ArrangementChanged e = EventJson.data(event, ArrangementChanged.class);
            dueDates.start(require(e.pupilId(), event), require(e.schoolCode(), event), DueReason.ARRANGEMENT,
                    "arrangement:" + require(e.arrangementId(), event), require(e.startDate(), event), event.source());
        }
    }
}
