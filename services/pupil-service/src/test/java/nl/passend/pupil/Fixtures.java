package nl.passend.pupil;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.testing.TestTokens;

/** Test data through the API itself, and tokens for every role. */
public final class Fixtures {

    public static final String ADMIN = TestTokens.subject("admin-1").roles("admin").sign();

    private Fixtures() {
    }

    /** A unique school code (BRIN + vestiging) so that tests never share a school. */
    public static String newSchoolCode() {
        return TestTokens.newSchoolCode();
    }

    /** Registers an SWV, a board and a school of the given type; returns the school code. */
    public static String school(String type) {
        String swv = "PO" + UUID.randomUUID().toString().substring(0, 6);
        String board = "B" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "SWV " + swv))
                .put("/swvs/{code}", swv).then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "Board " + board))
                .put("/boards/{code}", board).then().statusCode(201);
        String code;
        int status;
        do {
            code = newSchoolCode();
            status = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", "School " + code, "schoolType", type, "boardCode", board, "swvCode", swv))
                    .put("/schools/{code}", code).then().extract().statusCode();
        } while (status == 412 || status == 428); // the random code was taken already
        if (status != 201) {
            throw new AssertionError("school registration answered " + status);
        }
        return code;
    }

    public static String sis(String schoolCode) {
        return TestTokens.token("sis-" + schoolCode, "sis-client", schoolCode);
    }

    public static String staff(String role, String schoolCode) {
        return TestTokens.token(role + "-" + UUID.randomUUID(), role, schoolCode);
    }

    public static Map<String, Object> pupil(String externalId) {
        Map<String, Object> pupil = new java.util.HashMap<>();
        pupil.put("externalId", externalId);
        pupil.put("givenName", "Sanne");
        pupil.put("familyName", "de Vries");
        pupil.put("birthDate", "2017-03-14");
        pupil.put("enrolledOn", "2021-09-01");
        pupil.put("group", Map.of("name", "5B", "year", 5));
        pupil.put("guardians", List.of(
                Map.of("externalId", externalId + "-g1", "givenName", "Ans", "familyName", "de Vries",
                        "hasParentalAuthority", true),
                Map.of("externalId", externalId + "-g2", "givenName", "Piet", "familyName", "de Vries",
                        "hasParentalAuthority", false)));
        return pupil;
    }

    /** A parent's token: known only by the subject, which the IB'er links to a guardian. */
    public static String parent(String subject) {
        return TestTokens.subject(subject).roles("parent").sign();
    }

    /** A care professional's token: no schools; access only through links made by the IB'er. */
    public static String careProfessional(String subject) {
        return TestTokens.subject(subject).roles("care-professional").sign();
    }

    /** The IB'er of the school links the pupil's guardian (by its externalId) to a login; returns the guardian id. */
    public static String linkGuardianAccount(String schoolCode, String pupilId, String guardianExternalId,
            String accountId) {
        Map<String, Object> guardian = given().auth().oauth2(ADMIN).get("/pupils/{id}/guardians", pupilId)
                .then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream()
                .filter(g -> guardianExternalId.equals(g.get("externalId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no guardian " + guardianExternalId));
        String guardianId = (String) guardian.get("id");
        given().auth().oauth2(staff("ib", schoolCode)).contentType(ContentType.JSON)
                .header("If-Match", "\"" + guardian.get("version") + "\"")
                .body(Map.of("accountId", accountId))
                .put("/pupils/{id}/guardians/{g}/account", pupilId, guardianId)
                .then().statusCode(200);
        return guardianId;
    }

    /** The IB'er of the school links a care professional to the pupil; returns the link id. */
    public static String linkProfessional(String schoolCode, String pupilId, String accountId) {
        return given().auth().oauth2(staff("ib", schoolCode)).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId, "discipline", "ORTHOPEDAGOOG"))
                .post("/pupils/{id}/professionals", pupilId)
                .then().statusCode(201).extract().path("id");
    }

    /** Upserts pupils with the given external ids at a school; returns their pupil ids in order. */
    public static List<String> pupils(String schoolCode, String... externalIds) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String externalId : externalIds) {
            items.add(pupil(externalId));
        }
        return given().auth().oauth2(sis(schoolCode)).contentType(ContentType.JSON).body(Map.of("pupils", items))
                .post("/schools/{code}/pupils/batch", schoolCode)
                .then().statusCode(200).extract().jsonPath().getList("items.pupilId", String.class);
    }
}
