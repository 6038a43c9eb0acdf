package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import org.junit.jupiter.api.Test;

/**
 * The consent exchange over the real test broker: a case by name in a meeting with people from
 * outside the school publishes a request; GRANTED from passend.consent lets it be named; REFUSED
 * keeps it anonymous.
 */
@QuarkusTest
class ConsentFlowTest {

    @Test
    void aNamedCaseAsksConsentAndMayBeNamedOnceGranted() {
        Pupil pupil = Fixtures.pupil();
        UUID meeting = Fixtures.meeting(pupil.school(), "BOT", TestClock.today(), Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);

        List<EventEnvelope> requests = Fixtures.teamEvents(pupil.id().toString(), EventType.TEAM_CONSENT_REQUESTED, 1);
        ConsentRequested request = EventJson.data(requests.get(0), ConsentRequested.class);
        assertThat(request.purpose()).isEqualTo(ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM);
        assertThat(request.pupilId()).isEqualTo(pupil.id());
        assertThat(request.subject().type()).isEqualTo(ConsentSubjectType.MEETING_CASE);
        assertThat(request.subject().id()).isEqualTo(caseId);
        assertThat(request.subject().version()).isEqualTo(1);
        assertThat(request.requestId()).isEqualTo(Fixtures.consentRequestId(caseId));

        String consultant = pupil.school().swvConsultant();
        // until consent is granted the case is anonymous, also to the SWV consultant at the BOT
        given().auth().oauth2(consultant).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(false)).body("pupilId", nullValue()).body("consent.outcome", equalTo("OPEN"));
        Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of()))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://passend.nl/problems/consent-required"));

        Fixtures.decide(pupil, caseId, request.requestId(), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.GRANTED);
        TestDb.awaitCount("select count(*) from team_case where id = ? and consent_outcome = 'GRANTED'", 1, caseId);

        given().auth().oauth2(consultant).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(true)).body("pupilId", equalTo(pupil.id().toString()));
        Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of()))
                .then().statusCode(200).body("outcome.discussedAs", equalTo("NAMED"));

        CaseDiscussed discussed = EventJson.data(
                Fixtures.teamEvents(pupil.id().toString(), EventType.CASE_DISCUSSED, 1).get(0), CaseDiscussed.class);
        assertThat(discussed.named()).isTrue();
        assertThat(discussed.pupilId()).isEqualTo(pupil.id());
    }

    @Test
    void aRefusedCaseStaysAnonymous() {
        Pupil pupil = Fixtures.pupil();
        UUID meeting = Fixtures.meeting(pupil.school(), "BOT", TestClock.today(), Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        UUID requestId = Fixtures.consentRequestId(caseId);

        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.REFUSED);
        TestDb.awaitCount("select count(*) from team_case where id = ? and consent_outcome = 'REFUSED'", 1, caseId);

        Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of()))
                .then().statusCode(409).body("type", equalTo("https://passend.nl/problems/consent-required"));
        Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"), List.of()))
                .then().statusCode(200).body("named", equalTo(false)).body("pupilId", nullValue())
                .body("outcome.discussedAs", equalTo("ANONYMOUS"));
        given().auth().oauth2(pupil.school().swvConsultant()).get("/cases/{id}", caseId).then().statusCode(200)
                .body("pupilId", nullValue()).body("consent.outcome", equalTo("REFUSED"));

        // the anonymous case's event carries no pupil and is keyed by the case
        CaseDiscussed discussed = EventJson.data(
                Fixtures.teamEvents(caseId.toString(), EventType.CASE_DISCUSSED, 1).get(0), CaseDiscussed.class);
        assertThat(discussed.named()).isFalse();
        assertThat(discussed.pupilId()).isNull();
    }
}
