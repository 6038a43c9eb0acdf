package nl.passend.consent.api;

import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures.Pupil;
import nl.passend.consent.Fixtures;
import nl.passend.consent.api.model.Requests;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.pupil.PupilErased;
import nl.passend.testing.TestClock;
import nl.passend.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Requests from passend.team, events that can never be processed, erasure, and the append-only ledger. */
@QuarkusTest
class EventIntakeTest {

    private static final String TEAM_DLQ = Topics.deadLetter(Topics.TEAM, "consent-service");

    @Test
    void aSupportTeamRequestIsTakenFromPassendTeam() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = UUID.randomUUID();
        Fixtures.send(EventType.TEAM_CONSENT_REQUESTED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentRequested(requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.MEETING_CASE, UUID.randomUUID(), 1), TestClock.today()));
        Fixtures.awaitCount("select count(*) from consent_request where id = ?1", requestId, 1);
        assertThat(count("select count(*) from consent_request where id = ?1 and purpose = 'DISCUSS_IN_SUPPORT_TEAM' "
                + "and subject_type = 'MEETING_CASE' and requested_by = '/passend/support-team-service'", requestId)).isEqualTo(1);
    }

    @Test
    void aRequestWithoutSubjectOrReusingARequestIdIsDeadLettered() {
        Pupil pupil = Fixtures.pupil(true);
        UUID incomplete = UUID.randomUUID();
        Fixtures.send(EventType.TEAM_CONSENT_REQUESTED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentRequested(incomplete, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, pupil.id(),
                        pupil.schoolCode(), null, TestClock.today()));
        UUID reused = UUID.randomUUID();
        Fixtures.send(EventType.TEAM_CONSENT_REQUESTED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentRequested(reused, ConsentPurpose.ASSESSMENT, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.PUPIL, pupil.id(), 1), TestClock.today()));
        Fixtures.send(EventType.TEAM_CONSENT_REQUESTED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentRequested(reused, ConsentPurpose.SHARE_WITH_SWV, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.PUPIL, pupil.id(), 1), TestClock.today()));

        List<ConsumerRecord<String, String>> letters = TopicProbe.records(TEAM_DLQ,
                r -> r.value().contains(incomplete.toString()) || r.value().contains("SHARE_WITH_SWV")
                        && r.value().contains(reused.toString()), 2, Duration.ofSeconds(30));
        assertThat(letters).hasSize(2);
        assertThat(letters).extracting(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).anyMatch(reason -> reason.contains("lacks its subject"))
                .anyMatch(reason -> reason.contains("exists already"));
        assertThat(count("select count(*) from consent_request where id = ?1", incomplete)).isZero();
        assertThat(count("select count(*) from consent_request where id = ?1 and purpose = 'ASSESSMENT'", reused))
                .isEqualTo(1);
    }

    @Test
    void theLedgerIsAppendOnly() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        assertThatThrownBy(() -> Fixtures.execute("update consent_entry set kind = 'REFUSED' where request_id = ?1",
                requestId)).hasStackTraceContaining("append-only");
        assertThat(count("select count(*) from consent_entry where request_id = ?1 and kind = 'GIVEN'", requestId))
                .isEqualTo(1);
    }

    @Test
    void anErasedPupilLeavesNothingBehind() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);

        Fixtures.send(EventType.PUPIL_ERASED, pupil.id().toString(), pupil.schoolCode(),
                new PupilErased(pupil.id(), pupil.schoolCode(), TestClock.today()));
        Fixtures.awaitCount("select count(*) from directory_pupil where id = ?1", pupil.id(), 0);
        assertThat(count("select count(*) from consent_request where pupil_id = ?1", pupil.id())).isZero();
        assertThat(count("select count(*) from consent_entry where request_id = ?1", requestId)).isZero();
        assertThat(count("select count(*) from directory_guardian where pupil_id = ?1", pupil.id())).isZero();
    }
}
