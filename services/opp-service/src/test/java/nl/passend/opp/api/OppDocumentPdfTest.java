package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** {@code GET /opps/{id}/document.pdf}: the current version as a PDF for the parents, for whoever may read the plan. */
@QuarkusTest
class OppDocumentPdfTest {

    private static final String RATIONALE = "Rekent op niveau eind groep 4; leest vlot.";

    private static Response pdf(String token, UUID planId) {
        return given().auth().oauth2(token).get("/opps/{id}/document.pdf", planId);
    }

    private static String text(Response response) {
        byte[] bytes = response.then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(Arrays.copyOf(bytes, 4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        return Fixtures.pdfText(bytes);
    }

    @Test
    void theParentsGetTheirChildsPlanAsPdf() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        given().auth().oauth2(pupil.parent()).header("If-Match", Fixtures.etag(pupil, planId))
                .contentType(ContentType.JSON).body(Map.of("kind", "PARENTS", "text", "Wij herkennen ons kind erin."))
                .post("/opps/{id}/versions/1/views", planId).then().statusCode(201);

        Response response = pdf(pupil.parent(), planId);
        assertThat(response.header("Content-Disposition")).isEqualTo("inline; filename=\"opp-" + planId + "-v1.pdf\"");
        String text = text(response);
        assertThat(text).contains("Leerling: " + pupil.id())
                .contains("School: " + pupil.schoolCode())
                .contains("Versie: 1 — vastgesteld")
                .contains("Instemming ouders: gegeven")
                .contains("Vastgesteld:")
                .contains("Onderbouwing: " + RATIONALE)
                .contains("Verwachte uitstroombestemming: VMBO KB")
                .contains("Ondersteuning en begeleiding: Dagelijks verlengde instructie rekenen in de kleine groep.")
                .contains("Beheerst de tafels tot 10").contains("1F")
                .contains("Zienswijze van de ouders: Wij herkennen ons kind erin.");
        // reading the PDF is a read of the plan: audited under the parent's role
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.read'"
                + " and actor = ? and actor_role = 'parent'", pupil.id(), pupil.parentAccount())).isEqualTo(1);
    }

    @Test
    void theSchoolsStaffGetADraftAsPdf() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        for (String role : new String[] {"teacher", "ib", "director", "sis-client"}) {
            String text = text(pdf(pupil.staff(role), planId));
            assertThat(text).as(role).contains("Versie: 1 — concept")
                    .contains("Instemming ouders: nog niet gevraagd")
                    .contains("Onderbouwing: " + RATIONALE)
                    .doesNotContain("Vastgesteld:");
        }
    }

    @Test
    void whoMayNotReadThePlanGetsNoPdf() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        Pupil other = Fixtures.pupil();

        ProblemAsserts.problem(pdf(Fixtures.staff("teacher", other.schoolCode()), planId), 404, "not-found");
        ProblemAsserts.problem(pdf(other.parent(), planId), 404, "not-found");
        ProblemAsserts.problem(pdf(pupil.staff("ib"), UUID.randomUUID()), 404, "not-found");
        assertThat(pdf(TestTokens.subject("board-" + UUID.randomUUID()).roles("board")
                .board(pupil.school().boardCode()).sign(), planId).statusCode()).isEqualTo(403);
        assertThat(given().get("/opps/{id}/document.pdf", planId).statusCode()).isEqualTo(401);
    }
}
