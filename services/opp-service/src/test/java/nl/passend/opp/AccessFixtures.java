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
}
