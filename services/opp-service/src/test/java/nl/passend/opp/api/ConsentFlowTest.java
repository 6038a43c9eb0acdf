package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.opp.Fixtures.act;
import static nl.passend.opp.Fixtures.awaitDecisions;
import static nl.passend.opp.Fixtures.awaitStatus;
import static nl.passend.opp.Fixtures.decide;
import static nl.passend.opp.Fixtures.get;
import static nl.passend.opp.Fixtures.oppEvents;
import static nl.passend.opp.Fixtures.requestConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.opp.OppChanged;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The consent-gated lifecycle over the real test broker: the request goes out on passend.opp, the
 * decision comes back on passend.consent, the director establishes.
 */
@QuarkusTest
class ConsentFlowTest {

    @Test
    void draftConsentGrantedEstablished() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        get(pupil.staff("teacher"), planId).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("current.number", equalTo(1));

        UUID requestId = requestConsent(pupil, planId, 1);
        get(pupil.staff("ib"), planId).then().body("status", equalTo("IN_DIALOGUE"));

        List<EventEnvelope> requests = oppEvents(planId, EventType.OPP_CONSENT_REQUESTED, 1);
        assertThat(requests).hasSize(1);
        EventEnvelope request = requests.get(0);
        assertThat(request.subject()).isEqualTo(pupil.id().toString());
        ConsentRequested requested = EventJson.data(request, ConsentRequested.class);
        assertThat(requested.requestId()).isEqualTo(requestId);
        assertThat(requested.purpose().name()).isEqualTo("OPP_ACTION_PART");
        assertThat(requested.subject().type().name()).isEqualTo("OPP");
        assertThat(requested.subject().id()).isEqualTo(planId);
        assertThat(requested.subject().version()).isEqualTo(1);
        assertThat(requested.pupilId()).isEqualTo(pupil.id());

        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");

        String director = TestTokens.token("director-anna", "director", pupil.schoolCode());
        act(director, pupil, planId, 1, "establishment").then().statusCode(200)
                .body("status", equalTo("ESTABLISHED")).body("inForceVersion", equalTo(1))
                .body("current.establishedBy", equalTo("director-anna"))
                .body("current.establishedRole", equalTo("director"))
                .body("current.establishedAt", org.hamcrest.Matchers.notNullValue())
                .body("current.consent.outcome", equalTo("GRANTED"));

        List<EventEnvelope> established = oppEvents(planId, EventType.OPP_ESTABLISHED, 1);
        assertThat(established).hasSize(1);
        OppChanged changed = EventJson.data(established.get(0), OppChanged.class);
        assertThat(changed.status().name()).isEqualTo("ESTABLISHED");
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.expectedDestination().name()).isEqualTo("VMBO_KB");
        // ids, codes and dates only: nothing of the plan's text travels
        assertThat(established.get(0).data().toString()).doesNotContain("Rekent").doesNotContain("werkgeheugen");
    }

    @Test
    void theDirectorCannotEstablishBeforeConsent() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        ProblemAsserts.problem(act(pupil.staff("director"), pupil, planId, 1, "establishment"), 409, "not-consented");
        requestConsent(pupil, planId, 1);
        ProblemAsserts.problem(act(pupil.staff("director"), pupil, planId, 1, "establishment"), 409, "not-consented");
        // only the director establishes: the IB'er may not, even after consent
        assertThat(act(pupil.staff("ib"), pupil, planId, 1, "establishment").statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusalKeepsTheVersionInDialogueWithTheRefusalVisible() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);

        decide(pupil, planId, 1, requestId, ConsentOutcome.REFUSED);
        awaitDecisions(planId, 1);

        get(pupil.parent(), planId).then().statusCode(200).body("status", equalTo("IN_DIALOGUE"))
                .body("current.consent.outcome", equalTo("REFUSED"))
                .body("current.consent.decisions[0].applied", equalTo(true));
        ProblemAsserts.problem(act(pupil.staff("director"), pupil, planId, 1, "establishment"), 409, "not-consented");

        // the dialogue goes on: consent may be asked again for this version, with a new request id
        UUID again = requestConsent(pupil, planId, 1);
        assertThat(again).isNotEqualTo(requestId);
        get(pupil.staff("ib"), planId).then().body("status", equalTo("IN_DIALOGUE"))
                .body("current.consent.outcome", nullValue());
        // a late decision about the first request changes nothing but the record
        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitDecisions(planId, 2);
        get(pupil.staff("ib"), planId).then().body("status", equalTo("IN_DIALOGUE"))
                .body("current.consent.decisions[1].applied", equalTo(false));
        decide(pupil, planId, 1, again, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");
    }

    @Test
    void anExpiryKeepsTheVersionInDialogue() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);
        decide(pupil, planId, 1, requestId, ConsentOutcome.EXPIRED);
        awaitDecisions(planId, 1);
        get(pupil.staff("ib"), planId).then().body("status", equalTo("IN_DIALOGUE"))
                .body("current.consent.outcome", equalTo("EXPIRED"));
    }

    @Test
    void aRedeliveredDecisionHasNoSecondEffect() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);
        String envelope = decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");

        TestEvents.sendRaw(Topics.CONSENT, pupil.id().toString(), envelope);
        // a marker event behind the redelivery on the same partition: once it is in, the redelivery was seen
        Pupil other = Fixtures.pupil();
        UUID otherPlan = Fixtures.createPlan(other).id();
        UUID otherRequest = requestConsent(other, otherPlan, 1);
        decide(other, otherPlan, 1, otherRequest, ConsentOutcome.REFUSED);
        awaitDecisions(otherPlan, 1);

        assertThat(TestDb.count("select count(*) from opp_consent_decision where plan_id = ?", planId)).isEqualTo(1);
        assertThat(oppEvents(planId, EventType.OPP_CONSENTED, 1)).hasSize(1);
    }

    @Test
    void aDecisionAboutASupersededVersionChangesNothingButTheRecord() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        UUID requestId = requestConsent(pupil, planId, 1);
        // the team revises the plan as version 2 while version 1 is in dialogue
        given().auth().oauth2(pupil.staff("teacher")).header("If-Match", Fixtures.etag(pupil, planId))
                .contentType(ContentType.JSON).body(Fixtures.planInput()).post("/opps/{id}/versions", planId)
                .then().statusCode(201).body("currentVersion", equalTo(2)).body("status", equalTo("DRAFT"));

        decide(pupil, planId, 1, requestId, ConsentOutcome.GRANTED);
        awaitDecisions(planId, 1);

        get(pupil.staff("ib"), planId).then().body("status", equalTo("DRAFT")).body("currentVersion", equalTo(2));
        given().auth().oauth2(pupil.staff("ib")).get("/opps/{id}/versions/1", planId).then().statusCode(200)
                .body("status", equalTo("IN_DIALOGUE")).body("consent.decisions[0].outcome", equalTo("GRANTED"))
                .body("consent.decisions[0].applied", equalTo(false)).body("supersededAt", org.hamcrest.Matchers.notNullValue());
        ProblemAsserts.problem(act(pupil.staff("director"), pupil, planId, 1, "establishment"), 409, "not-current");
    }

    @Test
    void aWithdrawalAfterEstablishmentIsRecordedAndFlagsThePlan() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        UUID requestId = UUID.fromString(get(pupil.staff("ib"), planId).path("current.consent.requestId"));

        decide(pupil, planId, 1, requestId, ConsentOutcome.WITHDRAWN);
        awaitDecisions(planId, 2);

        get(pupil.staff("ib"), planId).then().body("status", equalTo("ESTABLISHED"))
                .body("attention", equalTo("CONSENT_WITHDRAWN"))
                .body("current.consent.outcome", equalTo("WITHDRAWN"));
        assertThat(oppEvents(planId, EventType.OPP_CONSENT_WITHDRAWN, 1)).hasSize(1);
    }
}
