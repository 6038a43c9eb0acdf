package nl.passend.reporting.messaging;

import static nl.passend.reporting.messaging.ProjectionWriter.data;
import static nl.passend.reporting.messaging.ProjectionWriter.name;

import java.sql.SQLException;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.support.SupportSignal;
import nl.passend.reporting.domain.SignalKind;

/** support-level-service's events: level changes (a correction hides the change it corrects) and its signals. */
final class SupportProjection {

    private final ProjectionWriter writer;

    SupportProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    boolean apply(EventType type, EventEnvelope event) throws SQLException {
        return switch (type) {
            case SUPPORT_LEVEL_CHANGED -> levelChanged(event);
            case SUPPORT_SIGNAL_RAISED, SUPPORT_SIGNAL_RESOLVED -> {
                SupportSignal s = data(event, SupportSignal.class);
                yield writer.signal(event, s.pupilId(), s.schoolCode(), SignalKind.of(s.kind()),
                        s.domain() == null ? "-" : s.domain().name(), type == EventType.SUPPORT_SIGNAL_RAISED,
                        s.effectiveDate());
            }
            default -> false;
        };
    }

    private boolean levelChanged(EventEnvelope event) throws SQLException {
        SupportLevelChanged c = data(event, SupportLevelChanged.class);
        if (writer.skips(c.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into level_change (change_id, pupil_id, school_code, level, corrects_change_id,
                    effective_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (change_id) do nothing
                """, c.changeId(), c.pupilId(), c.schoolCode(), name(c.level()), c.correctsChangeId(),
                c.effectiveDate(), event.time());
        return true;
    }
}
