package nl.passend.support.api;

import static nl.passend.support.api.SupportCalls.envelope;
import static nl.passend.support.api.SupportCalls.outbox;
import static nl.passend.support.api.SupportCalls.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.support.Fixtures;
import nl.passend.support.Fixtures.Pupil;
import nl.passend.support.service.SupportSignals;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The signal job: each LEVEL_4 pupil without an established OPP after 6 weeks is raised once on
 * passend.support, and resolved once when the OPP is established, the level drops or the pupil
 * leaves.
 */
@QuarkusTest
class SignalJobTest {

    private static final LocalDate TODAY = TestClock.today();

    @Inject
    SupportSignals signals;

    @Test
    void aLevel4PupilWithoutOppIsRaisedOnceAndResolvedOnceTheOppIsEstablished() {
        Pupil pupil = Fixtures.pupil();
        LocalDate level4Since = TODAY.minusWeeks(7);
        Fixtures.changeLevel(pupil, "LEVEL_4", level4Since).then().statusCode(201);

        assertThat(signals.publish()).isPositive();
        signals.publish();
        assertThat(outbox(pupil.id(), EventType.SUPPORT_SIGNAL_RAISED)).isEqualTo(1);
        assertThat(outbox(pupil.id(), EventType.SUPPORT_SIGNAL_RESOLVED)).isZero();
        List<ConsumerRecord<String, String>> raised = sent(EventType.SUPPORT_SIGNAL_RAISED, pupil.id(), 1);
        assertThat(raised).hasSize(1);
        EventEnvelope event = envelope(raised.get(0));
        assertThat(raised.get(0).key()).isEqualTo(pupil.id().toString());
        assertThat(event.schoolcode()).isEqualTo(pupil.schoolCode());
        assertThat(event.data().get("kind").asText()).isEqualTo("LEVEL_4_WITHOUT_OPP");
        assertThat(event.data().get("domain").isNull()).isTrue();
        assertThat(event.data().get("since").asText()).isEqualTo(level4Since.plusDays(42).toString());
        assertThat(event.data().get("effectiveDate").asText()).isEqualTo(TODAY.toString());

        TestEvents.send(EventType.OPP_ESTABLISHED, pupil.id().toString(), pupil.schoolCode(),
                new OppChanged(UUID.randomUUID(), pupil.id(), pupil.schoolCode(), 1, OppStatus.ESTABLISHED,
                        ExpectedDestination.VMBO_BB, null, TODAY));
        TestDb.awaitCount("select count(*) from pupil_support where pupil_id = ? and opp_in_force", 1, pupil.id());

        signals.publish();
        signals.publish();
        assertThat(outbox(pupil.id(), EventType.SUPPORT_SIGNAL_RESOLVED)).isEqualTo(1);
        assertThat(outbox(pupil.id(), EventType.SUPPORT_SIGNAL_RAISED)).isEqualTo(1);
        List<ConsumerRecord<String, String>> resolved = sent(EventType.SUPPORT_SIGNAL_RESOLVED, pupil.id(), 1);
        assertThat(resolved).hasSize(1);
        assertThat(envelope(resolved.get(0)).data().get("kind").asText()).isEqualTo("LEVEL_4_WITHOUT_OPP");
        assertThat(sent(EventType.SUPPORT_SIGNAL_RAISED, pupil.id(), 1)).hasSize(1);
        assertThat(TestDb.count("select count(*) from support_signal where pupil_id = ?", pupil.id())).isZero();
    }

    @Test
    void theSixWeeksMustHaveRunOut() {
        Pupil exactly = Fixtures.pupil();
        Fixtures.changeLevel(exactly, "LEVEL_4", TODAY.minusDays(42)).then().statusCode(201);
        Pupil dayLater = Fixtures.pupil();
        Fixtures.changeLevel(dayLater, "LEVEL_4", TODAY.minusDays(43)).then().statusCode(201);
        Pupil withOpp = Fixtures.pupil();
        TestEvents.send(EventType.OPP_ESTABLISHED, withOpp.id().toString(), withOpp.schoolCode(),
                new OppChanged(UUID.randomUUID(), withOpp.id(), withOpp.schoolCode(), 1, OppStatus.ESTABLISHED,
                        ExpectedDestination.VMBO_BB, null, TODAY.minusWeeks(8)));
        TestDb.awaitCount("select count(*) from pupil_support where pupil_id = ? and opp_in_force", 1, withOpp.id());
        Fixtures.changeLevel(withOpp, "LEVEL_4", TODAY.minusWeeks(10)).then().statusCode(201);

        signals.publish();
        assertThat(outbox(exactly.id(), EventType.SUPPORT_SIGNAL_RAISED)).isZero();
        assertThat(outbox(dayLater.id(), EventType.SUPPORT_SIGNAL_RAISED)).isEqualTo(1);
        assertThat(outbox(withOpp.id(), EventType.SUPPORT_SIGNAL_RAISED)).isZero();
    }

    @Test
    void aSignalIsResolvedWhenTheLevelDropsOrThePupilLeaves() {
        Pupil drops = Fixtures.pupil();
        Fixtures.changeLevel(drops, "LEVEL_4", TODAY.minusWeeks(8)).then().statusCode(201);
        Pupil leaves = Fixtures.pupil();
        Fixtures.changeLevel(leaves, "LEVEL_4", TODAY.minusWeeks(8)).then().statusCode(201);
        signals.publish();
        assertThat(outbox(drops.id(), EventType.SUPPORT_SIGNAL_RAISED)).isEqualTo(1);
        assertThat(outbox(leaves.id(), EventType.SUPPORT_SIGNAL_RAISED)).isEqualTo(1);

        Fixtures.changeLevel(drops, "LEVEL_3", TODAY).then().statusCode(201);
        TestEvents.send(EventType.PUPIL_LEFT, leaves.id().toString(), leaves.schoolCode(),
                new PupilLeft(leaves.id(), UUID.randomUUID(), leaves.schoolCode(), LeavingDestination.SBO, null, TODAY));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and left_on is not null", 1, leaves.id());

        signals.publish();
        signals.publish();
        for (Pupil pupil : List.of(drops, leaves)) {
            assertThat(outbox(pupil.id(), EventType.SUPPORT_SIGNAL_RESOLVED)).isEqualTo(1);
            assertThat(outbox(pupil.id(), EventType.SUPPORT_SIGNAL_RAISED)).isEqualTo(1);
            assertThat(sent(EventType.SUPPORT_SIGNAL_RESOLVED, pupil.id(), 1)).hasSize(1);
        }
    }
}
