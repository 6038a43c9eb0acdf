package nl.passend.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.passend.consent.service.PupilCopyService;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilMovedGroup;
import nl.passend.events.pupil.PupilUpdated;
import nl.passend.platform.inbox.EventHandler;

/** Keeps the local copy of pupil → school and guardians (parental authority, login) from passend.pupil. */
@ApplicationScoped
public class PupilEventsHandler implements EventHandler {

    @Inject
    PupilCopyService copy;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PUPIL);
    }

    @Override
    public void handle(EventEnvelope event) {
        EventType type = EventType.byType(event.type()).orElse(null);
        if (type == null) {
            return; // a newer event type this service does not need
        }
        switch (type) {
            case PUPIL_ENROLLED -> {
                PupilEnrolled e = EventJson.data(event, PupilEnrolled.class);
                copy.pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
            }
            case PUPIL_UPDATED -> {
                PupilUpdated e = EventJson.data(event, PupilUpdated.class);
                copy.pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
            }
            case PUPIL_MOVED_GROUP -> {
                PupilMovedGroup e = EventJson.data(event, PupilMovedGroup.class);
                copy.pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
            }
            case GUARDIAN_ADDED, GUARDIAN_CHANGED -> {
                GuardianChanged e = EventJson.data(event, GuardianChanged.class);
                copy.guardian(require(e.pupilId(), event), require(e.guardianId(), event), e.accountId(),
                        e.hasParentalAuthority(), e.schoolCode(), event.source());
            }
            case GUARDIAN_REMOVED -> {
                GuardianChanged e = EventJson.data(event, GuardianChanged.class);
                copy.guardianRemoved(require(e.pupilId(), event), require(e.guardianId(), event), event.source());
            }
            case PUPIL_ERASED -> copy.erased(require(EventJson.data(event, PupilErased.class).pupilId(), event));
            default -> {
                // schools, boards, SWVs, leaving, professionals: not needed for consent
            }
        }
    }

    static <T> T require(T value, EventEnvelope event) {
        if (value == null) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " lacks a required field");
        }
        return value;
    }
}
