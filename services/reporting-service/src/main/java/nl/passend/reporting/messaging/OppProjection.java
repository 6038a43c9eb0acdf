package nl.passend.reporting.messaging;

import static nl.passend.reporting.messaging.ProjectionWriter.data;
import static nl.passend.reporting.messaging.ProjectionWriter.name;

import java.sql.SQLException;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.reporting.domain.SignalKind;

/** opp-service's events: each status change of an OPP, and its signal of an OPP overdue. */
final class OppProjection {

    private final ProjectionWriter writer;

    OppProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    boolean apply(EventType type, EventEnvelope event) throws SQLException {
        return switch (type) {
            case OPP_DRAFTED, OPP_IN_DIALOGUE, OPP_CONSENTED, OPP_ESTABLISHED, OPP_EVALUATED, OPP_CONSENT_WITHDRAWN,
                    OPP_CLOSED -> statusChanged(event);
            case OPP_OVERDUE, OPP_OVERDUE_RESOLVED -> {
                OppOverdue o = data(event, OppOverdue.class);
                yield writer.signal(event, o.pupilId(), o.schoolCode(), SignalKind.of(o.kind()),
                        o.planId() == null ? "-" : o.planId().toString(), type == EventType.OPP_OVERDUE,
                        o.effectiveDate());
            }
            default -> false;
        };
    }

    private boolean statusChanged(EventEnvelope event) throws SQLException {
        OppChanged o = data(event, OppChanged.class);
        if (writer.skips(o.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into opp_event (event_id, plan_id, pupil_id, school_code, status, effective_date)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                """, event.id(), o.planId(), o.pupilId(), o.schoolCode(), name(o.status()), o.effectiveDate());
        return true;
    }
}
