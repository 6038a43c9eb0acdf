package nl.passend.opp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.pupil.ProfessionalLinkChanged;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the authorization and audit tests need beyond {@link Fixtures}: a care professional's link
 * that can be taken back, a pupil leaving, tokens with a known subject for every role, and the
 * audit_log rows of a pupil.
 */
public final class AccessFixtures {

    private AccessFixtures() {
    }

    // ---- directory changes on passend.pupil ----------------------------------------------------

    /** A care professional linked to a pupil: the link (to unlink it), the login and its token. */
    public record Professional(UUID linkId, String account, String token) {
    }

    public static Professional linkProfessional(Pupil pupil) {
        UUID linkId = UUID.randomUUID();
        String account = "care-" + UUID.randomUUID();
        TestEvents.send(EventType.PROFESSIONAL_LINKED, pupil.id().toString(), pupil.schoolCode(),
                new ProfessionalLinkChanged(pupil.id(), linkId, account, null, pupil.schoolCode(), LocalDate.now()));
        TestDb.awaitCount("select count(*) from directory_professional where link_id = ?", 1, linkId);
        return new Professional(linkId, account, TestTokens.subject(account).roles("care-professional").sign());
    }

    /** The IB'er took the link back (PROFESSIONAL_UNLINKED); returns when the directory dropped it. */
    public static void unlinkProfessional(Pupil pupil, Professional professional) {
        TestEvents.send(EventType.PROFESSIONAL_UNLINKED, pupil.id().toString(), pupil.schoolCode(),
                new ProfessionalLinkChanged(pupil.id(), professional.linkId(), professional.account(), null,
                        pupil.schoolCode(), LocalDate.now()));
        TestDb.awaitCount("select count(*) from directory_professional where link_id = ?", 0, professional.linkId());
    }

    /** The pupil left its school on {@code on} (PUPIL_LEFT); returns when the directory knows. */
    public static void left(Pupil pupil, LocalDate on) {
        TestEvents.send(EventType.PUPIL_LEFT, pupil.id().toString(), pupil.schoolCode(),
                new PupilLeft(pupil.id(), UUID.randomUUID(), pupil.schoolCode(), LeavingDestination.SBO, null, on));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and left_on = ?", 1, pupil.id(), on);
    }

    // ---- tokens with a subject the test knows (for the audit's actor) ---------------------------

    public static String staff(String subject, String role, String schoolCode) {
        return TestTokens.token(subject, role, schoolCode);
    }

    public static String board(String subject, String boardCode) {
        return TestTokens.subject(subject).roles("board").board(boardCode).sign();
    }

    public static String swvConsultant(String subject, String swvCode) {
        return TestTokens.subject(subject).roles("swv-consultant").swv(swvCode).sign();
    }

    // ---- requests --------------------------------------------------------------------------

    /** Records a start of extra support {@code daysAgo} days ago by hand: the OPP is due 6 weeks after it. */
    public static void startClock(Pupil pupil, int daysAgo) {
        given().auth().oauth2(pupil.staff("ib")).contentType(ContentType.JSON)
                .body(Map.of("reason", "EXTRA_SUPPORT", "startDate", LocalDate.now().minusDays(daysAgo).toString()))
                .post("/pupils/{id}/opp-due-dates", pupil.id()).then().statusCode(201);
    }

    // ---- the audit trail -------------------------------------------------------------------

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
