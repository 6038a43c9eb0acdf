package nl.passend.reporting.messaging;

import static nl.passend.reporting.messaging.ProjectionWriter.data;
import static nl.passend.reporting.messaging.ProjectionWriter.name;

import java.sql.SQLException;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.consent.ConsentDecided;

/** consent-service's events: each decision on a request for consent. */
final class ConsentProjection {

    private final ProjectionWriter writer;

    ConsentProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    boolean apply(EventType type, EventEnvelope event) throws SQLException {
        if (type != EventType.CONSENT_DECIDED) {
            return false;
        }
        ConsentDecided d = data(event, ConsentDecided.class);
        if (writer.skips(d.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into consent_decision (event_id, request_id, pupil_id, school_code, purpose, outcome,
                    effective_date) values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                """, event.id(), d.requestId(), d.pupilId(), d.schoolCode(), name(d.purpose()), name(d.outcome()),
                d.effectiveDate());
        return true;
    }
}
