package nl.passend.team.api;

import static io.restassured.RestAssured.given;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import nl.passend.events.Topics;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.team.CaseDecisionRecorded;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.testing.DirectoryEvents;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Cases through the API: a pupil still at the meeting's school put on its agenda once, by name or
 * anonymously; by name with outsiders only with the parents' consent as passend.consent decides it
 * (GRANTED names it, REFUSED, EXPIRED and WITHDRAWN keep or make it anonymous; a decision for
 * another request is recorded only, a redelivered one has no second effect); the outcome once, from
 * the meeting's day, with decisions from the list and action items due from the meeting on; the
 * events with ids and codes only; action items done and overdue.
 */
@QuarkusTest
class CaseApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    // ---- adding cases ---------------------------------------------------------------------------

    @Test
    void aPupilIsPutOnTheAgendaByNameOrAnonymously() {
        School school = Fixtures.school();
        Pupil byName = Fixtures.pupil(school);
        Pupil anonymous = Fixtures.pupil(school);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(5), Fixtures.insideTeam());

        Response added = Fixtures.addCase(school.staff("teacher"), meeting, byName.id(), true);
        added.then().statusCode(201).header("ETag", "\"0\"").body("meetingId", equalTo(meeting.toString()))
                .body("meetingType", equalTo("SCHOOL_SUPPORT_TEAM")).body("meetingDate", equalTo(TODAY.plusDays(5).toString()))
                .body("schoolCode", equalTo(school.code())).body("pupilId", equalTo(byName.id().toString()))
                .body("question", equalTo("Hoe kunnen we het lezen verder ondersteunen?"))
                .body("byName", equalTo(true)).body("named", equalTo(true)).body("consent", nullValue())
                .body("outcome", nullValue()).body("actionItems", empty());
        String caseId = added.path("id");
        assertThat(added.header("Location")).endsWith("/cases/" + caseId);

        Fixtures.addCase(school.staff("ib"), meeting, anonymous.id(), false).then().statusCode(201)
                .body("byName", equalTo(false)).body("named", equalTo(false)).body("pupilId", nullValue())
                .body("consent", nullValue());

        given().auth().oauth2(school.staff("director")).get("/meetings/{id}", meeting).then().statusCode(200)
                .body("cases", hasSize(2)).body("cases.named", contains(true, false))
                .body("cases.pupilId", contains(byName.id().toString(), null));
        // nobody from outside the school takes part: no consent is asked
        assertThat(Fixtures.outbox(byName.id(), EventType.TEAM_CONSENT_REQUESTED)).isZero();
        assertThat(Fixtures.outbox(anonymous.id(), EventType.TEAM_CONSENT_REQUESTED)).isZero();
    }

    @Test
    void onlyAPupilStillAtTheMeetingsSchoolIsPutOnTheAgenda() {
        School school = Fixtures.school();
        School otherSchool = Fixtures.school();
        Pupil elsewhere = Fixtures.pupil(otherSchool);
        Pupil leaving = Fixtures.pupil(school);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(5), Fixtures.insideTeam());
        DirectoryEvents.left(leaving.id(), school.code(), TODAY, LeavingDestination.SBO);

        Map<String, Long> before = Fixtures.rows(school.code());
        Map<String, Long> beforeOther = Fixtures.rows(otherSchool.code());
        // the school's staff do not see a pupil of another school, nor one who left
        assertProblem(Fixtures.addCase(school.staff("ib"), meeting, elsewhere.id(), true), 404, "not-found");
        assertProblem(Fixtures.addCase(school.staff("ib"), meeting, leaving.id(), false), 404, "not-found");
        assertProblem(Fixtures.addCase(school.staff("ib"), meeting, UUID.randomUUID(), false), 404, "not-found");
        // someone working at both schools sees the pupil, but it is not a pupil of the meeting's school
        String both = TestTokens.token("ib-" + UUID.randomUUID(), "ib", school.code(), otherSchool.code());
        assertProblem(Fixtures.addCase(both, meeting, elsewhere.id(), true), 422, "pupil-not-at-school");
        // the SWV consultant and the parents do not put pupils on the agenda
        assertProblem(Fixtures.addCase(school.swvConsultant(), meeting, leaving.id(), false), 403, "forbidden");
        assertProblem(Fixtures.addCase(elsewhere.parent(), meeting, elsewhere.id(), false), 403, "forbidden");
        assertProblem(Fixtures.addCase(school.staff("ib"), UUID.randomUUID(), elsewhere.id(), false), 404, "not-found");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);
        assertThat(Fixtures.rows(otherSchool.code())).isEqualTo(beforeOther);
    }

    @Test
    void aPupilIsOnAnAgendaOnceAndNotOnThatOfAHeldMeeting() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String ib = school.staff("ib");
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        Fixtures.caseOf(meeting, pupil, true);

        Map<String, Long> before = Fixtures.rows(school.code());
        assertProblem(Fixtures.addCase(ib, meeting, pupil.id(), true), 409, "already-on-agenda");
        assertProblem(Fixtures.addCase(school.staff("teacher"), meeting, pupil.id(), false), 409, "already-on-agenda");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        Fixtures.held(ib, meeting, Fixtures.meetingEtag(ib, meeting)).then().statusCode(200);
        Pupil late = Fixtures.pupil(school);
        Map<String, Long> afterHeld = Fixtures.rows(school.code());
        assertProblem(Fixtures.addCase(ib, meeting, late.id(), false), 409, "meeting-held");
        assertThat(Fixtures.rows(school.code())).isEqualTo(afterHeld);

        // the same pupil on another meeting's agenda is fine
        UUID next = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusWeeks(6), Fixtures.insideTeam());
        Fixtures.caseOf(next, pupil, true);
        Fixtures.caseOf(next, late, false);
    }

    @Test
    void malformedCasesAreBadRequestsListingTheFields() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        Map<String, Long> before = Fixtures.rows(school.code());
        Map<String, Object> valid = Map.of("pupilId", pupil.id().toString(), "question", "Wat helpt bij rekenen?",
                "byName", true);
        for (String field : List.of("pupilId", "question", "byName")) {
            Map<String, Object> body = new HashMap<>(valid);
            body.remove(field);
            postCase(school.staff("ib"), meeting, body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        for (String question : List.of("  ", "x".repeat(2001))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put("question", question);
            postCase(school.staff("ib"), meeting, body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("question"));
        }
        Map<String, Object> badId = new HashMap<>(valid);
        badId.put("pupilId", "leerling-12");
        assertProblem(postCase(school.staff("ib"), meeting, badId), 400, "invalid-value").body("violations.field", equalTo(List.of("pupilId")));
        assertProblem(postCase(school.staff("ib"), "geen-uuid", valid), 400, "invalid-parameter");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);
    }

    // ---- outcome --------------------------------------------------------------------------------

    @Test
    void theOutcomeIsRecordedOnceFromTheMeetingsDayWithTheCurrentETag() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String ib = school.staff("ib");
        UUID future = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(1), Fixtures.insideTeam());
        UUID early = Fixtures.caseOf(future, pupil, true);
        Map<String, Object> outcome = Fixtures.outcome("NAMED", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", TODAY.plusWeeks(2))));

        Map<String, Long> before = Fixtures.rows(school.code());
        assertProblem(Fixtures.recordOutcome(ib, early, outcome), 409, "meeting-not-yet-held");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        Map<String, Long> beforeOutcome = Fixtures.rows(school.code());
        assertProblem(putOutcome(ib, caseId, null, outcome), 428, "if-match-required");
        assertProblem(putOutcome(ib, caseId, "\"3\"", outcome), 412, "stale-version");
        assertThat(Fixtures.rows(school.code())).isEqualTo(beforeOutcome);

        String etag = putOutcome(school.staff("teacher"), caseId, "\"0\"", outcome).then().statusCode(200)
                .body("named", equalTo(true)).body("pupilId", equalTo(pupil.id().toString()))
                .body("outcome.discussedOn", equalTo(TODAY.toString())).body("outcome.discussedAs", equalTo("NAMED"))
                .body("outcome.discussion", equalTo("Lezen stagneert ondanks extra instructie"))
                .body("outcome.advice", equalTo("Observatie in de klas en een gesprek met ouders"))
                .body("outcome.decisions", contains("OBSERVE")).body("outcome.assessmentConsent", nullValue())
                .body("actionItems", hasSize(1)).body("actionItems[0].ownerFunction", equalTo("IB"))
                .body("actionItems[0].dueOn", equalTo(TODAY.plusWeeks(2).toString()))
                .body("actionItems[0].doneOn", nullValue()).body("actionItems[0].overdue", equalTo(false))
                .extract().header("ETag");

        Map<String, Long> afterOutcome = Fixtures.rows(school.code());
        assertProblem(putOutcome(ib, caseId, etag, Fixtures.outcome("ANONYMOUS", List.of("REFER"), List.of())), 409,
                "outcome-recorded");
        assertThat(Fixtures.rows(school.code())).isEqualTo(afterOutcome);
        given().auth().oauth2(ib).get("/cases/{id}", caseId).then().statusCode(200).header("ETag", etag)
                .body("outcome.decisions", contains("OBSERVE"));

        // an anonymous case is never recorded as discussed by name
        Pupil other = Fixtures.pupil(school);
        UUID anonymous = Fixtures.caseOf(meeting, other, false);
        Map<String, Long> beforeAnonymous = Fixtures.rows(school.code());
        assertProblem(Fixtures.recordOutcome(ib, anonymous, Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of())),
                409, "case-is-anonymous");
        assertThat(Fixtures.rows(school.code())).isEqualTo(beforeAnonymous);
        // the parents are not the ones who record it
        assertProblem(putOutcome(other.parent(), anonymous, "\"0\"", outcome), 403, "forbidden");
    }

    @Test
    void ofTwoParallelOutcomesWithOneETagExactlyOneIsRecorded() throws Exception {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        UUID caseId = Fixtures.caseOf(Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY, Fixtures.insideTeam()),
                pupil, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (String decision : List.of("OBSERVE", "REFER")) {
                String token = school.staff(decision.equals("OBSERVE") ? "ib" : "director");
                calls.add(pool.submit(() -> {
                    start.await();
                    return putOutcome(token, caseId, "\"0\"", Fixtures.outcome("NAMED", List.of(decision),
                            List.of(Fixtures.actionItem("IB", TODAY.plusDays(7)))));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Response> call : calls) {
                Response r = call.get(60, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() == 200) {
                    winner = r.path("outcome.decisions[0]");
                } else {
                    assertProblem(r, 412, "stale-version");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            given().auth().oauth2(school.staff("ib")).get("/cases/{id}", caseId).then()
                    .body("outcome.decisions", contains(winner)).body("actionItems", hasSize(1));
            assertThat(Fixtures.outbox(pupil.id(), EventType.CASE_DISCUSSED)).isEqualTo(1);
            assertThat(Fixtures.outbox(pupil.id(), EventType.CASE_DECISION_RECORDED)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decisionsComeFromTheListEachOnceAndNoActionAlone() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String ib = school.staff("ib");
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.minusDays(1), Fixtures.insideTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        Map<String, Long> before = Fixtures.rows(school.code());

        assertProblem(putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("NAMED", List.of("OBSERVE", "REFER", "OBSERVE"),
                List.of())), 422, "duplicate-decision");
        assertProblem(putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("NAMED", List.of("NO_ACTION", "OBSERVE"),
                List.of())), 422, "no-action-with-others");
        putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("NAMED", List.of(), List.of())).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("decisions"));
        List<String> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add("OBSERVE");
        }
        putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("NAMED", nine, List.of())).then().statusCode(400)
                .body("violations.field", hasItem("decisions"));
        assertProblem(putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("NAMED", List.of("OBSERVE", "PRAY"), List.of())),
                400, "invalid-value");
        for (String field : List.of("discussedAs", "advice", "decisions")) {
            Map<String, Object> body = Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of());
            body.remove(field);
            putOutcome(ib, caseId, "\"0\"", body).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem(field));
        }
        Map<String, Object> badAs = Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of());
        badAs.put("discussedAs", "HALF_NAMED");
        assertProblem(putOutcome(ib, caseId, "\"0\"", badAs), 400, "invalid-value").body("violations.field", equalTo(List.of("discussedAs")));
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        // every decision of the list is accepted once, together with the others but NO_ACTION
        List<String> all = List.of("OBSERVE", "ASSESS", "START_ARRANGEMENT", "CHANGE_ARRANGEMENT", "RAISE_SUPPORT_LEVEL",
                "REQUEST_TLV", "REFER");
        putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("NAMED", all, List.of())).then().statusCode(200)
                .body("outcome.decisions", equalTo(all));
        assertThat(Fixtures.outbox(pupil.id(), EventType.CASE_DECISION_RECORDED)).isEqualTo(all.size());
    }

    @Test
    void actionItemsFallDueFromTheMeetingOn() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String ib = school.staff("ib");
        LocalDate day = TODAY.minusWeeks(2);
        UUID caseId = Fixtures.caseOf(Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", day, Fixtures.insideTeam()),
                pupil, false);
        Map<String, Long> before = Fixtures.rows(school.code());

        assertProblem(putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", day), Fixtures.actionItem("TEACHER", day.minusDays(1))))), 422,
                "due-before-meeting");
        for (String field : List.of("description", "ownerFunction", "dueOn")) {
            Map<String, Object> item = new HashMap<>(Fixtures.actionItem("IB", day));
            item.remove(field);
            putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"),
                    List.of(Fixtures.actionItem("IB", day), item))).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("actionItems[1]." + field));
        }
        Map<String, Object> badOwner = new HashMap<>(Fixtures.actionItem("IB", day));
        badOwner.put("ownerFunction", "CONCIERGE");
        assertProblem(putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"),
                List.of(badOwner))), 400, "invalid-value");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        // due on the meeting's own day is fine, and so is without any action item
        putOutcome(ib, caseId, "\"0\"", Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", day), Fixtures.actionItem("PARENT", day.plusWeeks(4))))).then()
                .statusCode(200).body("actionItems.dueOn", contains(day.toString(), day.plusWeeks(4).toString()))
                .body("actionItems.overdue", contains(true, false));
    }

    // ---- events ---------------------------------------------------------------------------------

    @Test
    void anAssessDecisionAsksTheParentsAssessmentConsent() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String ib = school.staff("ib");
        LocalDate day = TODAY.minusDays(2);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", day, Fixtures.insideTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);

        Fixtures.recordOutcome(ib, caseId, Fixtures.outcome("NAMED", List.of("OBSERVE", "ASSESS"), List.of()))
                .then().statusCode(200).body("outcome.assessmentConsent", equalTo("OPEN"));

        List<EventEnvelope> requests = Fixtures.sent(pupil.id(), EventType.TEAM_CONSENT_REQUESTED, 1);
        assertThat(requests).hasSize(1);
        ConsentRequested request = EventJson.data(requests.get(0), ConsentRequested.class);
        UUID requestId = UUID.fromString(TestDb.string("select assessment_request_id::text from team_case where id = ?",
                caseId));
        assertThat(request).isEqualTo(new ConsentRequested(requestId, ConsentPurpose.ASSESSMENT, pupil.id(), school.code(),
                new SubjectRef(ConsentSubjectType.MEETING_CASE, caseId, 1), day));

        // the case discussed by name, and one event per decision, keyed by the pupil
        List<EventEnvelope> discussed = Fixtures.sent(pupil.id(), EventType.CASE_DISCUSSED, 1);
        assertThat(discussed).hasSize(1);
        assertThat(EventJson.data(discussed.get(0), CaseDiscussed.class)).isEqualTo(new CaseDiscussed(caseId, meeting,
                pupil.id(), school.code(), MeetingType.SCHOOL_SUPPORT_TEAM, true, day));
        List<EventEnvelope> decisions = Fixtures.sent(pupil.id(), EventType.CASE_DECISION_RECORDED, 2);
        assertThat(decisions).extracting(e -> EventJson.data(e, CaseDecisionRecorded.class)).containsExactlyInAnyOrder(
                new CaseDecisionRecorded(caseId, meeting, pupil.id(), school.code(), MeetingType.SCHOOL_SUPPORT_TEAM,
                        CaseDecision.OBSERVE, day),
                new CaseDecisionRecorded(caseId, meeting, pupil.id(), school.code(), MeetingType.SCHOOL_SUPPORT_TEAM,
                        CaseDecision.ASSESS, day));

        // consent-service's answer is kept with the case
        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.ASSESSMENT, ConsentOutcome.GRANTED);
        TestDb.awaitCount("select count(*) from team_case where id = ? and assessment_outcome = 'GRANTED'", 1, caseId);
        given().auth().oauth2(ib).get("/cases/{id}", caseId).then().statusCode(200)
                .body("outcome.assessmentConsent", equalTo("GRANTED")).body("consent", nullValue())
                .body("named", equalTo(true));
    }

    @Test
    void anAnonymousCasesEventsCarryNoPupilAndAreKeyedByTheCase() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        UUID meeting = Fixtures.meeting(school, "BOT", TODAY, Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, false);
        Fixtures.recordOutcome(school.swvConsultant(), caseId, Fixtures.outcome("ANONYMOUS",
                List.of("START_ARRANGEMENT", "REFER"), List.of())).then().statusCode(200)
                .body("pupilId", nullValue()).body("outcome.discussedAs", equalTo("ANONYMOUS"));

        List<EventEnvelope> discussed = Fixtures.sent(caseId, EventType.CASE_DISCUSSED, 1);
        assertThat(discussed).hasSize(1);
        assertThat(EventJson.data(discussed.get(0), CaseDiscussed.class)).isEqualTo(new CaseDiscussed(caseId, meeting,
                null, school.code(), MeetingType.BOT, false, TODAY));
        List<EventEnvelope> decisions = Fixtures.sent(caseId, EventType.CASE_DECISION_RECORDED, 2);
        assertThat(decisions).extracting(e -> EventJson.data(e, CaseDecisionRecorded.class).decision())
                .containsExactlyInAnyOrder(CaseDecision.START_ARRANGEMENT, CaseDecision.REFER);
        assertThat(decisions).allSatisfy(e -> assertThat(EventJson.write(e)).doesNotContain(pupil.id().toString()));
        // nothing is keyed by the pupil: no request was needed, and the discussion is not linked to the child
        assertThat(Fixtures.outbox(pupil.id(), EventType.CASE_DISCUSSED)).isZero();
        assertThat(Fixtures.outbox(pupil.id(), EventType.CASE_DECISION_RECORDED)).isZero();
        assertThat(Fixtures.outbox(pupil.id(), EventType.TEAM_CONSENT_REQUESTED)).isZero();
    }

    @Test
    void theEventsCarryIdsCodesAndDatesButNoFreeText() {
        School school = Fixtures.school();
        Pupil named = Fixtures.pupil(school);
        Pupil anonymous = Fixtures.pupil(school);
        String ib = school.staff("ib");
        String marker = "geheim-" + UUID.randomUUID();
        List<Map<String, Object>> team = Fixtures.insideTeam();
        team.add(Fixtures.attendee("Ouder " + marker, "PARENT", false));
        Map<String, Object> meetingBody = Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY, team);
        meetingBody.put("title", "Titel " + marker);
        UUID meeting = UUID.fromString(Fixtures.planMeeting(ib, school.code(), meetingBody).then().statusCode(201)
                .extract().path("id"));
        List<UUID> cases = new ArrayList<>();
        for (Pupil pupil : List.of(named, anonymous)) {
            cases.add(UUID.fromString(postCase(ib, meeting, Map.of("pupilId", pupil.id().toString(),
                    "question", "Vraag " + marker, "byName", pupil == named)).then().statusCode(201).extract().path("id")));
        }
        for (UUID caseId : cases) {
            Map<String, Object> outcome = Fixtures.outcome(caseId.equals(cases.get(0)) ? "NAMED" : "ANONYMOUS",
                    List.of("ASSESS", "CHANGE_ARRANGEMENT"), List.of(Map.of("description", "Actie " + marker,
                            "ownerFunction", "IB", "dueOn", TODAY.plusDays(7).toString())));
            outcome.put("discussion", "Besproken " + marker);
            outcome.put("advice", "Advies " + marker);
            Fixtures.recordOutcome(ib, caseId, outcome).then().statusCode(200);
        }
        Fixtures.held(ib, meeting, Fixtures.meetingEtag(ib, meeting)).then().statusCode(200);

        // 2 assessment requests, 2 discussed, 4 decisions, 1 held
        List<EventEnvelope> events = TopicProbe.events(Topics.TEAM, e -> school.code().equals(e.schoolcode()), 9,
                java.time.Duration.ofSeconds(30));
        assertThat(events).extracting(EventEnvelope::type).containsExactlyInAnyOrder(
                EventType.TEAM_CONSENT_REQUESTED.type(), EventType.TEAM_CONSENT_REQUESTED.type(),
                EventType.CASE_DISCUSSED.type(), EventType.CASE_DISCUSSED.type(),
                EventType.CASE_DECISION_RECORDED.type(), EventType.CASE_DECISION_RECORDED.type(),
                EventType.CASE_DECISION_RECORDED.type(), EventType.CASE_DECISION_RECORDED.type(),
                EventType.MEETING_HELD.type());
        for (EventEnvelope event : events) {
            String json = EventJson.write(event);
            assertThat(json).as(event.type()).doesNotContain(marker, "Lezen", "Observatie", "Ineke", "Overleg");
        }
        assertThat(Fixtures.rows(school.code())).containsEntry("outbox_event", 9L);
        assertThat(TestDb.count("select count(*) from outbox_event where envelope like ?", "%" + marker + "%")).isZero();
    }

    // ---- consent --------------------------------------------------------------------------------

    @Test
    void aWithdrawalAfterGrantedMakesTheCaseAnonymousAgain() {
        Pupil pupil = Fixtures.pupil();
        String consultant = pupil.school().swvConsultant();
        UUID meeting = Fixtures.meeting(pupil.school(), "BOT", TODAY, Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        UUID requestId = Fixtures.consentRequestId(caseId);

        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.GRANTED);
        awaitConsent(caseId, "GRANTED");
        given().auth().oauth2(consultant).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(true)).body("pupilId", equalTo(pupil.id().toString()));

        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.WITHDRAWN);
        awaitConsent(caseId, "WITHDRAWN");
        for (String token : List.of(consultant, pupil.staff("ib"))) {
            given().auth().oauth2(token).get("/cases/{id}", caseId).then().statusCode(200)
                    .body("named", equalTo(false)).body("pupilId", nullValue())
                    .body("consent.outcome", equalTo("WITHDRAWN"))
                    .body("consent.decidedOn", equalTo(TestClock.today().toString()));
            given().auth().oauth2(token).get("/meetings/{id}", meeting).then().statusCode(200)
                    .body("cases.pupilId", contains((Object) null));
        }
        Map<String, Long> before = Fixtures.rows(pupil.schoolCode());
        assertProblem(Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("NAMED", List.of("OBSERVE"),
                List.of())), 409, "consent-required");
        assertThat(Fixtures.rows(pupil.schoolCode())).isEqualTo(before);
        Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"), List.of()))
                .then().statusCode(200).body("named", equalTo(false)).body("pupilId", nullValue());
        assertThat(Fixtures.outbox(caseId, EventType.CASE_DISCUSSED)).isEqualTo(1);
        assertThat(Fixtures.outbox(pupil.id(), EventType.CASE_DISCUSSED)).isZero();
    }

    @Test
    void aWithdrawalAfterTheNamedDiscussionHidesThePupilFromThenOn() {
        Pupil pupil = Fixtures.pupil();
        String consultant = pupil.school().swvConsultant();
        UUID meeting = Fixtures.meeting(pupil.school(), "BOT", TODAY, Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        UUID requestId = Fixtures.consentRequestId(caseId);
        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.GRANTED);
        awaitConsent(caseId, "GRANTED");
        Fixtures.recordOutcome(consultant, caseId, Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of()))
                .then().statusCode(200).body("pupilId", equalTo(pupil.id().toString()));
        given().auth().oauth2(consultant).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200)
                .body("id", contains(caseId.toString()));

        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.WITHDRAWN);
        awaitConsent(caseId, "WITHDRAWN");
        given().auth().oauth2(consultant).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(false)).body("pupilId", nullValue());
        // the consultant can no longer link the case to the pupil; the parents still read about their child
        assertProblem(given().auth().oauth2(consultant).get("/pupils/{id}/cases", pupil.id()), 404, "not-found");
        given().auth().oauth2(pupil.parent()).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200)
                .body("id", contains(caseId.toString())).body("pupilId", contains(pupil.id().toString()));
    }

    @Test
    void anExpiredRequestKeepsTheCaseAnonymous() {
        Pupil pupil = Fixtures.pupil();
        UUID meeting = Fixtures.meeting(pupil.school(), "MULTIDISCIPLINARY", TODAY, withYouthDoctor());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        given().auth().oauth2(pupil.staff("ib")).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(false)).body("pupilId", nullValue()).body("consent.outcome", equalTo("OPEN"))
                .body("consent.decidedOn", nullValue());

        Fixtures.decide(pupil, caseId, Fixtures.consentRequestId(caseId), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM,
                ConsentOutcome.EXPIRED);
        awaitConsent(caseId, "EXPIRED");
        given().auth().oauth2(pupil.staff("ib")).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(false)).body("pupilId", nullValue()).body("consent.outcome", equalTo("EXPIRED"))
                .body("consent.decidedOn", equalTo(TestClock.today().toString()));
        assertProblem(Fixtures.recordOutcome(pupil.staff("ib"), caseId, Fixtures.outcome("NAMED", List.of("OBSERVE"),
                List.of())), 409, "consent-required");
    }

    @Test
    void anAssessmentForAnAnonymousCaseIsAskedAboutThePupilNotTheCase() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        String ib = school.staff("ib");
        LocalDate day = TODAY.minusDays(1);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", day, Fixtures.insideTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, false);

        Fixtures.recordOutcome(ib, caseId, Fixtures.outcome("ANONYMOUS", List.of("ASSESS"), List.of()))
                .then().statusCode(200).body("outcome.assessmentConsent", equalTo("OPEN"));
        ConsentRequested request = EventJson.data(Fixtures.sent(pupil.id(), EventType.TEAM_CONSENT_REQUESTED, 1).get(0),
                ConsentRequested.class);
        // the request must name the pupil, but does not tie the anonymous case to it
        assertThat(request.subject()).isEqualTo(new SubjectRef(ConsentSubjectType.PUPIL, pupil.id(), 1));
        assertThat(request.purpose()).isEqualTo(ConsentPurpose.ASSESSMENT);

        // consent-service answers about the pupil; the case that asked is found by the request id
        TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), school.code(),
                new ConsentDecided(request.requestId(), ConsentPurpose.ASSESSMENT, pupil.id(), school.code(),
                        request.subject(), ConsentOutcome.REFUSED, TestClock.today()));
        TestDb.awaitCount("select count(*) from team_case where id = ? and assessment_outcome = 'REFUSED'", 1, caseId);
        given().auth().oauth2(ib).get("/cases/{id}", caseId).then().statusCode(200)
                .body("outcome.assessmentConsent", equalTo("REFUSED")).body("pupilId", nullValue());
    }

    @Test
    void aDecisionForAnotherRequestIsRecordedOnly() {
        Pupil pupil = Fixtures.pupil();
        UUID meeting = Fixtures.meeting(pupil.school(), "BOT", TODAY, Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        UUID requestId = Fixtures.consentRequestId(caseId);

        // a decision for a request that is not the case's (an older or unknown one): recorded, not applied
        Fixtures.decide(pupil, caseId, UUID.randomUUID(), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.GRANTED);
        // an ASSESSMENT decision is matched by its request id: this one is no case's assessment, so nothing is recorded
        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.ASSESSMENT, ConsentOutcome.GRANTED);
        // and one about a case that does not exist: nothing to record it on
        String last = TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentDecided(UUID.randomUUID(), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, pupil.id(),
                        pupil.schoolCode(), new SubjectRef(ConsentSubjectType.MEETING_CASE, UUID.randomUUID(), 1),
                        ConsentOutcome.GRANTED, TestClock.today()));
        TestDb.awaitCount("select count(*) from inbox_event where event_id = ?", 1, EventJson.read(last).id());
        assertThat(TestDb.count("select count(*) from case_consent_decision where case_id = ?", caseId)).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from case_consent_decision where case_id = ? and not applied", caseId))
                .isEqualTo(1);
        given().auth().oauth2(pupil.school().swvConsultant()).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(false)).body("pupilId", nullValue()).body("consent.outcome", equalTo("OPEN"))
                .body("outcome", nullValue());
        assertThat(TestDb.string("select assessment_outcome from team_case where id = ?", caseId)).isNull();

        Fixtures.decide(pupil, caseId, requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.GRANTED);
        awaitConsent(caseId, "GRANTED");
        assertThat(TestDb.count("select count(*) from case_consent_decision where case_id = ? and applied", caseId))
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredDecisionHasNoSecondEffect() {
        Pupil pupil = Fixtures.pupil();
        UUID meeting = Fixtures.meeting(pupil.school(), "BOT", TODAY, Fixtures.botTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        UUID requestId = Fixtures.consentRequestId(caseId);

        String granted = decision(pupil, caseId, requestId, ConsentOutcome.GRANTED);
        awaitConsent(caseId, "GRANTED");
        decision(pupil, caseId, requestId, ConsentOutcome.WITHDRAWN);
        awaitConsent(caseId, "WITHDRAWN");

        // the GRANTED again, as Kafka may deliver it twice; then a decision that is recorded only, to know it was read
        TestEvents.sendRaw(Topics.CONSENT, pupil.id().toString(), granted);
        Fixtures.decide(pupil, caseId, UUID.randomUUID(), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.REFUSED);
        TestDb.awaitCount("select count(*) from case_consent_decision where case_id = ? and not applied", 1, caseId);

        assertThat(TestDb.count("select count(*) from case_consent_decision where case_id = ?", caseId)).isEqualTo(3);
        assertThat(TestDb.count("select count(*) from inbox_event where event_id = ?", EventJson.read(granted).id()))
                .isEqualTo(1);
        given().auth().oauth2(pupil.staff("ib")).get("/cases/{id}", caseId).then().statusCode(200)
                .body("named", equalTo(false)).body("pupilId", nullValue()).body("consent.outcome", equalTo("WITHDRAWN"));
    }

    @Test
    void addingAnOutsiderLaterAsksConsentForTheOpenCasesByName() {
        School school = Fixtures.school();
        Pupil byName = Fixtures.pupil(school);
        Pupil anonymous = Fixtures.pupil(school);
        String ib = school.staff("ib");
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY.plusDays(3), Fixtures.insideTeam());
        UUID namedCase = Fixtures.caseOf(meeting, byName, true);
        UUID anonymousCase = Fixtures.caseOf(meeting, anonymous, false);
        given().auth().oauth2(ib).get("/cases/{id}", namedCase).then().body("named", equalTo(true));

        // parents join from inside: still nobody from outside the school
        List<Map<String, Object>> withParent = Fixtures.insideTeam();
        withParent.add(Fixtures.attendee("Mevrouw Yilmaz", "PARENT", false));
        String etag = Fixtures.changeMeeting(ib, meeting, Fixtures.meetingEtag(ib, meeting),
                Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.plusDays(3), withParent)).then().statusCode(200)
                .body("outsidersPresent", equalTo(false)).extract().header("ETag");
        assertThat(Fixtures.outbox(byName.id(), EventType.TEAM_CONSENT_REQUESTED)).isZero();

        List<Map<String, Object>> withOutsider = new ArrayList<>(withParent);
        withOutsider.add(Fixtures.attendee("Sander Bakker", "SCHOOL_SOCIAL_WORK", true));
        etag = Fixtures.changeMeeting(ib, meeting, etag, Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.plusDays(3),
                withOutsider)).then().statusCode(200).body("outsidersPresent", equalTo(true))
                .body("cases.find { it.id == '" + namedCase + "' }.named", equalTo(false))
                .body("cases.find { it.id == '" + namedCase + "' }.pupilId", nullValue())
                .body("cases.find { it.id == '" + namedCase + "' }.consent.outcome", equalTo("OPEN"))
                .extract().header("ETag");

        List<EventEnvelope> requests = Fixtures.sent(byName.id(), EventType.TEAM_CONSENT_REQUESTED, 1);
        assertThat(requests).hasSize(1);
        ConsentRequested request = EventJson.data(requests.get(0), ConsentRequested.class);
        assertThat(request.purpose()).isEqualTo(ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM);
        assertThat(request.subject()).isEqualTo(new SubjectRef(ConsentSubjectType.MEETING_CASE, namedCase, 1));
        assertThat(request.requestId()).isEqualTo(Fixtures.consentRequestId(namedCase));
        assertThat(Fixtures.outbox(anonymous.id(), EventType.TEAM_CONSENT_REQUESTED)).isZero();
        given().auth().oauth2(ib).get("/cases/{id}", anonymousCase).then().body("consent", nullValue());

        // another change with the outsider still there does not ask again
        Fixtures.changeMeeting(ib, meeting, etag, Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TODAY.plusDays(4),
                withOutsider)).then().statusCode(200);
        assertThat(Fixtures.outbox(byName.id(), EventType.TEAM_CONSENT_REQUESTED)).isEqualTo(1);

        Fixtures.decide(byName, namedCase, request.requestId(), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM,
                ConsentOutcome.GRANTED);
        awaitConsent(namedCase, "GRANTED");
        given().auth().oauth2(ib).get("/cases/{id}", namedCase).then().body("named", equalTo(true))
                .body("pupilId", equalTo(byName.id().toString()));
    }

    @Test
    void anInsideOnlyMeetingNamesACaseByNameWithoutConsent() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        List<Map<String, Object>> team = Fixtures.insideTeam();
        team.add(Fixtures.attendee("Mevrouw Yilmaz", "PARENT", false));
        team.add(Fixtures.attendee("Orthopedagoog van school", "ORTHOPEDAGOOG", false));
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TODAY, team);
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);

        Fixtures.recordOutcome(school.staff("ib"), caseId, Fixtures.outcome("NAMED", List.of("RAISE_SUPPORT_LEVEL"),
                List.of())).then().statusCode(200).body("named", equalTo(true))
                .body("pupilId", equalTo(pupil.id().toString())).body("consent", nullValue())
                .body("outcome.discussedAs", equalTo("NAMED"));
        CaseDiscussed discussed = EventJson.data(Fixtures.sent(pupil.id(), EventType.CASE_DISCUSSED, 1).get(0),
                CaseDiscussed.class);
        assertThat(discussed.named()).isTrue();
        assertThat(discussed.pupilId()).isEqualTo(pupil.id());
        assertThat(Fixtures.outbox(pupil.id(), EventType.TEAM_CONSENT_REQUESTED)).isZero();
        assertThat(TestDb.string("select consent_request_id::text from team_case where id = ?", caseId)).isNull();
    }

    // ---- action items ---------------------------------------------------------------------------

    @Test
    void anActionItemIsMarkedDoneOnceAndLeavesTheOverdueList() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil leaving = Fixtures.pupil(school);
        String ib = school.staff("ib");
        LocalDate day = TODAY.minusDays(30);
        UUID caseId = Fixtures.discussed(pupil, day, List.of("OBSERVE"), List.of(
                Fixtures.actionItem("TEACHER", TODAY.minusDays(1)), Fixtures.actionItem("IB", TODAY.minusDays(10)),
                Fixtures.actionItem("IB", TODAY), Fixtures.actionItem("ORTHOPEDAGOOG", TODAY.plusDays(5))));
        Fixtures.discussed(leaving, day, List.of("OBSERVE"), List.of(Fixtures.actionItem("IB", TODAY.minusDays(20))));
        Fixtures.discussed(Fixtures.pupil(), day, List.of("OBSERVE"), List.of(Fixtures.actionItem("IB", day))); // another school's

        List<String> items = given().auth().oauth2(ib).get("/cases/{id}", caseId).then().statusCode(200)
                .body("actionItems.dueOn", contains(TODAY.minusDays(10).toString(), TODAY.minusDays(1).toString(),
                        TODAY.toString(), TODAY.plusDays(5).toString()))
                .body("actionItems.overdue", contains(true, true, false, false))
                .extract().path("actionItems.id");
        DirectoryEvents.left(leaving.id(), school.code(), TODAY, LeavingDestination.BAO);

        // overdue per school, oldest first; the pupil who left is no longer the school's
        for (String role : List.of("ib", "director", "teacher")) {
            overdue(school.staff(role), school.code()).then().statusCode(200)
                    .body("id", contains(items.get(0), items.get(1))).body("caseId", contains(caseId.toString(),
                            caseId.toString())).body("overdue", contains(true, true));
        }
        assertProblem(overdue(school.swvConsultant(), school.code()), 403, "forbidden");
        assertProblem(overdue(Fixtures.school().staff("ib"), school.code()), 404, "not-found");

        UUID item = UUID.fromString(items.get(1));
        Map<String, Long> before = Fixtures.rows(school.code());
        assertProblem(done(ib, item, null, TODAY), 428, "if-match-required");
        assertProblem(done(ib, item, "\"4\"", TODAY), 412, "stale-version");
        assertProblem(done(ib, item, "\"0\"", TODAY.plusDays(1)), 422, "done-in-future");
        done(ib, item, "\"0\"", null).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("doneOn"));
        assertProblem(done(pupil.parent(), item, "\"0\"", TODAY), 403, "forbidden");
        assertProblem(done(Fixtures.school().staff("ib"), item, "\"0\"", TODAY), 404, "not-found");
        assertProblem(done(ib, UUID.randomUUID(), "\"0\"", TODAY), 404, "not-found");
        assertThat(Fixtures.rows(school.code())).isEqualTo(before);

        String etag = done(school.staff("teacher"), item, "\"0\"", TODAY.minusDays(1)).then().statusCode(200)
                .body("id", equalTo(item.toString())).body("doneOn", equalTo(TODAY.minusDays(1).toString()))
                .body("overdue", equalTo(false)).extract().header("ETag");
        assertThat(etag).isNotEqualTo("\"0\"");
        Map<String, Long> afterDone = Fixtures.rows(school.code());
        assertProblem(done(ib, item, etag, TODAY), 409, "already-done");
        assertThat(Fixtures.rows(school.code())).isEqualTo(afterDone);

        overdue(ib, school.code()).then().statusCode(200).body("id", contains(items.get(0)));
        given().auth().oauth2(ib).get("/cases/{id}", caseId).then()
                .body("actionItems.doneOn", contains(null, TODAY.minusDays(1).toString(), null, null))
                .body("actionItems.overdue", contains(true, false, false, false));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Response postCase(String token, Object meetingId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/meetings/{id}/cases", meetingId);
    }

    private static Response putOutcome(String token, UUID caseId, String ifMatch, Map<String, Object> body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return (ifMatch == null ? spec : spec.header("If-Match", ifMatch)).put("/cases/{id}/outcome", caseId);
    }

    private static Response done(String token, UUID itemId, String ifMatch, LocalDate on) {
        Map<String, Object> body = new HashMap<>();
        body.put("doneOn", on == null ? null : on.toString());
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return (ifMatch == null ? spec : spec.header("If-Match", ifMatch)).post("/action-items/{id}/done", itemId);
    }

    private static Response overdue(String token, String schoolCode) {
        return given().auth().oauth2(token).get("/schools/{code}/action-items/overdue", schoolCode);
    }

    /** consent-service's decision about the case's DISCUSS_IN_SUPPORT_TEAM request; returns the envelope as sent. */
    private static String decision(Pupil pupil, UUID caseId, UUID requestId, ConsentOutcome outcome) {
        return TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentDecided(requestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.MEETING_CASE, caseId, 1), outcome, TODAY));
    }

    private static void awaitConsent(UUID caseId, String outcome) {
        TestDb.awaitCount("select count(*) from team_case where id = ? and consent_outcome = ?", 1, caseId, outcome);
    }

    /** A multidisciplinary meeting with the youth doctor from outside the school. */
    private static List<Map<String, Object>> withYouthDoctor() {
        List<Map<String, Object>> team = Fixtures.insideTeam();
        team.add(Fixtures.attendee("Jeugdarts Peters", "YOUTH_DOCTOR", true));
        return team;
    }
}
