package nl.passend.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The service's audit_log as a test reads it: who did what to which pupil, under which role. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** One row of audit_log. */
    public record AuditRow(String actor, String actorRole, UUID pupilId, String action, String reason) {
    }

    /** Every audit row about the pupil, oldest first. */
    public static List<AuditRow> audit(UUID pupilId) {
        return rows("select actor, actor_role, pupil_id, action, reason from audit_log where pupil_id = ?"
                + " order by occurred_at, id", pupilId);
    }

    /** The audit rows about the pupil written under one actor, oldest first. */
    public static List<AuditRow> audit(UUID pupilId, String actor) {
        return rows("select actor, actor_role, pupil_id, action, reason from audit_log where pupil_id = ?"
                + " and actor = ? order by occurred_at, id", pupilId, actor);
    }

    /** Every audit row written under one actor, whatever the pupil. */
    public static List<AuditRow> auditByActor(String actor) {
        return rows("select actor, actor_role, pupil_id, action, reason from audit_log where actor = ?"
                + " order by occurred_at, id", actor);
    }

    private static List<AuditRow> rows(String sql, Object... params) {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<AuditRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new AuditRow(r.getString(1), r.getString(2), r.getObject(3, UUID.class), r.getString(4),
                            r.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
