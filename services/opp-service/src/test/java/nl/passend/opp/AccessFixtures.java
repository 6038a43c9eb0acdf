package nl.passend.opp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.DirectoryEvents.Professional;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;

/**
 * What the authorization and audit tests need beyond {@link Fixtures}: a care professional's link
 * that can be taken back, a pupil leaving, tokens with a known subject for every role, and the
 * audit_log rows of a pupil.
 */
public final class AccessFixtures {

    private AccessFixtures() {
    }

    // ---- directory changes on passend.pupil ----------------------------------------------------

    public static Professional linkProfessional(Pupil pupil) {
        return DirectoryEvents.linkProfessional(pupil.id(), pupil.schoolCode());
    }

    public static void unlinkProfessional(Pupil pupil, Professional professional) {
        DirectoryEvents.unlinkProfessional(pupil.id(), pupil.schoolCode(), professional);
    }

    /** The pupil left its school on {@code on} (PUPIL_LEFT); returns when the directory knows. */
    public static void left(Pupil pupil, LocalDate on) {
        DirectoryEvents.left(pupil.id(), pupil.schoolCode(), on, LeavingDestination.SBO);
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
                .body(Map.of("reason", "EXTRA_SUPPORT", "startDate", TestClock.today().minusDays(daysAgo).toString()))
                .post("/pupils/{id}/opp-due-dates", pupil.id()).then().statusCode(201);
    }
}
