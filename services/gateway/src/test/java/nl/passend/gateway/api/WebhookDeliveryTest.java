package nl.passend.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static nl.passend.gateway.api.SubscriptionApiTest.create;
import static nl.passend.gateway.api.SubscriptionApiTest.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.SupportCategory;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.PupilMovedGroup;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.gateway.ClientTokens;
import nl.passend.gateway.Receiver;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Events on the real topics, delivered by the gateway to a real HTTP receiver (WireMock): signed, only what
 * was subscribed, retried with backoff, in order per pupil, given up and resumed, once per event.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String enrolled(UUID pupil, String school) {
        return TestEvents.send(EventType.PUPIL_ENROLLED, pupil.toString(), school,
                new PupilEnrolled(pupil, UUID.randomUUID(), school, 3, LocalDate.of(2026, 8, 31)));
    }

    private static String movedGroup(UUID pupil, String school) {
        return TestEvents.send(EventType.PUPIL_MOVED_GROUP, pupil.toString(), school,
                new PupilMovedGroup(pupil, school, UUID.randomUUID(), 4, LocalDate.of(2026, 9, 1)));
    }

    private static String levelChanged(UUID pupil, String school) {
        return TestEvents.send(EventType.SUPPORT_LEVEL_CHANGED, pupil.toString(), school,
                new SupportLevelChanged(UUID.randomUUID(), pupil, school, SupportLevel.LEVEL_3, SupportCategory.BASIC,
                        SupportLevel.LEVEL_2, List.of(), null, LocalDate.of(2026, 10, 1)));
    }

    private static String id(String eventJson) {
        return EventJson.read(eventJson).id();
    }

    private static String subscribe(String token, Receiver receiver, List<EventType> types, String school) {
        return create(token, subscription(receiver.url(), types.stream().map(EventType::type).toList(),
                List.of(school))).then().statusCode(201).extract().asString();
    }

    private static void awaitConsumed(String... eventIds) {
        for (String eventId : eventIds) {
            TestDb.awaitCount("select count(*) from inbox_event where event_id = ?", 1, eventId);
        }
    }

    @Test
    void aSubscribedEventIsDeliveredSignedAndEventsOfOtherSchoolsOrTypesAreNot() throws Exception {
        String school = TestTokens.newSchoolCode();
        String otherSchool = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(200);
        JsonPath subscription = JsonPath.from(subscribe(sis, receiver,
                List.of(EventType.PUPIL_ENROLLED, EventType.SUPPORT_LEVEL_CHANGED), school));
        String secret = subscription.getString("secret");

        UUID pupil = UUID.randomUUID();
        String wanted = enrolled(pupil, school);
        String otherSchoolsEvent = enrolled(UUID.randomUUID(), otherSchool);
        String otherType = TestEvents.send(EventType.PUPIL_LEFT, pupil.toString(), school,
                new PupilLeft(pupil, UUID.randomUUID(), school, null, null, LocalDate.of(2026, 12, 1)));
        String alsoWanted = levelChanged(pupil, school);

        await().atMost(WAIT).until(() -> receiver.received().size() >= 2);
        awaitConsumed(id(otherSchoolsEvent), id(otherType));
        assertThat(TestDb.count("select count(*) from webhook_delivery where event_id in (?, ?)",
                id(otherSchoolsEvent), id(otherType))).isZero();
        List<LoggedRequest> received = receiver.received();
        assertThat(received).hasSize(2);
        assertThat(received.stream().map(r -> r.getHeader("webhook-id")))
                .containsExactlyInAnyOrder(id(wanted), id(alsoWanted));

        Response deliveries = given().auth().oauth2(sis)
                .get("/api/v1/subscriptions/{id}/deliveries", subscription.getString("id"));
        deliveries.then().statusCode(200)
                .body("size()", equalTo(2))
                .body("status", equalTo(List.of("DELIVERED", "DELIVERED")))
                .body("attempts", equalTo(List.of(1, 1)))
                .body("lastStatusCode", equalTo(List.of(200, 200)));

        for (LoggedRequest request : received) {
            String eventId = request.getHeader("webhook-id");
            String sent = eventId.equals(id(wanted)) ? wanted : alsoWanted;
            // the CloudEvent in structured mode, as it was published: ids and codes only
            assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
            JsonNode body = EventJson.mapper().readTree(request.getBodyAsString());
            assertThat(body).isEqualTo(EventJson.mapper().readTree(sent));
            assertThat(body.path("specversion").asText()).isEqualTo("1.0");
            assertThat(body.path("schoolcode").asText()).isEqualTo(school);
            assertThat(body.path("subject").asText()).isEqualTo(pupil.toString());
            // signed with the subscription's secret over id.timestamp.body (Standard Webhooks), checked from scratch
            String timestamp = request.getHeader("webhook-timestamp");
            assertThat(Long.parseLong(timestamp)).isBetween(TestClock.now().getEpochSecond() - 60,
                    TestClock.now().getEpochSecond() + 5);
            assertThat(request.getHeader("webhook-signature")).isEqualTo(
                    Receiver.expectedSignature(secret, eventId, timestamp, request.getBody()));
            assertThat(Receiver.expectedSignature(secret, eventId, timestamp,
                    (request.getBodyAsString() + " ").getBytes(StandardCharsets.UTF_8)))
                    .isNotEqualTo(request.getHeader("webhook-signature"));
            // the delivery's id is the correlation id
            String correlationId = request.getHeader("X-Correlation-Id");
            assertThat(deliveries.jsonPath().getString("find { it.eventId == '" + eventId + "' }.id"))
                    .isEqualTo(correlationId);
        }
    }

    @Test
    void aFailingReceiverIsTriedAgainWithBackoffAndThePupilsNextEventWaitsForIt() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(200);
        String subscriptionId = JsonPath.from(subscribe(sis, receiver,
                List.of(EventType.PUPIL_ENROLLED, EventType.PUPIL_MOVED_GROUP), school)).getString("id");

        UUID pupil = UUID.randomUUID();
        UUID otherPupil = UUID.randomUUID();
        String first = enrolled(pupil, school);
        // the first delivery of the pupil's first event fails twice (500, then 503), then succeeds
        String scenario = "fails-twice-" + UUID.randomUUID();
        receiver.server().register(post(urlEqualTo(receiver.path())).atPriority(1)
                .withRequestBody(containing(id(first)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        receiver.server().register(post(urlEqualTo(receiver.path())).atPriority(1)
                .withRequestBody(containing(id(first)))
                .inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        String second = movedGroup(pupil, school);
        String otherPupils = enrolled(otherPupil, school);

        await().atMost(WAIT).until(() -> receiver.receivedIds().contains(id(second)));
        List<LoggedRequest> received = receiver.received();
        List<String> ofThePupil = received.stream().map(r -> r.getHeader("webhook-id"))
                .filter(i -> i.equals(id(first)) || i.equals(id(second))).toList();
        assertThat(ofThePupil).containsExactly(id(first), id(first), id(first), id(second));
        // the waits between the attempts grew (200 ms, then 400 ms in the test profile)
        List<Instant> attempts = received.stream().filter(r -> r.getHeader("webhook-id").equals(id(first)))
                .map(r -> r.getLoggedDate().toInstant()).toList();
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        // the same delivery each time: one correlation id; the other pupil did not wait for this one
        assertThat(received.stream().filter(r -> r.getHeader("webhook-id").equals(id(first)))
                .map(r -> r.getHeader("X-Correlation-Id")).distinct()).hasSize(1);
        assertThat(receiver.receivedIds()).contains(id(otherPupils));
        assertThat(receiver.receivedIds().indexOf(id(otherPupils)))
                .isLessThan(receiver.receivedIds().lastIndexOf(id(first)));

        await().atMost(WAIT).until(() -> TestDb.count(
                "select count(*) from webhook_delivery where subscription_id = ?::uuid and status = 'DELIVERED'",
                subscriptionId) == 3);
        given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}/deliveries?status=DELIVERED", subscriptionId)
                .then().statusCode(200)
                .body("find { it.eventId == '" + id(first) + "' }.attempts", equalTo(3))
                .body("find { it.eventId == '" + id(first) + "' }.lastStatusCode", equalTo(200))
                .body("find { it.eventId == '" + id(second) + "' }.attempts", equalTo(1));
    }

    @Test
    void aDeliveryGivenUpMakesTheSubscriptionFailingAndTheRestWaitsUntilItIsResumed() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(200);
        String subscriptionId = JsonPath.from(subscribe(sis, receiver,
                List.of(EventType.PUPIL_ENROLLED, EventType.PUPIL_MOVED_GROUP), school)).getString("id");

        UUID pupil = UUID.randomUUID();
        String first = enrolled(pupil, school);
        StubMapping broken = receiver.server().register(post(urlEqualTo(receiver.path())).atPriority(1)
                .withRequestBody(containing(id(first))).willReturn(aResponse().withStatus(500)));
        String second = movedGroup(pupil, school);

        // three attempts (the test profile's max), then given up
        await().atMost(WAIT).until(() -> "FAILING".equals(TestDb.string(
                "select status from webhook_subscription where id = ?::uuid", subscriptionId)));
        assertThat(receiver.receivedIds()).containsExactly(id(first), id(first), id(first));
        // what comes now waits too, even for another pupil
        String third = enrolled(UUID.randomUUID(), school);
        awaitConsumed(id(third));
        Response failing = given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}", subscriptionId);
        failing.then().statusCode(200)
                .body("status", equalTo("FAILING"))
                .body("failingReason", startsWith("delivery "))
                .body("failingSince", org.hamcrest.Matchers.notNullValue());
        assertThat(failing.<String>path("failingReason")).contains(id(first), "http-500");
        assertThat(TestDb.string("select status || '/' || attempts || '/' || last_error from webhook_delivery "
                + "where event_id = ?", id(first))).isEqualTo("FAILED/3/http-500");
        assertThat(receiver.receivedIds()).containsExactly(id(first), id(first), id(first));

        // the receiver is fixed; the client resumes: the given-up one goes again first, then the rest
        receiver.server().removeStubMapping(broken);
        given().auth().oauth2(sis).header("If-Match", failing.header("ETag"))
                .post("/api/v1/subscriptions/{id}/resume", subscriptionId)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("failingReason", equalTo(null));

        await().atMost(WAIT).until(() -> receiver.receivedIds().size() == 6);
        List<String> ids = receiver.receivedIds();
        assertThat(ids.subList(3, 6)).containsExactlyInAnyOrder(id(first), id(second), id(third));
        assertThat(ids.lastIndexOf(id(first))).isLessThan(ids.indexOf(id(second)));
        given().auth().oauth2(sis).get("/api/v1/subscriptions/{id}/deliveries", subscriptionId).then().statusCode(200)
                .body("status", equalTo(List.of("DELIVERED", "DELIVERED", "DELIVERED")))
                .body("eventId", equalTo(List.of(id(third), id(second), id(first))));
    }

    @Test
    void aRedeliveredRecordMakesOneDelivery() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(200);
        subscribe(sis, receiver, List.of(EventType.PUPIL_ENROLLED), school);

        UUID pupil = UUID.randomUUID();
        String event = enrolled(pupil, school);
        TestEvents.sendRaw(EventType.PUPIL_ENROLLED.topic(), pupil.toString(), event); // Kafka gives it again
        String after = enrolled(UUID.randomUUID(), school);

        await().atMost(WAIT).until(() -> receiver.receivedIds().contains(id(after)));
        assertThat(receiver.receivedIds()).containsExactlyInAnyOrder(id(event), id(after));
        assertThat(TestDb.count("select count(*) from webhook_delivery where event_id = ?", id(event))).isEqualTo(1);
    }

    @Test
    void anErasedPupilsDeliveriesAreDeletedAndTheErasureIsDelivered() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(204);
        subscribe(sis, receiver, List.of(EventType.PUPIL_ENROLLED, EventType.PUPIL_ERASED), school);

        UUID pupil = UUID.randomUUID();
        String event = enrolled(pupil, school);
        await().atMost(WAIT).until(() -> receiver.receivedIds().contains(id(event)));
        String erased = TestEvents.send(EventType.PUPIL_ERASED, pupil.toString(), school,
                new PupilErased(pupil, school, LocalDate.of(2028, 8, 1)));

        await().atMost(WAIT).until(() -> receiver.receivedIds().contains(id(erased)));
        assertThat(TestDb.string("select string_agg(event_id, ',') from webhook_delivery where event_key = ?",
                pupil.toString())).isEqualTo(id(erased));
    }

    @Test
    void afterARotationTheNewSecretSignsAndTheOldOneToo() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(200);
        JsonPath subscription = JsonPath.from(subscribe(sis, receiver, List.of(EventType.PUPIL_ENROLLED), school));
        String oldSecret = subscription.getString("secret");
        String newSecret = given().auth().oauth2(sis).header("If-Match", "\"0\"")
                .post("/api/v1/subscriptions/{id}/secret", subscription.getString("id"))
                .then().statusCode(200).extract().path("secret");

        String event = enrolled(UUID.randomUUID(), school);
        await().atMost(WAIT).until(() -> receiver.receivedIds().contains(id(event)));
        LoggedRequest request = receiver.received().get(0);
        String timestamp = request.getHeader("webhook-timestamp");
        // during the grace period: "v1,<with the new secret> v1,<with the previous one>"
        assertThat(request.getHeader("webhook-signature").split(" ")).containsExactly(
                Receiver.expectedSignature(newSecret, id(event), timestamp, request.getBody()),
                Receiver.expectedSignature(oldSecret, id(event), timestamp, request.getBody()));
    }

    @Test
    void afterTheGracePeriodOnlyTheNewSecretSigns() {
        String school = TestTokens.newSchoolCode();
        String sis = ClientTokens.sis("sis-" + UUID.randomUUID(), school);
        Receiver receiver = new Receiver().answering(200);
        JsonPath subscription = JsonPath.from(subscribe(sis, receiver, List.of(EventType.PUPIL_ENROLLED), school));
        String newSecret = given().auth().oauth2(sis).header("If-Match", "\"0\"")
                .post("/api/v1/subscriptions/{id}/secret", subscription.getString("id"))
                .then().statusCode(200).extract().path("secret");

        String event;
        // the grace period is 24 hours: a day and an hour later the previous secret signs no more
        try (TestClock.Travel later = TestClock.travel(Duration.ofHours(25))) {
            event = enrolled(UUID.randomUUID(), school);
            await().atMost(WAIT).until(() -> receiver.receivedIds().contains(id(event)));
        }
        LoggedRequest request = receiver.received().get(0);
        assertThat(request.getHeader("webhook-signature")).isEqualTo(Receiver.expectedSignature(newSecret, id(event),
                request.getHeader("webhook-timestamp"), request.getBody()));
    }
}
