package nl.passend.consent.api;

import static io.restassured.RestAssured.given;
import static nl.passend.consent.Fixtures.ADMIN;
import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.decisions;
import static nl.passend.consent.Fixtures.outcome;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Guardian;
import nl.passend.consent.Fixtures.Pupil;
import nl.passend.events.EventType;
import org.junit.jupiter.api.Test;

/** Parental authority learned from passend.pupil decides who must answer, also for requests already open. */
@QuarkusTest
class GuardianAuthorityTest {

    private static List<String> required(UUID requestId) {
        return given().auth().oauth2(ADMIN).get("/consent-requests/{id}", requestId).then().statusCode(200)
                .extract().jsonPath().getList("requiredGuardians", String.class);
    }

    @Test
    void onlyGuardiansWithParentalAuthorityAreRequired() {
        Pupil pupil = Fixtures.pupil(true, false, true);
        UUID requestId = Fixtures.requested(pupil);
        given().auth().oauth2(ADMIN).get("/consent-requests/{id}", requestId).then()
                .body("requiredGuardians", containsInAnyOrder(pupil.guardian(0).id().toString(),
                        pupil.guardian(2).id().toString()));
    }

    @Test
    void aRequestWithoutKnownGuardiansStaysOpenUntilOneIsKnown() {
        Pupil pupil = Fixtures.pupil();
        UUID requestId = Fixtures.requested(pupil);
        given().auth().oauth2(ADMIN).get("/consent-requests/{id}", requestId).then().body("requiredGuardians", hasSize(0));
        assertThat(outcome(requestId)).isEqualTo("OPEN");

        Guardian mother = new Guardian(UUID.randomUUID(), "parent-" + UUID.randomUUID(), true);
        Fixtures.guardianEvent(EventType.GUARDIAN_ADDED, pupil.id(), pupil.schoolCode(), mother);
        await().atMost(Duration.ofSeconds(30)).until(() -> required(requestId).size() == 1);

        answer(mother.token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        assertThat(outcome(requestId)).isEqualTo("GRANTED");
    }

    @Test
    void aGuardianWhoGainsAuthorityIsAddedToOpenRequests() {
        Pupil pupil = Fixtures.pupil(true, false);
        UUID open = Fixtures.requested(pupil);
        UUID decided = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), decided, Map.of("answer", "GIVEN")).then().statusCode(201);
        assertThat(outcome(decided)).isEqualTo("GRANTED");

        Guardian father = pupil.guardian(1);
        Fixtures.guardianEvent(EventType.GUARDIAN_CHANGED, pupil.id(), pupil.schoolCode(),
                new Guardian(father.id(), father.accountId(), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> required(open).size() == 2);
        assertThat(required(decided)).hasSize(1); // a decided request keeps its guardians

        UUID later = Fixtures.requested(pupil);
        assertThat(required(later)).containsExactlyInAnyOrder(pupil.guardian(0).id().toString(),
                father.id().toString());
        answer(father.token(), open, Map.of("answer", "GIVEN")).then().statusCode(201);
    }

    @Test
    void aGuardianWhoLosesAuthorityIsRemovedAndTheOutcomeRecomputed() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).then().statusCode(201);
        assertThat(outcome(requestId)).isEqualTo("OPEN");

        Guardian father = pupil.guardian(1);
        Fixtures.guardianEvent(EventType.GUARDIAN_CHANGED, pupil.id(), pupil.schoolCode(),
                new Guardian(father.id(), father.accountId(), false));
        await().atMost(Duration.ofSeconds(30)).until(() -> required(requestId).size() == 1);

        assertThat(outcome(requestId)).isEqualTo("GRANTED");
        assertThat(decisions(requestId, 1, Duration.ofSeconds(30)))
                .extracting(e -> e.data().path("outcome").asText()).containsExactly("GRANTED");
        assertProblem(answer(father.token(), requestId, Map.of("answer", "REFUSED")), 403, "not-a-required-guardian");

        UUID later = Fixtures.requested(pupil);
        assertThat(required(later)).containsExactly(pupil.guardian(0).id().toString());
    }

    @Test
    void aRemovedGuardianNoLongerCounts() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);
        Fixtures.guardianEvent(EventType.GUARDIAN_REMOVED, pupil.id(), pupil.schoolCode(), pupil.guardian(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> required(requestId).size() == 1);
        // the removed guardian is no longer this child's parent
        assertProblem(answer(pupil.guardian(1).token(), requestId, Map.of("answer", "GIVEN")), 404, "not-found");
        answer(pupil.guardian(0).token(), requestId, Map.of("answer", "REFUSED")).then().statusCode(201);
        assertThat(outcome(requestId)).isEqualTo("REFUSED");
    }
}
