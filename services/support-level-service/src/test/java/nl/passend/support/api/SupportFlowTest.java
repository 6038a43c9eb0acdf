package nl.passend.support.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.support.ExtraSupportStarted;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** The event flows over the real test broker: pupils in, level changes out, an established OPP in clears the signal. */
@QuarkusTest
class SupportFlowTest {

    @Test
    void aMoveToLevel4PublishesTheLevelChangeAndTheStartOfExtraSupport() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.changeLevel(pupil, "LEVEL_3", TestClock.today().minusMonths(3)).then().statusCode(201)
                .body("level", equalTo("LEVEL_3")).body("category", equalTo("BASIC"));
        Fixtures.changeLevel(pupil, "LEVEL_4", TestClock.today().minusDays(1)).then().statusCode(201)
                .body("level", equalTo("LEVEL_4")).body("category", equalTo("EXTRA"))
                .body("entry.previousLevel", equalTo("LEVEL_3"));

        List<EventEnvelope> changes = Fixtures.supportEvents(pupil.id(), EventType.SUPPORT_LEVEL_CHANGED, 2);
        assertThat(changes).hasSize(2);
        SupportLevelChanged last = EventJson.data(changes.get(1), SupportLevelChanged.class);
        assertThat(last.level().name()).isEqualTo("LEVEL_4");
        assertThat(last.previousLevel().name()).isEqualTo("LEVEL_3");
        assertThat(changes.get(1).data().toString()).doesNotContain("Onvoldoende");

        List<EventEnvelope> starts = Fixtures.supportEvents(pupil.id(), EventType.EXTRA_SUPPORT_STARTED, 1);
        assertThat(starts).hasSize(1);
        assertThat(EventJson.data(starts.get(0), ExtraSupportStarted.class).effectiveDate())
                .isEqualTo(TestClock.today().minusDays(1));
    }

    @Test
    void aLevel4PupilWithoutAnOppAfterSixWeeksIsSignalledUntilTheOppIsEstablished() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.changeLevel(pupil, "LEVEL_4", TestClock.today().minusWeeks(7)).then().statusCode(201);
        String ib = pupil.staff("ib");
        given().auth().oauth2(ib).get("/schools/{code}/support-signals", pupil.schoolCode()).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].kind", equalTo("LEVEL_4_WITHOUT_OPP"))
                .body("[0].pupilId", equalTo(pupil.id().toString()));

        String etag = Fixtures.etag(pupil);
        TestEvents.send(EventType.OPP_ESTABLISHED, pupil.id().toString(), pupil.schoolCode(),
                new OppChanged(UUID.randomUUID(), pupil.id(), pupil.schoolCode(), 1, OppStatus.ESTABLISHED,
                        nl.passend.events.codes.ExpectedDestination.VMBO_BB, null, TestClock.today()));
        TestDb.awaitCount("select count(*) from pupil_support where pupil_id = ? and opp_in_force", 1, pupil.id());
        // the OPP learned from passend.opp is not a change of the level: the IB'er's ETag still holds
        assertThat(Fixtures.etag(pupil)).isEqualTo(etag);

        given().auth().oauth2(ib).get("/schools/{code}/support-signals", pupil.schoolCode()).then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
