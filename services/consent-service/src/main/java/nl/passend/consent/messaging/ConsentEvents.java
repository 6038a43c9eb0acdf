package nl.passend.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.events.EventType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.SubjectRef;
import nl.passend.platform.outbox.Outbox;
import nl.passend.platform.time.Clocks;

/** The events of passend.consent, written to the outbox in the caller's transaction. Ids and codes only. */
@ApplicationScoped
public class ConsentEvents {

    @Inject
    Outbox outbox;

    /** The request's outcome changed to {@code request.outcome} (never OPEN), effective on the Dutch day it did. */
    public void decided(ConsentRequest request) {
        outbox.publish(EventType.CONSENT_DECIDED, request.pupilId.toString(), request.schoolCode,
                new ConsentDecided(request.id, request.purpose, request.pupilId, request.schoolCode,
                        new SubjectRef(request.subjectType, request.subjectId, request.subjectVersion),
                        request.outcome, LocalDate.ofInstant(request.outcomeAt, Clocks.NL)));
    }
}
