package nl.passend.consent.api;

import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.count;
import static nl.passend.consent.Fixtures.decidedInOutbox;
import static nl.passend.consent.Fixtures.decisions;
import static nl.passend.consent.Fixtures.outcome;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Pupil;
import nl.passend.consent.config.ConsentConfig;
import nl.passend.consent.service.ConsentExpiry;
import nl.passend.testing.TestClock;
import org.junit.jupiter.api.Test;

/** An open request expires after the configured time; a decided one does not; an expired one takes no answers. */
@QuarkusTest
class ConsentExpiryTest {

    @Inject
    ConsentExpiry expiry;

    @Inject
    ConsentConfig config;

    @Test
    void anOpenRequestExpiresAfterTheConfiguredTimeAndTakesNoMoreAnswers() {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID open = Fixtures.requested(pupil);
        UUID granted = Fixtures.requested(pupil);
        answer(pupil.guardian(0).token(), open, Map.of("answer", "GIVEN")).then().statusCode(201);
        answer(pupil.guardian(0).token(), granted, Map.of("answer", "GIVEN")).then().statusCode(201);
        answer(pupil.guardian(1).token(), granted, Map.of("answer", "GIVEN")).then().statusCode(201);

        // expires_at = requested_at + passend.consent.expire-after
        Instant requestedAt = Instant.parse(io.restassured.RestAssured.given().auth().oauth2(Fixtures.ADMIN)
                .get("/consent-requests/{id}", open).then().extract().path("requestedAt"));
        Instant expiresAt = Instant.parse(io.restassured.RestAssured.given().auth().oauth2(Fixtures.ADMIN)
                .get("/consent-requests/{id}", open).then().extract().path("expiresAt"));
        assertThat(Duration.between(requestedAt, expiresAt)).isEqualTo(config.expireAfter());

        expiry.expireDue();
        assertThat(outcome(open)).isEqualTo("OPEN"); // not yet due

        // time passes: both requests are past their expiry (and so is every request still open in the
        // test database, which the job expires with them)
        try (TestClock.Travel later = TestClock.travel(config.expireAfter().plusMinutes(1))) {
            assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        }

        assertThat(outcome(open)).isEqualTo("EXPIRED");
        assertThat(outcome(granted)).isEqualTo("GRANTED");
        assertThat(decisions(open, 1, Duration.ofSeconds(30)))
                .extracting(e -> e.data().path("outcome").asText()).containsExactly("EXPIRED");
        assertThat(count("select count(*) from audit_log where pupil_id = ?1 and action = 'consent.expire'",
                pupil.id())).isEqualTo(1);

        long before = count("select count(*) from consent_entry where request_id = ?1", open);
        assertProblem(answer(pupil.guardian(1).token(), open, Map.of("answer", "GIVEN")), 409, "request-expired");
        assertThat(count("select count(*) from consent_entry where request_id = ?1", open)).isEqualTo(before);
        // expiring again changes nothing
        try (TestClock.Travel later = TestClock.travel(config.expireAfter().plusMinutes(2))) {
            expiry.expireDue();
        }
        assertThat(decidedInOutbox(open)).containsExactly("EXPIRED");
    }
}
