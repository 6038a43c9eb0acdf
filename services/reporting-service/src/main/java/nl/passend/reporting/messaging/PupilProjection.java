package nl.passend.reporting.messaging;

import static nl.passend.reporting.messaging.ProjectionWriter.data;
import static nl.passend.reporting.messaging.ProjectionWriter.name;

import java.sql.SQLException;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.SchoolChanged;

/**
 * pupil-service's events: the schools (the latest recorded version wins), enrolments (the start from
 * one event, the end and destination from the other, in either order) and erasures.
 */
final class PupilProjection {

    private final ProjectionWriter writer;

    PupilProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    boolean apply(EventType type, EventEnvelope event) throws SQLException {
        return switch (type) {
            case SCHOOL_REGISTERED, SCHOOL_CHANGED -> school(event);
            case PUPIL_ENROLLED -> enrolled(data(event, PupilEnrolled.class));
            case PUPIL_LEFT -> left(data(event, PupilLeft.class));
            case PUPIL_ERASED -> erased(data(event, PupilErased.class));
            default -> false;
        };
    }

    private boolean school(EventEnvelope event) throws SQLException {
        SchoolChanged s = data(event, SchoolChanged.class);
        writer.batch("""
                insert into school (school_code, school_type, board_code, swv_code, recorded_at)
                values (?, ?, ?, ?, ?)
                on conflict (school_code) do update set school_type = excluded.school_type,
                    board_code = excluded.board_code, swv_code = excluded.swv_code, recorded_at = excluded.recorded_at
                where school.recorded_at <= excluded.recorded_at
                """, s.schoolCode(), name(s.schoolType()), s.boardCode(), s.swvCode(), event.time());
        return true;
    }

    private boolean enrolled(PupilEnrolled e) throws SQLException {
        if (writer.skips(e.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into enrolment (enrolment_id, pupil_id, school_code, start_date) values (?, ?, ?, ?)
                on conflict (enrolment_id) do update set start_date = excluded.start_date
                """, e.enrolmentId(), e.pupilId(), e.schoolCode(), e.effectiveDate());
        return true;
    }

    private boolean left(PupilLeft l) throws SQLException {
        if (writer.skips(l.pupilId())) {
            return false;
        }
        writer.batch("""
                insert into enrolment (enrolment_id, pupil_id, school_code, end_date, destination, destination_school_code)
                values (?, ?, ?, ?, ?, ?)
                on conflict (enrolment_id) do update set end_date = excluded.end_date,
                    destination = excluded.destination, destination_school_code = excluded.destination_school_code
                """, l.enrolmentId(), l.pupilId(), l.schoolCode(), l.effectiveDate(), name(l.destination()),
                l.destinationSchoolCode());
        return true;
    }

    private boolean erased(PupilErased e) throws SQLException {
        writer.erase(e.pupilId(), e.effectiveDate());
        return true;
    }
}
