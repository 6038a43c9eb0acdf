package nl.passend.reporting.messaging;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Erasing a pupil from the projections when pupil-service erases them: every row with the pupil's id
 * is deleted, and the id is kept in {@code erased_pupil} so that events about the pupil arriving later,
 * or replayed by a rebuild, are skipped. What was published before stays as it was published.
 */
final class PupilErasure {

    /** Every projection with pupil rows: what an erasure deletes from, and (with the schools) what a rebuild empties. */
    static final List<String> PUPIL_TABLES = List.of("enrolment", "level_change", "opp_event", "arrangement", "tlv",
            "case_discussed", "signal_event", "consent_decision");

    private PupilErasure() {
    }

    static void erase(Connection connection, UUID pupilId, LocalDate erasedOn) throws SQLException {
        for (String table : PUPIL_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where pupil_id = ?")) {
                delete.setObject(1, pupilId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into erased_pupil (pupil_id, erased_on) values (?, ?) on conflict (pupil_id) do nothing")) {
            insert.setObject(1, pupilId);
            insert.setObject(2, Date.valueOf(erasedOn));
            insert.executeUpdate();
        }
    }
}
