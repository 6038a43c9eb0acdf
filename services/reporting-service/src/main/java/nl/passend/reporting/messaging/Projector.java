package nl.passend.reporting.messaging;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.MalformedEventException;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.support.SupportSignal;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;
import nl.passend.reporting.domain.SignalKind;

/**
 * Writes events into the projections over one JDBC connection, batching statements until
 * {@link #flush()}. Each event writes only the facts it carries, keyed so that a redelivery rewrites
 * the same row and the order of arrival does not matter. Events about an erased pupil are skipped.
 * Types the reports do not use (guardians, interventions, requests for consent...) are ignored.
 */
public final class Projector implements AutoCloseable {

    private final Connection connection;
    private final Set<UUID> erased;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

    /** {@code erased}: the erased pupils, kept up to date by this projector as erasures come in. */
    public Projector(Connection connection, Set<UUID> erased) {
        this.connection = connection;
        this.erased = erased;
    }

    /** Applies one event; false if it was skipped (a type reports do not use, or an erased pupil). */
    public boolean apply(EventEnvelope event) throws SQLException {
        EventType type = EventType.byType(event.type()).orElse(null);
        if (type == null) {
            return false; // a newer producer's type: nothing reports use yet
        }
        OffsetDateTime recorded = event.time();
        switch (type) {
            case SCHOOL_REGISTERED, SCHOOL_CHANGED -> {
                SchoolChanged s = data(event, SchoolChanged.class);
                batch("""
                        insert into school (school_code, school_type, board_code, swv_code, recorded_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (school_code) do update set school_type = excluded.school_type,
                            board_code = excluded.board_code, swv_code = excluded.swv_code, recorded_at = excluded.recorded_at
                        where school.recorded_at <= excluded.recorded_at
                        """, s.schoolCode(), name(s.schoolType()), s.boardCode(), s.swvCode(), recorded);
            }
            case PUPIL_ENROLLED -> {
                PupilEnrolled e = data(event, PupilEnrolled.class);
                if (skip(e.pupilId())) {
                    return false;
                }
                batch("""
                        insert into enrolment (enrolment_id, pupil_id, school_code, start_date) values (?, ?, ?, ?)
                        on conflict (enrolment_id) do update set start_date = excluded.start_date
                        """, e.enrolmentId(), e.pupilId(), e.schoolCode(), e.effectiveDate());
            }
            case PUPIL_LEFT -> {
                PupilLeft l = data(event, PupilLeft.class);
                if (skip(l.pupilId())) {
                    return false;
                }
                batch("""
                        insert into enrolment (enrolment_id, pupil_id, school_code, end_date, destination, destination_school_code)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (enrolment_id) do update set end_date = excluded.end_date,
                            destination = excluded.destination, destination_school_code = excluded.destination_school_code
                        """, l.enrolmentId(), l.pupilId(), l.schoolCode(), l.effectiveDate(), name(l.destination()),
                        l.destinationSchoolCode());
            }
            case PUPIL_ERASED -> erase(data(event, PupilErased.class));
            case SUPPORT_LEVEL_CHANGED -> {
                SupportLevelChanged c = data(event, SupportLevelChanged.class);
                if (skip(c.pupilId())) {
                    return false;
                }
                batch("""
                        insert into level_change (change_id, pupil_id, school_code, level, corrects_change_id,
                            effective_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (change_id) do nothing
                        """, c.changeId(), c.pupilId(), c.schoolCode(), name(c.level()), c.correctsChangeId(),
                        c.effectiveDate(), recorded);
            }
            case SUPPORT_SIGNAL_RAISED, SUPPORT_SIGNAL_RESOLVED -> {
                SupportSignal s = data(event, SupportSignal.class);
                return signal(event, s.pupilId(), s.schoolCode(), SignalKind.of(s.kind()),
                        s.domain() == null ? "-" : s.domain().name(), type == EventType.SUPPORT_SIGNAL_RAISED,
                        s.effectiveDate());
            }
            case OPP_DRAFTED, OPP_IN_DIALOGUE, OPP_CONSENTED, OPP_ESTABLISHED, OPP_EVALUATED, OPP_CONSENT_WITHDRAWN,
                    OPP_CLOSED -> {
                OppChanged o = data(event, OppChanged.class);
                if (skip(o.pupilId())) {
                    return false;
                }
                batch("""
                        insert into opp_event (event_id, plan_id, pupil_id, school_code, status, effective_date)
                        values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                        """, event.id(), o.planId(), o.pupilId(), o.schoolCode(), name(o.status()), o.effectiveDate());
            }
            case OPP_OVERDUE, OPP_OVERDUE_RESOLVED -> {
                OppOverdue o = data(event, OppOverdue.class);
                return signal(event, o.pupilId(), o.schoolCode(), SignalKind.of(o.kind()),
                        o.planId() == null ? "-" : o.planId().toString(), type == EventType.OPP_OVERDUE,
                        o.effectiveDate());
            }
            case ARRANGEMENT_STARTED, ARRANGEMENT_ENDED -> {
                ArrangementChanged a = data(event, ArrangementChanged.class);
                if (skip(a.pupilId())) {
                    return false;
                }
                batch("""
                        insert into arrangement (arrangement_id, pupil_id, school_code, kind, funding_source, start_date,
                            end_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (arrangement_id) do update set kind = excluded.kind,
                            funding_source = excluded.funding_source, start_date = excluded.start_date,
                            end_date = excluded.end_date, recorded_at = excluded.recorded_at
                        where arrangement.recorded_at <= excluded.recorded_at
                        """, a.arrangementId(), a.pupilId(), a.schoolCode(), name(a.kind()), name(a.fundingSource()),
                        a.startDate(), a.endDate(), recorded);
            }
            case TLV_REQUESTED -> {
                TlvChanged t = data(event, TlvChanged.class);
                if (skip(t.pupilId())) {
                    return false;
                }
                batch("""
                        insert into tlv (tlv_id, pupil_id, school_code, swv_code, target, requested_on)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tlv_id) do update set swv_code = excluded.swv_code, target = excluded.target,
                            requested_on = excluded.requested_on
                        """, t.tlvId(), t.pupilId(), t.schoolCode(), t.swvCode(), name(t.target()), t.effectiveDate());
            }
            case TLV_DECIDED -> {
                TlvChanged t = data(event, TlvChanged.class);
                if (skip(t.pupilId())) {
                    return false;
                }
                batch("""
                        insert into tlv (tlv_id, pupil_id, school_code, swv_code, target, outcome, category,
                            issuing_swv_code, start_date, end_date, decided_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tlv_id) do update set outcome = excluded.outcome, category = excluded.category,
                            issuing_swv_code = excluded.issuing_swv_code, start_date = excluded.start_date,
                            end_date = excluded.end_date, decided_on = excluded.decided_on,
                            target = coalesce(tlv.target, excluded.target)
                        """, t.tlvId(), t.pupilId(), t.schoolCode(), t.swvCode(), name(t.target()), name(t.outcome()),
                        name(t.category()), t.issuingSwvCode(), t.startDate(), t.endDate(), t.effectiveDate());
            }
            case CASE_DISCUSSED -> {
                CaseDiscussed c = data(event, CaseDiscussed.class);
                if (c.pupilId() != null && skip(c.pupilId())) {
                    return false;
                }
                batch("""
                        insert into case_discussed (case_id, meeting_id, pupil_id, school_code, meeting_type, discussed_on)
                        values (?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing
                        """, c.caseId(), c.meetingId(), c.named() ? c.pupilId() : null, c.schoolCode(),
                        name(c.meetingType()), c.effectiveDate());
            }
            case TEAM_SIGNAL_RAISED, TEAM_SIGNAL_RESOLVED -> {
                TeamSignal s = data(event, TeamSignal.class);
                return signal(event, s.pupilId(), s.schoolCode(), SignalKind.of(s.kind()),
                        s.actionItemId() == null ? "-" : s.actionItemId().toString(),
                        type == EventType.TEAM_SIGNAL_RAISED, s.effectiveDate());
            }
            case CONSENT_DECIDED -> {
                ConsentDecided d = data(event, ConsentDecided.class);
                if (skip(d.pupilId())) {
                    return false;
                }
                batch("""
                        insert into consent_decision (event_id, request_id, pupil_id, school_code, purpose, outcome,
                            effective_date) values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                        """, event.id(), d.requestId(), d.pupilId(), d.schoolCode(), name(d.purpose()), name(d.outcome()),
                        d.effectiveDate());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean signal(EventEnvelope event, UUID pupilId, String schoolCode, SignalKind kind, String key,
            boolean raised, LocalDate effectiveDate) throws SQLException {
        if (skip(pupilId)) {
            return false;
        }
        batch("""
                insert into signal_event (event_id, pupil_id, school_code, kind, signal_key, raised, effective_date,
                    recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
                """, event.id(), pupilId, schoolCode, kind.name(), key, raised, effectiveDate, event.time());
        return true;
    }

    /** Deletes every row of the pupil (after the statements already batched) and remembers the erasure. */
    private void erase(PupilErased e) throws SQLException {
        flush();
        for (String table : PUPIL_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where pupil_id = ?")) {
                delete.setObject(1, e.pupilId());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into erased_pupil (pupil_id, erased_on) values (?, ?) on conflict (pupil_id) do nothing")) {
            insert.setObject(1, e.pupilId());
            insert.setObject(2, Date.valueOf(e.effectiveDate()));
            insert.executeUpdate();
        }
        erased.add(e.pupilId());
    }

    /** Every projection with pupil rows: what an erasure deletes, and what a rebuild empties. */
    public static final java.util.List<String> PUPIL_TABLES = java.util.List.of("enrolment", "level_change",
            "opp_event", "arrangement", "tlv", "case_discussed", "signal_event", "consent_decision");

    private boolean skip(UUID pupilId) {
        return pupilId == null || erased.contains(pupilId);
    }

    private void batch(String sql, Object... values) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i]);
        }
        statement.addBatch();
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Executes what is batched, in the order the statements were first used. */
    public void flush() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        statements.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static <T extends nl.passend.events.EventPayload> T data(EventEnvelope event, Class<T> type) {
        T payload = EventJson.data(event, type);
        if (payload == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        return payload;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
