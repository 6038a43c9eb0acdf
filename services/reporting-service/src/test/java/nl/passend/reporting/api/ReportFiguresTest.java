package nl.passend.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.passend.reporting.Feed;
import nl.passend.reporting.KnownSwv;
import nl.passend.reporting.Tokens;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The figures of a hand-made SWV whose answers are known (see {@link KnownSwv}). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFiguresTest {

    KnownSwv k;

    @BeforeAll
    void sendTheSwv() {
        k = new KnownSwv(11);
        Feed.send(k);
    }

    private JsonPath report() {
        return given().auth().oauth2(Tokens.analyst(k.swv))
                .queryParam("schoolYear", KnownSwv.YEAR).queryParam("countDate", "OCTOBER")
                .get("/swvs/{swv}/report", k.swv)
                .then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> school(JsonPath report, String code) {
        return report.getMap("schools.find { it.schoolCode == '" + code + "' }");
    }

    @Test
    void participationCountsSboForTheSchoolsSwvAndSoForTheTlvsIssuingSwv() {
        JsonPath r = report();
        assertThat(r.getString("countDateOn")).isEqualTo("2025-10-01");
        assertThat(r.getInt("participation.bao")).isEqualTo(300);
        assertThat(r.getInt("participation.sbo")).isEqualTo(10);
        assertThat(r.getInt("participation.so")).isEqualTo(6); // 5 with this SWV's TLV + 1 without a known TLV
        assertThat(r.getInt("participation.soWithoutKnownTlv")).isEqualTo(1);
        assertThat(r.getString("participation.sboRate")).isEqualTo("0.0323"); // 10 / 310
        assertThat(r.getString("participation.soRate")).isEqualTo("0.0194"); // 6 / 310
        assertThat(r.getString("participation.nationalSboRate")).isEqualTo("0.025");
    }

    @Test
    void referralRatesAreFlowsOverThePupilsOnTheCountDate() {
        JsonPath r = report();
        assertThat(r.getInt("referrals.pupils")).isEqualTo(300);
        assertThat(r.getInt("referrals.referralsSbo")).isEqualTo(3);
        assertThat(r.getInt("referrals.referralsSo")).isEqualTo(3);
        assertThat(r.getString("referrals.rate")).isEqualTo("0.02");
        assertThat(r.getString("referrals.nationalRate")).isEqualTo("0.011");
        Map<String, Object> a = school(r, k.a);
        assertThat(a).containsEntry("pupils", 100).containsEntry("referralsSbo", 2).containsEntry("referralsSo", 2);
        assertThat(String.valueOf(a.get("referralRate"))).isEqualTo("0.04");
        assertThat(school(r, k.b)).containsEntry("pupils", 100).containsEntry("referralsSbo", 1);
        assertThat(school(r, k.c)).containsEntry("pupils", 50).containsEntry("referralsSbo", 0).containsEntry("referralsSo", 0);
        assertThat(school(r, k.d)).containsEntry("pupils", 50).containsEntry("referralsSo", 1);
        assertThat(school(r, k.sbo)).containsEntry("pupils", 10).doesNotContainKey("referralRate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void levelsOppsArrangementsTlvsAndDiscussionsPerSchool() {
        JsonPath r = report();
        Map<String, Object> a = school(r, k.a);
        assertThat((Map<String, Object>) a.get("levels")).containsEntry("LEVEL_1", 94).containsEntry("LEVEL_2", 3)
                .containsEntry("LEVEL_3", 2).containsEntry("LEVEL_4", 1);
        assertThat(a).containsEntry("activeOpps", 1).containsEntry("arrangementsActive", 1)
                .containsEntry("arrangementsStarted", 2).containsEntry("tlvsRequested", 4).containsEntry("botCases", 3);
        assertThat((Map<String, Object>) a.get("tlvsGranted")).containsEntry("SBO", 2).containsEntry("SO_LOW", 1)
                .containsEntry("SO_MEDIUM", 0).containsEntry("SO_HIGH", 1);
        Map<String, Object> b = school(r, k.b);
        assertThat(b).containsEntry("oppsNotEstablishedInTime", 1).containsEntry("tlvWithoutPlace", 1)
                .containsEntry("thuiszitters", 1).containsEntry("tlvsRequested", 2);
        assertThat(school(r, k.d)).containsEntry("pupilsDiscussedThreeTimes", 1)
                .containsEntry("pupilsDiscussedRepeatedly", 1);
        assertThat(r.getInt("total.pupils")).isEqualTo(318);
        assertThat(r.getInt("total.levels.LEVEL_4")).isEqualTo(1);
    }

    @Test
    void riskSignalsCarryTheFiguresBehindThem() {
        JsonPath r = report();
        List<Map<String, Object>> signals = r.getList("signals");
        assertThat(signals).extracting(s -> s.get("schoolCode") + " " + s.get("kind")).containsExactlyInAnyOrder(
                k.a + " REFERS_ABOVE_SWV_AVERAGE", k.a + " CALLS_ON_SWV_MORE", k.b + " TLV_WITHOUT_PLACE",
                k.b + " THUISZITTERS", k.b + " OPP_NOT_ESTABLISHED_IN_TIME", k.c + " NEVER_REFERS",
                k.d + " DISCUSSED_REPEATEDLY");
        Map<String, Object> above = r.getMap("signals.find { it.kind == 'REFERS_ABOVE_SWV_AVERAGE' }.figures");
        assertThat(above).containsEntry("referrals", 4).containsEntry("pupils", 100);
        assertThat(String.valueOf(above.get("referralRate"))).isEqualTo("0.04");
        assertThat(String.valueOf(above.get("swvReferralRate"))).isEqualTo("0.02");
        assertThat(String.valueOf(above.get("factor"))).isEqualTo("1.5");
        Map<String, Object> never = r.getMap("signals.find { it.kind == 'NEVER_REFERS' }.figures");
        assertThat(never).containsEntry("peersReferring", 3).containsEntry("schoolYears", 3);
        Map<String, Object> waiting = r.getMap("signals.find { it.kind == 'TLV_WITHOUT_PLACE' }.figures");
        assertThat(waiting).containsEntry("pupils", 1).containsEntry("longestWaitDays", 20);
    }

    @Test
    void theReportAsCsvHasALinePerSchoolAndTheTotal() {
        String csv = given().auth().oauth2(Tokens.analyst(k.swv)).accept("text/csv")
                .queryParam("schoolYear", KnownSwv.YEAR).queryParam("countDate", "OCTOBER")
                .get("/swvs/{swv}/report", k.swv)
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + 6 + 1);
        assertThat(lines.get(0)).startsWith("schoolYear,countDate,scope,code,schoolType,boardCode,swvCode,pupils,"
                + "referralsSbo,referralsSo,referralRate,swvReferralRate,pupilsLevel1,pupilsLevel2,pupilsLevel3,pupilsLevel4");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
                "2025-2026,OCTOBER,SCHOOL," + k.a + ",BAO," + k.boardA + "," + k.swv + ",100,2,2,0.0400,0.0200,94,3,2,1,1,"));
        assertThat(lines.get(lines.size() - 1)).startsWith("2025-2026,OCTOBER,SWV," + k.swv + ",,," + k.swv + ",318,");
    }

    @Test
    void signalsTrendAndParticipationAsCsv() {
        String signals = given().auth().oauth2(Tokens.analyst(k.swv)).accept("text/csv")
                .queryParam("schoolYear", KnownSwv.YEAR).get("/swvs/{swv}/signals", k.swv)
                .then().statusCode(200).extract().asString();
        assertThat(signals.lines()).first().isEqualTo("schoolYear,countDate,schoolCode,signal,figures");
        assertThat(signals).contains("2025-2026,OCTOBER," + k.c + ",NEVER_REFERS,pupils=50;schoolYears=3;peersReferring=3;swvReferralRate=0.0200");
        String trend = given().auth().oauth2(Tokens.analyst(k.swv)).accept("text/csv")
                .queryParam("schoolYear", KnownSwv.YEAR).get("/swvs/{swv}/trend", k.swv)
                .then().statusCode(200).extract().asString();
        assertThat(trend.lines()).hasSize(1 + 5).last().asString()
                .isEqualTo(k.swv + ",2025-2026,OCTOBER,2025-10-01,300,6,0.0200,0.011,0.0323,0.0194");
        String participation = given().auth().oauth2(Tokens.consultant(k.swv)).accept("text/csv")
                .queryParam("schoolYear", KnownSwv.YEAR).get("/swvs/{swv}/participation", k.swv)
                .then().statusCode(200).extract().asString();
        assertThat(participation.lines()).containsExactly(
                "swvCode,schoolYear,countDate,bao,sbo,so,soWithoutKnownTlv,sboRate,soRate,nationalSboRate,nationalSoRate",
                k.swv + ",2025-2026,OCTOBER,300,10,6,1,0.0323,0.0194,0.025,0.023");
    }

    @Test
    void aFebruaryCountDateCountsThePupilsThen() {
        given().auth().oauth2(Tokens.analyst(k.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .queryParam("countDate", "FEBRUARY").get("/swvs/{swv}/report", k.swv)
                .then().statusCode(200)
                .body("countDateOn", equalTo("2026-02-01"))
                // A's first SBO referral left on 5 January: 99 at A on 1 February; the referral rate is over them
                .body("schools.find { it.schoolCode == '" + k.a + "' }.pupils", equalTo(99))
                .body("participation.sbo", equalTo(11));
    }

    @Test
    void withoutASchoolYearTheReportIsForTheLatestCountDateOnTheServicesClock() {
        // mid February 2026: 1 February of 2025-2026 has passed; in November, 1 October is the latest
        try (TestClock.Travel february = TestClock.travelTo(LocalDate.of(2026, 2, 15))) {
            given().auth().oauth2(Tokens.analyst(k.swv)).get("/swvs/{swv}/report", k.swv).then().statusCode(200)
                    .body("schoolYear", equalTo("2025-2026")).body("countDate", equalTo("FEBRUARY"))
                    .body("countDateOn", equalTo("2026-02-01"));
        }
        try (TestClock.Travel november = TestClock.travelTo(LocalDate.of(2025, 11, 20))) {
            given().auth().oauth2(Tokens.analyst(k.swv)).get("/swvs/{swv}/report", k.swv).then().statusCode(200)
                    .body("countDate", equalTo("OCTOBER")).body("countDateOn", equalTo("2025-10-01"))
                    .body("schools.find { it.schoolCode == '" + k.a + "' }.pupils", equalTo(100));
        }
    }
}
