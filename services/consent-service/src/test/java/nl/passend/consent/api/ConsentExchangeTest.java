package nl.passend.consent.api;

import static nl.passend.consent.Fixtures.ADMIN;
import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.awaitCount;
import static nl.passend.consent.Fixtures.count;
import static nl.passend.consent.Fixtures.decisions;
import static nl.passend.consent.Fixtures.outcome;
import static nl.passend.consent.Fixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Pupil;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.consent.ConsentDecided;
import org.junit.jupiter.api.Test;

/** The whole exchange over the real test broker: request events in, answers through the API, decisions out. */
@QuarkusTest
class ConsentExchangeTest {

    @Test
    void twoGuardiansGivingConsentProduceOneGrantedEvent() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = UUID.randomUUID();
        Fixtures.requestConsent(pupil, requestId, ConsentPurpose.OPP_ACTION_PART);
        awaitCount("select count(*) from consent_request where id = ?1", requestId, 1);

        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201)
                .body("outcome", org.hamcrest.Matchers.equalTo("OPEN"));
        answer(pupil.guardian(1).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201)
                .body("outcome", org.hamcrest.Matchers.equalTo("GRANTED"));

        List<EventEnvelope> out = decisions(requestId, 1, Duration.ofSeconds(30));
        assertThat(out).hasSize(1);
        EventEnvelope event = out.get(0);
        assertThat(event.subject()).isEqualTo(pupil.id().toString());
        assertThat(event.schoolcode()).isEqualTo(pupil.schoolCode());
        ConsentDecided decided = EventJson.data(event, ConsentDecided.class);
        assertThat(decided.outcome()).isEqualTo(ConsentOutcome.GRANTED);
        assertThat(decided.requestId()).isEqualTo(requestId);
        assertThat(decided.purpose()).isEqualTo(ConsentPurpose.OPP_ACTION_PART);
        assertThat(decided.subject().version()).isEqualTo(3);
        // ids and codes only: no guardian, account or name in the event
        assertThat(event.data().toString()).doesNotContain(pupil.guardian(0).accountId())
                .doesNotContain(pupil.guardian(0).id().toString());
    }

    @Test
    void oneRefusalRefuses() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);

        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        answer(pupil.guardian(1).token(), requestId, Map.of("answer", "REFUSED")).then().statusCode(201);

        List<EventEnvelope> out = decisions(requestId, 1, Duration.ofSeconds(30));
        assertThat(out).extracting(e -> e.data().path("outcome").asText()).containsExactly("REFUSED");
    }

    @Test
    void aWithdrawalAfterGrantedWithdraws() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        answer(pupil.guardian(1).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);

        withdraw(pupil.guardian(1).token(), requestId, Map.of()).then().statusCode(201)
                .body("outcome", org.hamcrest.Matchers.equalTo("WITHDRAWN"));

        List<EventEnvelope> out = decisions(requestId, 2, Duration.ofSeconds(30));
        assertThat(out).extracting(e -> e.data().path("outcome").asText()).containsExactly("GRANTED", "WITHDRAWN");
        // the ledger keeps every entry
        assertThat(count("select count(*) from consent_entry where request_id = ?1", requestId)).isEqualTo(3);
    }

    @Test
    void aRedeliveredRequestEventIsStoredOnce() {
        Pupil pupil = Fixtures.pupil(true);
        UUID requestId = UUID.randomUUID();
        String event = Fixtures.requestConsent(pupil, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM);
        Fixtures.sendRaw(Topics.OPP, pupil.id().toString(), event); // the same event again
        // the same request in a new envelope (the requester retried)
        EventEnvelope first = EventJson.read(event);
        EventEnvelope again = new EventEnvelope(first.specversion(), UUID.randomUUID().toString(), first.source(),
                first.type(), first.time(), first.subject(), first.schoolcode(), first.datacontenttype(), first.data());
        Fixtures.sendRaw(Topics.OPP, pupil.id().toString(), EventJson.write(again));
        UUID marker = Fixtures.requested(pupil); // processed after the three above: same partition

        assertThat(count("select count(*) from consent_request where id = ?1", marker)).isEqualTo(1);
        assertThat(count("select count(*) from consent_request where id = ?1", requestId)).isEqualTo(1);
        assertThat(count("select count(*) from consent_request where pupil_id = ?1", pupil.id())).isEqualTo(2);
        assertThat(count("select count(*) from audit_log where pupil_id = ?1 and action = 'consent.request.create'",
                pupil.id())).isEqualTo(2);
        assertThat(outcome(requestId)).isEqualTo("OPEN");
        assertThat(ADMIN).isNotBlank();
    }
}
