package nl.passend.reporting.messaging;

import static nl.passend.reporting.messaging.ProjectionWriter.data;
import static nl.passend.reporting.messaging.ProjectionWriter.name;

import java.sql.SQLException;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;
import nl.passend.reporting.domain.SignalKind;

/**
 * support-team-service's events: arrangements (the latest recorded version wins), TLVs (the request's
 * facts from one event, the decision's from the other), cases discussed, and its signals.
 */
final class TeamProjection {

    private final ProjectionWriter writer;

    TeamProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    boolean apply(EventType type, EventEnvelope event) throws SQLException {
        return switch (type) {
            case ARRANGEMENT_STARTED, ARRANGEMENT_ENDED -> arrangement(event);
            case TLV_REQUESTED -> tlvRequested(data(event, TlvChanged.class));
            case TLV_DECIDED -> tlvDecided(data(event, TlvChanged.class));
            case CASE_DISCUSSED -> caseDiscussed(data(event, CaseDiscussed.class));
            case TEAM_SIGNAL_RAISED, TEAM_SIGNAL_RESOLVED -> {
                TeamSignal s = data(event, TeamSignal.class);
                yield writer.signal(event, s.pupilId(), s.schoolCode(), SignalKind.of(s.kind()),
                        s.actionItemId() == null ? "-" : s.actionItemId().toString(),
                        type == EventType.TEAM_SIGNAL_RAISED, s.effectiveDate());
            }
            default -> false;
        };
    }

    private boolean arrangement(EventEnvelope event) throws SQLException {
        ArrangementChanged a = data(event, ArrangementChanged.class);
        if (writer.skips(a.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into arrangement (arrangement_id, pupil_id, school_code, kind, funding_source, start_date,
                    end_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (arrangement_id) do update set kind = excluded.kind,
                    funding_source = excluded.funding_source, start_date = excluded.start_date,
                    end_date = excluded.end_date, recorded_at = excluded.recorded_at
                where arrangement.recorded_at <= excluded.recorded_at
                """, a.arrangementId(), a.pupilId(), a.schoolCode(), name(a.kind()), name(a.fundingSource()),
                a.startDate(), a.endDate(), event.time());
        return true;
    }

    private boolean tlvRequested(TlvChanged t) throws SQLException {
        if (writer.skips(t.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into tlv (tlv_id, pupil_id, school_code, swv_code, target, requested_on)
                values (?, ?, ?, ?, ?, ?)
                on conflict (tlv_id) do update set swv_code = excluded.swv_code, target = excluded.target,
                    requested_on = excluded.requested_on
                """, t.tlvId(), t.pupilId(), t.schoolCode(), t.swvCode(), name(t.target()), t.effectiveDate());
        return true;
    }

    private boolean tlvDecided(TlvChanged t) throws SQLException {
        if (writer.skips(t.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into tlv (tlv_id, pupil_id, school_code, swv_code, target, outcome, category,
                    issuing_swv_code, start_date, end_date, decided_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tlv_id) do update set outcome = excluded.outcome, category = excluded.category,
                    issuing_swv_code = excluded.issuing_swv_code, start_date = excluded.start_date,
                    end_date = excluded.end_date, decided_on = excluded.decided_on,
                    target = coalesce(tlv.target, excluded.target)
                """, t.tlvId(), t.pupilId(), t.schoolCode(), t.swvCode(), name(t.target()), name(t.outcome()),
                name(t.category()), t.issuingSwvCode(), t.startDate(), t.endDate(), t.effectiveDate());
        return true;
    }

    /** A case discussed by name carries the pupil; an anonymous one only counts for its school. */
    private boolean caseDiscussed(CaseDiscussed c) throws SQLException {
        if (c.pupilId() != null && writer.skips(c.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into case_discussed (case_id, meeting_id, pupil_id, school_code, meeting_type, discussed_on)
                values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing
                """, c.caseId(), c.meetingId(), c.named() ? c.pupilId() : null, c.schoolCode(),
                name(c.meetingType()), c.effectiveDate());
        return true;
    }
}
