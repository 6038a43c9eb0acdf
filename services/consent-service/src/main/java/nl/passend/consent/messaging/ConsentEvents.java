package nl.passend.consent.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.events.EventType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.SubjectRef;
import nl.passend.platform.outbox.Outbox;

/** The events of passend.consent, written to the outbox in the caller's transaction. Ids and codes only. */
@ApplicationScoped
public class ConsentEvents {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    @Inject
    Outbox outbox;

    /** The request's outcome changed to {@code request.outcome} (never OPEN). */
    public void decided(ConsentRequest request) {
        outbox.publish(EventType.CONSENT_DECIDED, request.pupilId.toString(), request.schoolCode,
                new ConsentDecided(request.id, request.purpose, request.pupilId, request.schoolCode,
                        new SubjectRef(request.subjectType, request.subjectId, request.subjectVersion),
                        request.outcome, LocalDate.ofInstant(request.outcomeAt, NL)));
    }
}
