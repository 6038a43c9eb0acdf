package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static nl.passend.team.api.ArrangementApiTest.sent;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.events.team.TlvChanged;
import nl.passend.testing.TestClock;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.team.api.ArrangementApiTest.Rows;
import nl.passend.testing.AuditTrail;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * TLV requests through the API: the IB'er prepares one with the experts' written advices, the
 * director submits it for the board (two advices by two different experts, one an orthopedagoog or
 * psycholoog), the SWV's configured deciding role decides (GRANTED with a fitting category and
 * dates, REFUSED with a reason), and the decision can be objected to within 6 weeks. One open request
 * per pupil; the events carry ids, codes and dates only; every refusal is a problem with nothing
 * written.
 */
@QuarkusTest
class TlvApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final LocalDate TODAY = TestClock.today();
    /** In the tests this SWV has its board decide TLVs (%test.passend.team.tlv.decider-roles). */
    private static final String BOARD_DECIDES = "SWV-BOARD-DECIDES";

    private static final String MOTIVATION = "Ondersteuningsbehoefte overstijgt de basisschool";
    private static final String SUMMARY = "Het kind is gebaat bij een kleinere groep met meer structuur";
    private static final String REASON = "De basisschool heeft de mogelijkheden met een arrangement nog niet benut";
    private static final String GROUNDS = "Wij zijn het niet eens met de categorie";

    // ---- the whole way ----------------------------------------------------------------------------

    @Test
    void theIbPreparesTheDirectorSubmitsAndTheSwvConsultantGrants() {
        Pupil pupil = Fixtures.pupil();
        String ib = pupil.staff("ib");
        Response prepared = Fixtures.prepareTlv(pupil, "SO", List.of(Fixtures.advice("Drs. A. de Vries", "ORTHOPEDAGOOG")));
        prepared.then().statusCode(201).header("ETag", "\"0\"").body("status", equalTo("DRAFT"))
                .body("pupilId", equalTo(pupil.id().toString())).body("schoolCode", equalTo(pupil.schoolCode()))
                .body("swvCode", equalTo(pupil.school().swv())).body("target", equalTo("SO"))
                .body("motivation", equalTo(MOTIVATION)).body("advices.size()", equalTo(1))
                .body("advices[0].expertName", equalTo("Drs. A. de Vries"))
                .body("advices[0].discipline", equalTo("ORTHOPEDAGOOG")).body("submittedOn", nullValue())
                .body("decision", nullValue()).body("objection", nullValue());
        UUID id = UUID.fromString(prepared.path("id"));
        assertThat(prepared.header("Location")).endsWith("/tlv-requests/" + id);

        String etag = addAdvice(ib, id, "\"0\"", advice("Dr. B. Kuiper", "CHILD_PSYCHIATRIST", "BIG-12345"))
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("advices.size()", equalTo(2))
                .body("advices[1].registration", equalTo("BIG-12345")).extract().header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(sent(EventType.TLV_REQUESTED, pupil.id(), 0)).isEmpty();

        String director = pupil.staff("director");
        etag = submit(director, id, etag).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("submittedOn", equalTo(TODAY.toString())).body("decision", nullValue())
                .extract().header("ETag");
        List<ConsumerRecord<String, String>> requested = sent(EventType.TLV_REQUESTED, pupil.id(), 1);
        assertThat(requested).hasSize(1);
        assertThat(requested.get(0).key()).isEqualTo(pupil.id().toString());
        EventEnvelope requestedEnvelope = EventJson.read(requested.get(0).value());
        assertThat(requestedEnvelope.type()).isEqualTo("nl.passend.team.tlv-requested.v1");
        assertThat(EventJson.data(requestedEnvelope, TlvChanged.class)).isEqualTo(new TlvChanged(id, pupil.id(),
                pupil.schoolCode(), pupil.school().swv(), TlvTarget.SO, null, null, null, null, null, TODAY));

        String consultant = pupil.school().swvConsultant();
        LocalDate start = TODAY.plusMonths(1);
        LocalDate end = TODAY.plusYears(2);
        decide(consultant, id, etag, granted("SO_MEDIUM", start, end)).then().statusCode(200)
                .body("status", equalTo("GRANTED")).body("decision.outcome", equalTo("GRANTED"))
                .body("decision.category", equalTo("SO_MEDIUM")).body("decision.startDate", equalTo(start.toString()))
                .body("decision.endDate", equalTo(end.toString()))
                .body("decision.issuingSwvCode", equalTo(pupil.school().swv()))
                .body("decision.decidedOn", equalTo(TODAY.toString())).body("decision.reason", nullValue())
                .body("decision.objectionUntil", equalTo(TODAY.plusDays(42).toString()));

        List<ConsumerRecord<String, String>> decided = sent(EventType.TLV_DECIDED, pupil.id(), 1);
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).key()).isEqualTo(pupil.id().toString());
        EventEnvelope decidedEnvelope = EventJson.read(decided.get(0).value());
        assertThat(decidedEnvelope.type()).isEqualTo("nl.passend.team.tlv-decided.v1");
        assertThat(EventJson.data(decidedEnvelope, TlvChanged.class)).isEqualTo(new TlvChanged(id, pupil.id(),
                pupil.schoolCode(), pupil.school().swv(), TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SO_MEDIUM,
                pupil.school().swv(), start, end, TODAY));
        // ids, codes and dates only: never the motivation or the advices
        for (ConsumerRecord<String, String> r : List.of(requested.get(0), decided.get(0))) {
            assertThat(r.value()).doesNotContain(MOTIVATION).doesNotContain(SUMMARY).doesNotContain("de Vries")
                    .doesNotContain("Kuiper").doesNotContain("BIG-12345");
        }

        assertThat(TestDb.string("select decided_role || ' ' || issuing_swv_code from tlv_request where id = ?", id))
                .isEqualTo("swv-consultant " + pupil.school().swv());
        assertThat(AuditTrail.audit(pupil.id())).extracting(AuditTrail.AuditRow::action)
                .contains("team.tlv.prepare", "team.tlv.advice", "team.tlv.submit", "team.tlv.decide");
        assertThat(AuditTrail.audit(pupil.id())).filteredOn(r -> r.action().equals("team.tlv.decide"))
                .extracting(AuditTrail.AuditRow::actorRole).containsExactly("swv-consultant");

        // the school's IB'er and director and the parent read the decided request
        for (String token : List.of(ib, director, pupil.parent(), consultant)) {
            tlv(token, id).then().statusCode(200).body("status", equalTo("GRANTED"))
                    .body("decision.category", equalTo("SO_MEDIUM"));
        }
    }

    @Test
    void theSwvRefusesWithAReasonWhichStaysOutOfTheEvent() {
        Pupil pupil = Fixtures.pupil();
        UUID id = Fixtures.submittedTlv(pupil, "SBO");
        String consultant = pupil.school().swvConsultant();
        decide(consultant, id, Fixtures.tlvEtag(consultant, id), refused(REASON)).then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("decision.outcome", equalTo("REFUSED"))
                .body("decision.reason", equalTo(REASON)).body("decision.category", nullValue())
                .body("decision.startDate", nullValue()).body("decision.endDate", nullValue())
                .body("decision.issuingSwvCode", equalTo(pupil.school().swv()))
                .body("decision.decidedOn", equalTo(TODAY.toString()));

        List<ConsumerRecord<String, String>> decided = sent(EventType.TLV_DECIDED, pupil.id(), 1);
        assertThat(decided).hasSize(1);
        assertThat(EventJson.data(EventJson.read(decided.get(0).value()), TlvChanged.class)).isEqualTo(
                new TlvChanged(id, pupil.id(), pupil.schoolCode(), pupil.school().swv(), TlvTarget.SBO,
                        TlvOutcome.REFUSED, null, pupil.school().swv(), null, null, TODAY));
        assertThat(decided.get(0).value()).doesNotContain(REASON).doesNotContain(MOTIVATION);
    }

    @Test
    void aGrantedSboRequestIsGrantedAsSbo() {
        Pupil pupil = Fixtures.pupil();
        UUID id = Fixtures.submittedTlv(pupil, "SBO");
        String consultant = pupil.school().swvConsultant();
        Rows before = Rows.of(pupil.id());
        for (String category : List.of("SO_LOW", "SO_MEDIUM", "SO_HIGH")) {
            assertProblem(decide(consultant, id, Fixtures.tlvEtag(consultant, id),
                    granted(category, TODAY, TODAY.plusYears(1))), 422, "category-mismatch");
        }
        before.assertUnchanged();
        decide(consultant, id, Fixtures.tlvEtag(consultant, id), granted("SBO", TODAY, TODAY.plusYears(1)))
                .then().statusCode(200).body("decision.category", equalTo("SBO"));
    }

    // ---- the experts' advices ---------------------------------------------------------------------

    @Test
    void twoAdvicesByTheSameExpertAreRefusedWhenPreparedOrAdded() {
        Pupil pupil = Fixtures.pupil();
        Rows before = Rows.of(pupil.id());
        // the same name (case and spaces do not matter) without registration, or the same registration
        assertProblem(Fixtures.prepareTlv(pupil, "SO", List.of(Fixtures.advice("Drs. A. de Vries", "ORTHOPEDAGOOG"),
                Fixtures.advice("drs.  a. DE VRIES ", "PSYCHOLOOG"))), 422, "same-expert");
        assertProblem(Fixtures.prepareTlv(pupil, "SO", List.of(advice("A. de Vries", "ORTHOPEDAGOOG", "NIP-1"),
                advice("Anna de Vries-Jansen", "PEDAGOGUE", "nip-1"))), 422, "same-expert");
        before.assertUnchanged();

        UUID id = UUID.fromString(Fixtures.prepareTlv(pupil, "SO",
                List.of(advice("Drs. A. de Vries", "ORTHOPEDAGOOG", "NIP-1"))).then().statusCode(201).extract().path("id"));
        String ib = pupil.staff("ib");
        Rows prepared = Rows.of(pupil.id());
        assertProblem(addAdvice(ib, id, "\"0\"", advice("Drs. A. de Vries", "PSYCHOLOOG", null)), 422, "same-expert");
        assertProblem(addAdvice(ib, id, "\"0\"", advice("Iemand anders", "PSYCHOLOOG", " NIP-1 ")), 422, "same-expert");
        prepared.assertUnchanged();
        tlv(ib, id).then().header("ETag", "\"0\"").body("advices.size()", equalTo(1));

        // the same name with two different registrations: two experts
        addAdvice(ib, id, "\"0\"", advice("Drs. A. de Vries", "PSYCHOLOOG", "NIP-2")).then().statusCode(200)
                .body("advices.size()", equalTo(2));
    }

    @Test
    void submittingNeedsTwoAdvicesOneOfThemByAnOrthopedagoogOrPsycholoog() {
        Pupil pupil = Fixtures.pupil();
        String ib = pupil.staff("ib");
        String director = pupil.staff("director");
        UUID id = UUID.fromString(Fixtures.prepareTlv(pupil, "SBO", List.of()).then().statusCode(201)
                .body("advices.size()", equalTo(0)).extract().path("id"));

        Rows before = Rows.of(pupil.id());
        assertProblem(submit(director, id, "\"0\""), 422, "too-few-advices");
        before.assertUnchanged();

        addAdvice(ib, id, "\"0\"", advice("M. Bakker", "PEDAGOGUE", null)).then().statusCode(200);
        Rows one = Rows.of(pupil.id());
        assertProblem(submit(director, id, "\"1\""), 422, "too-few-advices");
        one.assertUnchanged();

        addAdvice(ib, id, "\"1\"", advice("S. de Jong", "SOCIAL_WORKER", null)).then().statusCode(200);
        Rows two = Rows.of(pupil.id());
        assertProblem(submit(director, id, "\"2\""), 422, "no-orthopedagoog-or-psycholoog");
        two.assertUnchanged();
        tlv(director, id).then().body("status", equalTo("DRAFT")).body("submittedOn", nullValue());
        assertThat(sent(EventType.TLV_REQUESTED, pupil.id(), 0)).isEmpty();

        addAdvice(ib, id, "\"2\"", advice("Dr. P. Visser", "PSYCHOLOOG", "NIP-77")).then().statusCode(200);
        submit(director, id, "\"3\"").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("advices.size()", equalTo(3));
        assertThat(sent(EventType.TLV_REQUESTED, pupil.id(), 1)).hasSize(1);
    }

    @Test
    void submittingRefusesAdvicesByTheSameExpert() {
        Pupil pupil = Fixtures.pupil();
        UUID id = UUID.fromString(Fixtures.prepareTlv(pupil, "SO", List.of(
                Fixtures.advice("Drs. A. de Vries", "ORTHOPEDAGOOG"), Fixtures.advice("Dr. B. Kuiper", "PSYCHOLOOG")))
                .then().statusCode(201).extract().path("id"));
        // beneath the API (the API refuses it when added): both advices by one expert
        TestDb.execute("update tlv_request set advices = jsonb_set(advices, '{1,expertName}', advices->0->'expertName')"
                + " where id = ?", id);
        Rows before = Rows.of(pupil.id());
        assertProblem(submit(pupil.staff("director"), id, "\"0\""), 422, "same-expert");
        before.assertUnchanged();
    }

    @Test
    void decidingChecksTheAdvicesAgain() {
        // a request whose advices no longer meet the rule (changed beneath the API) is not decided
        Pupil pupil = Fixtures.pupil();
        UUID id = Fixtures.submittedTlv(pupil, "SO");
        String consultant = pupil.school().swvConsultant();
        String etag = Fixtures.tlvEtag(consultant, id);
        String advices = TestDb.string("select advices::text from tlv_request where id = ?", id);
        Rows before = Rows.of(pupil.id());

        TestDb.execute("update tlv_request set advices = jsonb_build_array(advices->0) where id = ?", id);
        assertProblem(decide(consultant, id, etag, granted("SO_LOW", TODAY, TODAY.plusYears(1))), 422,
                "too-few-advices");
        restoreAdvices(id, advices);
        TestDb.execute("update tlv_request set advices = jsonb_set(advices, '{1,expertName}', advices->0->'expertName')"
                + " where id = ?", id);
        assertProblem(decide(consultant, id, etag, granted("SO_LOW", TODAY, TODAY.plusYears(1))), 422, "same-expert");
        restoreAdvices(id, advices);
        TestDb.execute("update tlv_request set advices = jsonb_set(advices, '{0,discipline}', '\"PEDAGOGUE\"')"
                + " where id = ?", id);
        assertProblem(decide(consultant, id, etag, refused(REASON)), 422, "no-orthopedagoog-or-psycholoog");
        before.assertUnchanged();
        assertThat(sent(EventType.TLV_DECIDED, pupil.id(), 0)).isEmpty();

        restoreAdvices(id, advices);
        decide(consultant, id, etag, granted("SO_LOW", TODAY, TODAY.plusYears(1))).then().statusCode(200);
    }

    // ---- the decision -----------------------------------------------------------------------------

    @Test
    void aDecisionThatDoesNotFitIsRefusedAndNothingIsWritten() {
        Pupil pupil = Fixtures.pupil();
        UUID id = Fixtures.submittedTlv(pupil, "SO");
        String consultant = pupil.school().swvConsultant();
        String etag = Fixtures.tlvEtag(consultant, id);
        LocalDate start = TODAY.plusMonths(1);
        Rows before = Rows.of(pupil.id());

        assertProblem(decide(consultant, id, etag, granted("SBO", start, start.plusYears(1))), 422, "category-mismatch");
        for (String missing : List.of("category", "startDate", "endDate")) {
            Map<String, Object> body = granted("SO_HIGH", start, start.plusYears(1));
            body.remove(missing);
            assertProblem(decide(consultant, id, etag, body), 422, "incomplete-decision");
        }
        assertProblem(decide(consultant, id, etag, granted("SO_HIGH", start, start)), 422, "end-before-start");
        assertProblem(decide(consultant, id, etag, granted("SO_HIGH", start, start.minusDays(1))), 422,
                "end-before-start");
        assertProblem(decide(consultant, id, etag, refused(null)), 422, "reason-required");
        assertProblem(decide(consultant, id, etag, refused("  ")), 422, "reason-required");
        Map<String, Object> refusedWithCategory = refused(REASON);
        refusedWithCategory.put("category", "SO_LOW");
        assertProblem(decide(consultant, id, etag, refusedWithCategory), 422, "refusal-with-category");
        Map<String, Object> refusedWithDates = refused(REASON);
        refusedWithDates.put("startDate", start.toString());
        assertProblem(decide(consultant, id, etag, refusedWithDates), 422, "refusal-with-category");
        // the decision date lies between the submission and today
        Map<String, Object> beforeSubmission = granted("SO_HIGH", start, start.plusYears(1));
        beforeSubmission.put("decidedOn", TODAY.minusDays(1).toString());
        assertProblem(decide(consultant, id, etag, beforeSubmission), 422, "decided-on-out-of-range");
        Map<String, Object> tomorrow = refused(REASON);
        tomorrow.put("decidedOn", TODAY.plusDays(1).toString());
        assertProblem(decide(consultant, id, etag, tomorrow), 422, "decided-on-out-of-range");
        // the shape of the body
        Map<String, Object> noOutcome = granted("SO_HIGH", start, start.plusYears(1));
        noOutcome.remove("outcome");
        decide(consultant, id, etag, noOutcome).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("outcome"));
        assertProblem(decide(consultant, id, etag, granted("SO_EXTREME", start, start.plusYears(1))), 400,
                "invalid-value").body("violations.field", equalTo(List.of("category")));
        Map<String, Object> badOutcome = refused(REASON);
        badOutcome.put("outcome", "MAYBE");
        assertProblem(decide(consultant, id, etag, badOutcome), 400, "invalid-value").body("violations.field", equalTo(List.of("outcome")));
        Map<String, Object> longReason = refused("x".repeat(4001));
        decide(consultant, id, etag, longReason).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("reason"));
        // If-Match
        assertProblem(decide(consultant, id, null, refused(REASON)), 428, "if-match-required");
        assertProblem(decide(consultant, id, "\"0\"", refused(REASON)), 412, "stale-version");

        before.assertUnchanged();
        tlv(consultant, id).then().statusCode(200).header("ETag", etag).body("status", equalTo("SUBMITTED"))
                .body("decision", nullValue());
        assertThat(sent(EventType.TLV_DECIDED, pupil.id(), 0)).isEmpty();
    }

    @Test
    void aDecisionIsTakenOnceAndMayBeDatedBetweenSubmissionAndToday() {
        Pupil pupil = Fixtures.pupil();
        UUID id;
        try (TestClock.Travel t = TestClock.travelTo(TODAY.minusDays(10))) {
            id = Fixtures.submittedTlv(pupil, "SO");
        }
        String consultant = pupil.school().swvConsultant();
        Map<String, Object> body = granted("SO_LOW", TODAY, TODAY.plusYears(1));
        body.put("decidedOn", TODAY.minusDays(10).toString());
        String etag = decide(consultant, id, Fixtures.tlvEtag(consultant, id), body).then().statusCode(200)
                .body("decision.decidedOn", equalTo(TODAY.minusDays(10).toString()))
                .body("decision.objectionUntil", equalTo(TODAY.plusDays(32).toString())).extract().header("ETag");
        assertThat(EventJson.data(EventJson.read(sent(EventType.TLV_DECIDED, pupil.id(), 1).get(0).value()),
                TlvChanged.class).effectiveDate()).isEqualTo(TODAY.minusDays(10));

        Rows before = Rows.of(pupil.id());
        assertProblem(decide(consultant, id, etag, refused(REASON)), 409, "tlv-decided");
        assertProblem(decide(pupil.school().swvConsultant(), id, etag, granted("SO_HIGH", TODAY, TODAY.plusYears(2))),
                409, "tlv-decided");
        before.assertUnchanged();
        assertThat(sent(EventType.TLV_DECIDED, pupil.id(), 1)).hasSize(1);
    }

    // ---- who decides ------------------------------------------------------------------------------

    @Test
    void byDefaultTheSwvConsultantOfTheSchoolsSwvDecidesAndNobodyElse() {
        Pupil pupil = Fixtures.pupil();
        UUID id = Fixtures.submittedTlv(pupil, "SO");
        String etag = Fixtures.tlvEtag(pupil.staff("ib"), id);
        Map<String, Object> body = granted("SO_LOW", TODAY, TODAY.plusYears(1));
        Rows before = Rows.of(pupil.id());

        // who sees the request but may not decide: 403
        for (String token : List.of(pupil.staff("ib"), pupil.staff("director"), pupil.parent())) {
            assertProblem(decide(token, id, etag, body), 403, "forbidden");
        }
        // who does not see it: 404, the same as for a request that does not exist
        School other = Fixtures.school();
        String board = TestTokens.subject("board-" + UUID.randomUUID()).roles("board").swv(pupil.school().swv())
                .board("B" + pupil.schoolCode()).sign();
        String noSwv = TestTokens.subject("swv-" + UUID.randomUUID()).roles("swv-consultant").sign();
        for (String token : List.of(other.swvConsultant(), noSwv, board)) {
            assertProblem(decide(token, id, etag, body), 404, "not-found");
        }
        // a role that decides for no SWV at all may never call it: 403, whatever the request
        for (String token : List.of(other.staff("ib"), pupil.staff("teacher"), Fixtures.pupil(pupil.school()).parent())) {
            assertProblem(decide(token, id, etag, body), 403, "forbidden");
        }
        assertProblem(decide(pupil.school().swvConsultant(), UUID.randomUUID(), etag, body), 404, "not-found");
        assertProblem(decide(pupil.school().swvConsultant(), "not-a-uuid", etag, body), 400, "invalid-parameter");
        before.assertUnchanged();
        assertThat(sent(EventType.TLV_DECIDED, pupil.id(), 0)).isEmpty();

        decide(pupil.school().swvConsultant(), id, etag, body).then().statusCode(200);
    }

    @Test
    void aDraftIsTheSchoolsOwnUntilSubmitted() {
        Pupil pupil = Fixtures.pupil();
        UUID id = UUID.fromString(Fixtures.prepareTlv(pupil, "SO", List.of(Fixtures.advice("Drs. A. de Vries",
                "ORTHOPEDAGOOG"), Fixtures.advice("Dr. B. Kuiper", "PSYCHOLOOG"))).then().statusCode(201)
                .extract().path("id"));
        String consultant = pupil.school().swvConsultant();
        Rows before = Rows.of(pupil.id());
        assertProblem(tlv(consultant, id), 404, "not-found");
        assertProblem(decide(consultant, id, "\"0\"", granted("SO_LOW", TODAY, TODAY.plusYears(1))), 404, "not-found");
        before.assertUnchanged();
        // the school's IB'er, director and the parent see the draft
        for (String token : List.of(pupil.staff("ib"), pupil.staff("director"), pupil.parent())) {
            tlv(token, id).then().statusCode(200).body("status", equalTo("DRAFT"));
        }
    }

    @Test
    void whereTheSwvConfiguredItItsBoardDecides() {
        School school = Fixtures.school(BOARD_DECIDES);
        Pupil pupil = Fixtures.pupil(school);
        UUID id = Fixtures.submittedTlv(pupil, "SBO");
        String etag = Fixtures.tlvEtag(pupil.staff("ib"), id);
        Map<String, Object> body = granted("SBO", TODAY.plusWeeks(2), TODAY.plusYears(3));
        Rows before = Rows.of(pupil.id());

        // the SWV's consultant does not decide (nor see) this SWV's requests; the school's staff may not decide
        String consultant = school.swvConsultant();
        assertProblem(decide(consultant, id, etag, body), 404, "not-found");
        assertProblem(tlv(consultant, id), 404, "not-found");
        for (String token : List.of(pupil.staff("ib"), pupil.staff("director"), pupil.parent())) {
            assertProblem(decide(token, id, etag, body), 403, "forbidden");
        }
        // a board member of another SWV, or without the SWV in the token
        String otherBoard = TestTokens.subject("board-" + UUID.randomUUID()).roles("board").swv("SWV-ELSEWHERE").sign();
        String boardWithoutSwv = TestTokens.subject("board-" + UUID.randomUUID()).roles("board").sign();
        assertProblem(decide(otherBoard, id, etag, body), 404, "not-found");
        assertProblem(decide(boardWithoutSwv, id, etag, body), 404, "not-found");
        before.assertUnchanged();

        String board = TestTokens.subject("board-" + UUID.randomUUID()).roles("board").swv(BOARD_DECIDES).sign();
        tlv(board, id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        decide(board, id, etag, body).then().statusCode(200).body("status", equalTo("GRANTED"))
                .body("decision.category", equalTo("SBO")).body("decision.issuingSwvCode", equalTo(BOARD_DECIDES));
        assertThat(TestDb.string("select decided_role || ' ' || issuing_swv_code from tlv_request where id = ?", id))
                .isEqualTo("board " + BOARD_DECIDES);
        assertThat(AuditTrail.audit(pupil.id())).filteredOn(r -> r.action().equals("team.tlv.decide"))
                .extracting(AuditTrail.AuditRow::actorRole).containsExactly("board");
        assertThat(EventJson.data(EventJson.read(sent(EventType.TLV_DECIDED, pupil.id(), 1).get(0).value()),
                TlvChanged.class).issuingSwvCode()).isEqualTo(BOARD_DECIDES);

        // its list is the board's, not the consultant's
        List<String> listed = swvList(board, BOARD_DECIDES).then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(listed).contains(id.toString());
        assertProblem(swvList(consultant, BOARD_DECIDES), 404, "not-found");
        assertProblem(swvList(otherBoard, BOARD_DECIDES), 404, "not-found");
    }

    // ---- one open request -------------------------------------------------------------------------

    @Test
    void aPupilHasOneOpenRequestAtATime() {
        Pupil pupil = Fixtures.pupil();
        UUID first = UUID.fromString(Fixtures.prepareTlv(pupil, "SO", List.of()).then().statusCode(201)
                .extract().path("id"));
        Rows before = Rows.of(pupil.id());
        assertProblem(Fixtures.prepareTlv(pupil, "SBO", List.of()), 409, "tlv-open");
        before.assertUnchanged();

        // still open once submitted
        addAdvice(pupil.staff("ib"), first, "\"0\"", advice("Drs. A. de Vries", "ORTHOPEDAGOOG", null)).then()
                .statusCode(200);
        addAdvice(pupil.staff("ib"), first, "\"1\"", advice("Dr. B. Kuiper", "PEDAGOGUE", null)).then()
                .statusCode(200);
        submit(pupil.staff("director"), first, "\"2\"").then().statusCode(200);
        Rows submitted = Rows.of(pupil.id());
        assertProblem(Fixtures.prepareTlv(pupil, "SO", List.of()), 409, "tlv-open");
        submitted.assertUnchanged();

        // after the decision a new request may be prepared
        String consultant = pupil.school().swvConsultant();
        decide(consultant, first, Fixtures.tlvEtag(consultant, first), refused(REASON)).then().statusCode(200);
        UUID second = UUID.fromString(Fixtures.prepareTlv(pupil, "SBO", List.of()).then().statusCode(201)
                .extract().path("id"));
        List<String> ids = tlvs(pupil.staff("ib"), pupil.id()).then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(ids).containsExactly(second.toString(), first.toString());
    }

    @Test
    void ofTwoParallelRequestsForOnePupilOneIsPrepared() throws Exception {
        Pupil pupil = Fixtures.pupil();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (String target : List.of("SO", "SBO")) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return Fixtures.prepareTlv(pupil, target, List.of());
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response r = call.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertThat(r.contentType()).startsWith(PROBLEM_JSON);
                    assertThat(r.<String>path("type")).isIn("https://passend.nl/problems/tlv-open",
                            "https://passend.nl/problems/duplicate");
                }
            }
            Collections.sort(statuses);
            assertThat(statuses).containsExactly(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDb.count("select count(*) from tlv_request where pupil_id = ?", pupil.id())).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'team.tlv.prepare'",
                pupil.id())).isEqualTo(1);
    }

    // ---- the steps and their If-Match -------------------------------------------------------------

    @Test
    void eachStepIsForItsRoleAtTheSchool() {
        Pupil pupil = Fixtures.pupil();
        School elsewhere = Fixtures.school();
        Map<String, Object> body = Map.of("target", "SO", "motivation", MOTIVATION);
        Rows before = Rows.of(pupil.id());
        for (String token : List.of(pupil.staff("director"), pupil.staff("teacher"), pupil.parent(),
                pupil.school().swvConsultant())) {
            assertProblem(prepare(token, pupil.id(), body), 403, "forbidden");
        }
        assertProblem(prepare(elsewhere.staff("ib"), pupil.id(), body), 404, "not-found");
        assertProblem(prepare(pupil.staff("ib"), UUID.randomUUID(), body), 404, "not-found");
        before.assertUnchanged();

        UUID id = UUID.fromString(prepare(pupil.staff("ib"), pupil.id(), body).then().statusCode(201)
                .extract().path("id"));
        Map<String, Object> advice = advice("Drs. A. de Vries", "ORTHOPEDAGOOG", null);
        Rows prepared = Rows.of(pupil.id());
        // advices are added by the IB'er, the request is submitted by the director
        for (String token : List.of(pupil.staff("director"), pupil.staff("teacher"), pupil.parent())) {
            assertProblem(addAdvice(token, id, "\"0\"", advice), 403, "forbidden");
        }
        assertProblem(addAdvice(elsewhere.staff("ib"), id, "\"0\"", advice), 404, "not-found");
        assertProblem(addAdvice(pupil.staff("ib"), UUID.randomUUID(), "\"0\"", advice), 404, "not-found");
        for (String token : List.of(pupil.staff("ib"), pupil.staff("teacher"), pupil.parent())) {
            assertProblem(submit(token, id, "\"0\""), 403, "forbidden");
        }
        assertProblem(submit(elsewhere.staff("director"), id, "\"0\""), 404, "not-found");
        // If-Match
        assertProblem(addAdvice(pupil.staff("ib"), id, null, advice), 428, "if-match-required");
        assertProblem(addAdvice(pupil.staff("ib"), id, "\"3\"", advice), 412, "stale-version");
        assertProblem(submit(pupil.staff("director"), id, null), 428, "if-match-required");
        assertProblem(submit(pupil.staff("director"), id, "\"3\""), 412, "stale-version");
        prepared.assertUnchanged();

        addAdvice(pupil.staff("ib"), id, "\"0\"", advice).then().statusCode(200);
        assertProblem(addAdvice(pupil.staff("ib"), id, "\"0\"", advice("Dr. B. Kuiper", "PEDAGOGUE", null)), 412,
                "stale-version");
        addAdvice(pupil.staff("ib"), id, "\"1\"", advice("Dr. B. Kuiper", "PEDAGOGUE", null)).then().statusCode(200);
        String etag = submit(pupil.staff("director"), id, "\"2\"").then().statusCode(200).extract().header("ETag");

        // once submitted its advices are fixed and it is not submitted again
        Rows submitted = Rows.of(pupil.id());
        assertProblem(addAdvice(pupil.staff("ib"), id, etag, advice("C. Smit", "PSYCHOLOOG", null)), 409,
                "tlv-submitted");
        assertProblem(submit(pupil.staff("director"), id, etag), 409, "tlv-submitted");
        submitted.assertUnchanged();
        assertThat(sent(EventType.TLV_REQUESTED, pupil.id(), 1)).hasSize(1);
    }

    @Test
    void ofTwoParallelAdvicesWithOneETagExactlyOneIsAdded() throws Exception {
        Pupil pupil = Fixtures.pupil();
        UUID id = UUID.fromString(Fixtures.prepareTlv(pupil, "SO", List.of()).then().statusCode(201)
                .extract().path("id"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (Map<String, Object> advice : List.of(advice("Drs. A. de Vries", "ORTHOPEDAGOOG", null),
                    advice("Dr. B. Kuiper", "PSYCHOLOOG", null))) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return addAdvice(pupil.staff("ib"), id, "\"0\"", advice);
                }));
            }
            go.countDown();
            for (Future<Response> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(statuses);
        assertThat(statuses).containsExactly(200, 412);
        tlv(pupil.staff("ib"), id).then().statusCode(200).header("ETag", "\"1\"").body("advices.size()", equalTo(1));
    }

    @Test
    void badInputIsAProblemAndNothingIsWritten() {
        Pupil pupil = Fixtures.pupil();
        String ib = pupil.staff("ib");
        Rows before = Rows.of(pupil.id());

        for (String field : List.of("target", "motivation")) {
            Map<String, Object> body = new HashMap<>(Map.of("target", "SO", "motivation", MOTIVATION));
            body.remove(field);
            prepare(ib, pupil.id(), body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        prepare(ib, pupil.id(), Map.of("target", "SO", "motivation", " ")).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("motivation"));
        assertProblem(prepare(ib, pupil.id(), Map.of("target", "VSO", "motivation", MOTIVATION)), 400, "invalid-value")
                .body("violations.field", equalTo(List.of("target")));
        List<Map<String, Object>> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(advice("Expert " + i, "PSYCHOLOOG", "NIP-" + i));
        }
        prepare(ib, pupil.id(), Map.of("target", "SO", "motivation", MOTIVATION, "advices", seven)).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("advices"));
        for (String field : List.of("expertName", "discipline", "givenOn", "summary")) {
            Map<String, Object> advice = advice("Drs. A. de Vries", "ORTHOPEDAGOOG", null);
            advice.remove(field);
            prepare(ib, pupil.id(), Map.of("target", "SO", "motivation", MOTIVATION, "advices", List.of(advice)))
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(containsString(field)));
        }
        Map<String, Object> badDiscipline = advice("Drs. A. de Vries", "ASTROLOOG", null);
        assertProblem(prepare(ib, pupil.id(), Map.of("target", "SO", "motivation", MOTIVATION,
                "advices", List.of(badDiscipline))), 400, "invalid-value");
        assertProblem(prepare(ib, "not-a-uuid", Map.of("target", "SO", "motivation", MOTIVATION)), 400,
                "invalid-parameter");
        before.assertUnchanged();

        UUID id = UUID.fromString(prepare(ib, pupil.id(), Map.of("target", "SO", "motivation", MOTIVATION))
                .then().statusCode(201).extract().path("id"));
        Rows prepared = Rows.of(pupil.id());
        Map<String, Object> blankSummary = advice("Drs. A. de Vries", "ORTHOPEDAGOOG", null);
        blankSummary.put("summary", "");
        addAdvice(ib, id, "\"0\"", blankSummary).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("summary"));
        Map<String, Object> badDate = advice("Drs. A. de Vries", "ORTHOPEDAGOOG", null);
        badDate.put("givenOn", "gisteren");
        assertProblem(addAdvice(ib, id, "\"0\"", badDate), 400, "invalid-value").body("violations.field", equalTo(List.of("givenOn")));
        prepared.assertUnchanged();
    }

    @Test
    void aSchoolWhoseSwvIsNotKnownCannotRequestATlv() {
        Pupil pupil = Fixtures.pupil(new School(TestTokens.newSchoolCode(), null));
        Rows before = Rows.of(pupil.id());
        assertProblem(Fixtures.prepareTlv(pupil, "SO", List.of()), 409, "swv-unknown");
        before.assertUnchanged();
    }

    // ---- objection --------------------------------------------------------------------------------

    @Test
    void theParentsOrTheDirectorObjectOnceWithinSixWeeks() {
        Pupil pupil = Fixtures.pupil();
        UUID id = Fixtures.submittedTlv(pupil, "SO");
        String parent = pupil.parent();
        Rows before = Rows.of(pupil.id());
        // not before the SWV decided
        assertProblem(object(parent, id, Fixtures.tlvEtag(parent, id), objection(TODAY)), 409, "tlv-not-decided");
        before.assertUnchanged();

        String consultant = pupil.school().swvConsultant();
        String etag = decide(consultant, id, Fixtures.tlvEtag(consultant, id), granted("SO_LOW", TODAY,
                TODAY.plusYears(1))).then().statusCode(200).extract().header("ETag");
        Rows decided = Rows.of(pupil.id());
        assertProblem(object(parent, id, null, objection(TODAY)), 428, "if-match-required");
        assertProblem(object(parent, id, "\"0\"", objection(TODAY)), 412, "stale-version");
        assertProblem(object(parent, id, etag, objection(TODAY.minusDays(1))), 422, "objection-before-decision");
        assertProblem(object(parent, id, etag, objection(TODAY.plusDays(1))), 422, "lodged-in-future");
        object(parent, id, etag, Map.of("lodgedOn", TODAY.toString())).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("grounds"));
        object(parent, id, etag, Map.of("grounds", GROUNDS)).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("lodgedOn"));
        // the IB'er and the SWV do not object; another child's parent does not see it
        assertProblem(object(pupil.staff("ib"), id, etag, objection(TODAY)), 403, "forbidden");
        assertProblem(object(consultant, id, etag, objection(TODAY)), 403, "forbidden");
        assertProblem(object(Fixtures.pupil(pupil.school()).parent(), id, etag, objection(TODAY)), 404, "not-found");
        assertProblem(object(Fixtures.school().staff("director"), id, etag, objection(TODAY)), 404, "not-found");
        decided.assertUnchanged();

        String objected = object(parent, id, etag, objection(TODAY)).then().statusCode(200)
                .body("objection.lodgedOn", equalTo(TODAY.toString())).body("objection.grounds", equalTo(GROUNDS))
                .body("status", equalTo("GRANTED")).extract().header("ETag");
        assertThat(TestDb.string("select objection_by_role from tlv_request where id = ?", id)).isEqualTo("parent");

        Rows afterObjection = Rows.of(pupil.id());
        assertProblem(object(pupil.staff("director"), id, objected, objection(TODAY)), 409, "objection-lodged");
        assertProblem(object(parent, id, objected, objection(TODAY)), 409, "objection-lodged");
        afterObjection.assertUnchanged();
        // an objection is not an event of its own and never carries its grounds
        assertThat(sent(EventType.TLV_DECIDED, pupil.id(), 1)).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).doesNotContain(GROUNDS));
    }

    @Test
    void anObjectionAfterSixWeeksIsTooLate() {
        // decisions taken 43 and 42 days ago (the submission moved back beneath the API)
        Pupil late = Fixtures.pupil();
        Pupil inTime = Fixtures.pupil();
        UUID lateId = decidedOn(late, TODAY.minusDays(43));
        UUID inTimeId = decidedOn(inTime, TODAY.minusDays(42));
        tlv(late.parent(), lateId).then().body("decision.objectionUntil", equalTo(TODAY.minusDays(1).toString()));

        Rows before = Rows.of(late.id());
        assertProblem(object(late.parent(), lateId, Fixtures.tlvEtag(late.parent(), lateId), objection(TODAY)), 409,
                "objection-period-over");
        assertProblem(object(late.staff("director"), lateId, Fixtures.tlvEtag(late.parent(), lateId),
                objection(TODAY)), 409, "objection-period-over");
        before.assertUnchanged();
        // lodged on the last day, recorded later: in time
        object(late.staff("director"), lateId, Fixtures.tlvEtag(late.parent(), lateId), objection(TODAY.minusDays(1)))
                .then().statusCode(200).body("objection.lodgedOn", equalTo(TODAY.minusDays(1).toString()));
        assertThat(TestDb.string("select objection_by_role from tlv_request where id = ?", lateId)).isEqualTo("director");

        object(inTime.parent(), inTimeId, Fixtures.tlvEtag(inTime.parent(), inTimeId), objection(TODAY)).then()
                .statusCode(200).body("objection.lodgedOn", equalTo(TODAY.toString()));
    }

    // ---- lists ------------------------------------------------------------------------------------

    @Test
    void theSwvsDecidersListWhatWasSubmittedToThemButNeverADraft() {
        School school = Fixtures.school();
        Pupil granted = Fixtures.pupil(school);
        Pupil waiting = Fixtures.pupil(school);
        Pupil refused = Fixtures.pupil(school);
        Pupil drafting = Fixtures.pupil(school);
        UUID grantedId = Fixtures.submittedTlv(granted, "SO");
        UUID waitingId;
        // the waiting one was submitted earliest
        try (TestClock.Travel t = TestClock.travelTo(TODAY.minusDays(5))) {
            waitingId = Fixtures.submittedTlv(waiting, "SBO");
        }
        UUID refusedId = Fixtures.submittedTlv(refused, "SO");
        Fixtures.prepareTlv(drafting, "SO", List.of()).then().statusCode(201);
        String consultant = school.swvConsultant();
        decide(consultant, grantedId, Fixtures.tlvEtag(consultant, grantedId), granted("SO_HIGH", TODAY,
                TODAY.plusYears(1))).then().statusCode(200);
        decide(consultant, refusedId, Fixtures.tlvEtag(consultant, refusedId), refused(REASON)).then().statusCode(200);
        List<String> decidedIds = new ArrayList<>(List.of(grantedId.toString(), refusedId.toString()));
        Collections.sort(decidedIds);

        List<String> all = swvList(consultant, school.swv()).then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(all).containsExactly(waitingId.toString(), decidedIds.get(0), decidedIds.get(1));
        swvList(consultant, school.swv()).then().body("[0].status", equalTo("SUBMITTED"))
                .body("[0].motivation", equalTo(MOTIVATION)).body("[0].advices.size()", equalTo(2));
        assertThat(swvList(consultant, school.swv(), "SUBMITTED").then().statusCode(200).extract().jsonPath()
                .<String>getList("id")).containsExactly(waitingId.toString());
        assertThat(swvList(consultant, school.swv(), "GRANTED", "REFUSED").then().statusCode(200).extract().jsonPath()
                .<String>getList("id")).containsExactlyElementsOf(decidedIds);
        swvList(consultant, school.swv(), "DRAFT").then().statusCode(200).body("size()", equalTo(0));
        swvList(consultant, school.swv(), "DRAFT", "SUBMITTED").then().statusCode(200).body("size()", equalTo(1));
        assertProblem(swvList(consultant, school.swv(), "OPEN"), 400, "invalid-parameter");
        assertThat(AuditTrail.audit(waiting.id())).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("team.tlv.list");
            assertThat(row.actorRole()).isEqualTo("swv-consultant");
        });

        // nobody else lists them
        School other = Fixtures.school();
        String board = TestTokens.subject("board-" + UUID.randomUUID()).roles("board").swv(school.swv()).sign();
        for (String token : List.of(other.swvConsultant(), board)) {
            assertProblem(swvList(token, school.swv()), 404, "not-found");
        }
        for (String token : List.of(granted.staff("ib"), granted.staff("director"), granted.parent())) {
            assertProblem(swvList(token, school.swv()), 403, "forbidden");
        }
        swvList(other.swvConsultant(), other.swv()).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aPupilsRequestsAreListedForTheSchoolAndTheParentsAndTheSubmittedOnesForTheSwv() {
        Pupil pupil = Fixtures.pupil();
        UUID decided = Fixtures.submittedTlv(pupil, "SO");
        String consultant = pupil.school().swvConsultant();
        decide(consultant, decided, Fixtures.tlvEtag(consultant, decided), refused(REASON)).then().statusCode(200);
        UUID draft = UUID.fromString(Fixtures.prepareTlv(pupil, "SBO", List.of()).then().statusCode(201)
                .extract().path("id"));

        for (String token : List.of(pupil.staff("ib"), pupil.staff("director"), pupil.parent())) {
            List<String> ids = tlvs(token, pupil.id()).then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(ids).containsExactly(draft.toString(), decided.toString());
        }
        tlvs(consultant, pupil.id()).then().statusCode(200).body("id", equalTo(List.of(decided.toString())))
                .body("[0].status", equalTo("REFUSED"));

        Pupil classmate = Fixtures.pupil(pupil.school());
        School elsewhere = Fixtures.school();
        assertProblem(tlvs(pupil.staff("teacher"), pupil.id()), 403, "forbidden");
        assertProblem(tlvs(classmate.parent(), pupil.id()), 404, "not-found");
        assertProblem(tlvs(elsewhere.staff("ib"), pupil.id()), 404, "not-found");
        assertProblem(tlvs(elsewhere.swvConsultant(), pupil.id()), 404, "not-found");
        assertProblem(tlvs(pupil.staff("ib"), UUID.randomUUID()), 404, "not-found");
        assertProblem(tlvs(pupil.staff("ib"), "not-a-uuid"), 400, "invalid-parameter");
        tlvs(pupil.staff("ib"), classmate.id()).then().statusCode(200).body("size()", equalTo(0));
        assertProblem(tlv(pupil.staff("teacher"), decided), 403, "forbidden");
        assertProblem(tlv(classmate.parent(), decided), 404, "not-found");
        assertProblem(tlv(elsewhere.staff("director"), draft), 404, "not-found");
        assertProblem(tlv(consultant, UUID.randomUUID()), 404, "not-found");
    }

    // ---- calls ------------------------------------------------------------------------------------

    private static RequestSpecification as(String token, String ifMatch) {
        RequestSpecification spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        return ifMatch == null ? spec : spec.header("If-Match", ifMatch);
    }

    private static Response prepare(String token, Object pupilId, Map<String, Object> body) {
        return as(token, null).body(body).post("/pupils/{id}/tlv-requests", pupilId);
    }

    private static Response tlv(String token, Object id) {
        return given().auth().oauth2(token).get("/tlv-requests/{id}", id);
    }

    private static Response tlvs(String token, Object pupilId) {
        return given().auth().oauth2(token).get("/pupils/{id}/tlv-requests", pupilId);
    }

    private static Response swvList(String token, String swvCode, String... statuses) {
        RequestSpecification spec = given().auth().oauth2(token);
        if (statuses.length > 0) {
            spec = spec.queryParam("status", (Object[]) statuses);
        }
        return spec.get("/swvs/{code}/tlv-requests", swvCode);
    }

    private static Response addAdvice(String token, Object id, String ifMatch, Map<String, Object> body) {
        return as(token, ifMatch).body(body).post("/tlv-requests/{id}/advices", id);
    }

    private static Response submit(String token, Object id, String ifMatch) {
        return as(token, ifMatch).post("/tlv-requests/{id}/submit", id);
    }

    private static Response decide(String token, Object id, String ifMatch, Map<String, Object> body) {
        return as(token, ifMatch).body(body).post("/tlv-requests/{id}/decision", id);
    }

    private static Response object(String token, Object id, String ifMatch, Map<String, Object> body) {
        return as(token, ifMatch).body(body).post("/tlv-requests/{id}/objection", id);
    }

    private static Map<String, Object> advice(String name, String discipline, String registration) {
        Map<String, Object> advice = new HashMap<>(Map.of("expertName", name, "discipline", discipline,
                "givenOn", TODAY.minusWeeks(3).toString(), "summary", SUMMARY));
        if (registration != null) {
            advice.put("registration", registration);
        }
        return advice;
    }

    private static Map<String, Object> granted(String category, LocalDate start, LocalDate end) {
        return new HashMap<>(Map.of("outcome", "GRANTED", "category", category, "startDate", start.toString(),
                "endDate", end.toString()));
    }

    private static Map<String, Object> refused(String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("outcome", "REFUSED"));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static Map<String, Object> objection(LocalDate lodgedOn) {
        return Map.of("lodgedOn", lodgedOn.toString(), "grounds", GROUNDS);
    }

    /** A request submitted a week before {@code decidedOn} and granted on that day. */
    private static UUID decidedOn(Pupil pupil, LocalDate decidedOn) {
        UUID id;
        try (TestClock.Travel t = TestClock.travelTo(decidedOn.minusDays(7))) {
            id = Fixtures.submittedTlv(pupil, "SO");
        }
        String consultant = pupil.school().swvConsultant();
        Map<String, Object> body = granted("SO_LOW", decidedOn.plusDays(7), decidedOn.plusYears(1));
        body.put("decidedOn", decidedOn.toString());
        decide(consultant, id, Fixtures.tlvEtag(consultant, id), body).then().statusCode(200);
        return id;
    }

    private static void restoreAdvices(UUID id, String advices) {
        TestDb.execute("update tlv_request set advices = ?::jsonb where id = ?", advices, id);
    }
}
