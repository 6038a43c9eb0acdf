package nl.passend.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.passend.events.codes.SchoolType;
import nl.passend.reporting.Feed;
import nl.passend.reporting.Tokens;
import nl.passend.reporting.generator.GeneratedEvent;
import nl.passend.reporting.generator.SwvGenerator;
import nl.passend.reporting.generator.Truth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A generated SWV of three school years (about ten thousand events, with moves, referrals, pupils at
 * home and erasures) through the real broker: the service's figures, computed from the events alone,
 * equal what the generator made happen, counted apart from the events.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedSwvFiguresTest {

    Truth truth;
    String swv;

    @BeforeAll
    void sendTheGeneratedSwv() {
        List<GeneratedEvent> events = new ArrayList<>();
        truth = SwvGenerator.generate(SwvGenerator.Settings.small(11, 7001), events::add);
        swv = truth.swvCode();
        Feed.send(events);
    }

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024, 2025})
    void pupilsAndReferralsPerSchoolAreWhatHappened(int year) {
        LocalDate countDate = LocalDate.of(year, 10, 1);
        JsonPath report = report(year);
        List<Map<String, Object>> rows = report.getList("schools");
        assertThat(rows).hasSize(10);
        for (Map<String, Object> row : rows) {
            String school = (String) row.get("schoolCode");
            assertThat(row.get("pupils")).as("pupils of " + school).isEqualTo(truth.pupilsOn(school, countDate));
            if (SchoolType.valueOf((String) row.get("schoolType")) == SchoolType.BAO) {
                int referrals = (Integer) row.get("referralsSbo") + (Integer) row.get("referralsSo");
                assertThat(referrals).as("referrals of " + school).isEqualTo(truth.referrals(school, year));
            }
        }
        Truth.Participation p = truth.participation(countDate);
        assertThat(report.getInt("participation.bao")).isEqualTo(p.bao());
        assertThat(report.getInt("participation.sbo")).isEqualTo(p.sbo());
        assertThat(report.getInt("participation.so")).as("SO pupils this SWV issued the TLV for").isEqualTo(p.so());
    }

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024, 2025})
    void clearReferrersAreSignalledAndTheSchoolThatNeverRefersToo(int year) {
        LocalDate countDate = LocalDate.of(year, 10, 1);
        List<String> regular = truth.schools(SchoolType.BAO);
        int pupils = regular.stream().mapToInt(s -> truth.pupilsOn(s, countDate)).sum();
        int referrals = regular.stream().mapToInt(s -> truth.referrals(s, year)).sum();
        double average = (double) referrals / pupils;
        JsonPath report = report(year);
        List<String> above = report.getList("signals.findAll { it.kind == 'REFERS_ABOVE_SWV_AVERAGE' }.schoolCode");
        List<String> never = report.getList("signals.findAll { it.kind == 'NEVER_REFERS' }.schoolCode");
        int clearlyAbove = 0;
        for (String school : regular) {
            int r = truth.referrals(school, year);
            double rate = (double) r / truth.pupilsOn(school, countDate);
            // clear of the 1.5 boundary either way, so that rounding cannot decide
            if (r >= 2 && rate > 1.6 * average) {
                assertThat(above).as(school + " refers " + rate + " against " + average).contains(school);
                clearlyAbove++;
            } else if (rate < 1.4 * average) {
                assertThat(above).as(school + " refers " + rate + " against " + average).doesNotContain(school);
            }
            boolean neverInWindow = true;
            for (int y = Math.max(2023, year - 2); y <= year; y++) {
                neverInWindow &= truth.referrals(school, y) == 0;
            }
            if (neverInWindow && referrals > 0) {
                assertThat(never).as(school + " never referred").contains(school);
            } else {
                assertThat(never).as(school + " referred").doesNotContain(school);
            }
        }
        assertThat(clearlyAbove).as("the generated SWV has a frequent referrer").isPositive();
        assertThat(never).as("the generated SWV has a school that never refers").isNotEmpty();
    }

    private JsonPath report(int year) {
        return given().auth().oauth2(Tokens.analyst(swv))
                .queryParam("schoolYear", year + "-" + (year + 1)).queryParam("countDate", "OCTOBER")
                .get("/swvs/{swv}/report", swv)
                .then().statusCode(200).extract().jsonPath();
    }
}
