package nl.passend.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.reporting.Feed;
import nl.passend.reporting.KnownSwv;
import nl.passend.reporting.Tokens;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The same facts give the same figures whatever the order they arrive in: shuffled (so a pupil's
 * leaving can come before their enrolment, a TLV's decision before its request), with a fifth of
 * them delivered twice.
 */
@QuarkusTest
class ProjectionOrderTest {

    @Test
    void shuffledAndRedeliveredEventsGiveTheFiguresOfOrderedDelivery() {
        KnownSwv ordered = new KnownSwv(21);
        Feed.send(ordered);

        KnownSwv shuffled = new KnownSwv(22);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shuffled.events().size(); i++) {
            order.add(i);
        }
        Random random = new Random(7);
        Collections.shuffle(order, random);
        List<Integer> redeliveries = new ArrayList<>(order.subList(0, order.size() / 5));
        for (int i : redeliveries) {
            order.add(random.nextInt(order.size()), i);
        }
        assertThat(leftBeforeEnrolled(shuffled, order)).as("pupils whose leaving arrives before their enrolment")
                .isGreaterThan(0);
        Feed.send(shuffled, order);

        for (String countDate : List.of("OCTOBER", "FEBRUARY")) {
            assertThat(normalized(inCodesOf(ordered, shuffled, report(shuffled, "/swvs/{swv}/report", countDate))))
                    .isEqualTo(normalized(report(ordered, "/swvs/{swv}/report", countDate)));
        }
        assertThat(inCodesOf(ordered, shuffled, report(shuffled, "/swvs/{swv}/trend", "OCTOBER")))
                .isEqualTo(report(ordered, "/swvs/{swv}/trend", "OCTOBER"));
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicAndTheFeedMovesOn() {
        String key = "garbage-" + System.nanoTime();
        TestEvents.sendRaw(Topics.PUPIL, key, "{ this is not an event");
        KnownSwv after = new KnownSwv(23);
        Feed.send(after);
        assertThat(TopicProbe.records(Topics.deadLetter(Topics.PUPIL, "reporting-service"), r -> key.equals(r.key()), 1,
                Duration.ofSeconds(30))).singleElement().satisfies(r -> assertThat(new String(
                        r.headers().lastHeader("dead-letter-reason").value())).contains("not a CloudEvents envelope"));
        given().auth().oauth2(Tokens.analyst(after.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .get("/swvs/{swv}/report", after.swv).then().statusCode(200)
                .body("participation.bao", org.hamcrest.Matchers.equalTo(300));
    }

    /** The report with its schools and signals in one order (they are listed by school code, which differs per set). */
    private static String normalized(String json) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode report = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            for (String list : List.of("schools", "signals")) {
                List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
                report.get(list).forEach(items::add);
                items.sort(java.util.Comparator.comparing(n -> n.path("schoolCode").asText() + n.path("kind").asText()));
                report.putArray(list).addAll(items);
            }
            return report.toPrettyString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String report(KnownSwv swv, String path, String countDate) {
        return given().auth().oauth2(Tokens.analyst(swv.swv)).queryParam("schoolYear", KnownSwv.YEAR)
                .queryParam("countDate", countDate).get(path, swv.swv).then().statusCode(200).extract().asString();
    }

    /** The other set's report with its codes replaced by this set's. */
    private static String inCodesOf(KnownSwv to, KnownSwv from, String json) {
        Map<String, String> codes = new HashMap<>();
        codes.put(from.otherSwv, to.otherSwv); // before swv: it starts with it
        codes.put(from.swv, to.swv);
        codes.put(from.boardA, to.boardA);
        codes.put(from.boardB, to.boardB);
        codes.put(from.boardSpecial, to.boardSpecial);
        codes.put(from.a, to.a);
        codes.put(from.b, to.b);
        codes.put(from.c, to.c);
        codes.put(from.d, to.d);
        codes.put(from.sbo, to.sbo);
        codes.put(from.so, to.so);
        String result = json;
        for (Map.Entry<String, String> e : codes.entrySet().stream()
                .sorted((x, y) -> y.getKey().length() - x.getKey().length()).toList()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        return result;
    }

    private static long leftBeforeEnrolled(KnownSwv swv, List<Integer> order) {
        Map<String, Integer> enrolledAt = new HashMap<>();
        Map<String, Integer> leftAt = new HashMap<>();
        for (int position = 0; position < order.size(); position++) {
            EventEnvelope e = EventJson.read(swv.events().get(order.get(position)));
            String enrolment = e.data().path("enrolmentId").asText();
            if (e.type().equals(EventType.PUPIL_ENROLLED.type())) {
                enrolledAt.putIfAbsent(enrolment, position);
            } else if (e.type().equals(EventType.PUPIL_LEFT.type())) {
                leftAt.putIfAbsent(enrolment, position);
            }
        }
        return leftAt.entrySet().stream().filter(l -> l.getValue() < enrolledAt.getOrDefault(l.getKey(), -1)).count();
    }
}
