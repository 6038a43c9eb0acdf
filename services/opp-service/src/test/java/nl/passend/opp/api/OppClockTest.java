package nl.passend.opp.api;

import static io.restassured.RestAssured.given;
import static nl.passend.opp.Fixtures.dueCount;
import static nl.passend.opp.Fixtures.dueDates;
import static nl.passend.opp.Fixtures.outboxCount;
import static nl.passend.opp.Fixtures.overdue;
import static nl.passend.opp.Fixtures.pupilEvents;
import static nl.passend.opp.Fixtures.startClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.opp.Fixtures;
import nl.passend.opp.Fixtures.Pupil;
import nl.passend.opp.Fixtures.School;
import nl.passend.opp.service.OverdueSignals;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OPP clock over the real broker: what starts it (level 4, an arrangement, an SBO/SO enrolment,
 * the school by hand), what settles it (establishment; the pupil leaving), the overdue list per school
 * and the overdue signal on passend.opp, and erasure.
 */
@QuarkusTest
class OppClockTest {

    private static final LocalDate TODAY = TestClock.today();

    @Inject
    OverdueSignals signals;

    /** Waits until the outbox relay put every event of the type about the pupil on the broker. */
    private static void awaitSent(EventType type, UUID pupilId, long count) {
        TestDb.awaitCount("select count(*) from outbox_event where event_type = ? and event_key = ? and sent_at is not null",
                count, type.type(), pupilId.toString());
    }

    private static OppOverdue overdueEvent(Pupil pupil, EventType type) {
        awaitSent(type, pupil.id(), 1);
        List<EventEnvelope> events = pupilEvents(pupil.id(), type, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).subject()).isEqualTo(pupil.id().toString());
        return EventJson.data(events.get(0), OppOverdue.class);
    }

    // ---- what starts the clock -----------------------------------------------------------------

    @Test
    void extraSupportStartsTheClockOnceDueSixWeeksLater() {
        Pupil pupil = Fixtures.pupil();
        UUID changeId = UUID.randomUUID();
        LocalDate start = TODAY.minusDays(10);
        String envelope = Fixtures.extraSupportStarted(pupil, changeId, start);
        TestDb.awaitCount("select count(*) from opp_due where pupil_id = ?", 1, pupil.id());

        dueDates(pupil).then().statusCode(200).body("", hasSize(1))
                .body("[0].pupilId", equalTo(pupil.id().toString()))
                .body("[0].reason", equalTo("EXTRA_SUPPORT"))
                .body("[0].startDate", equalTo(start.toString()))
                .body("[0].dueDate", equalTo(start.plusDays(42).toString()))
                .body("[0].fulfilledOn", nullValue())
                .body("[0].droppedOn", nullValue());

        // the same event again (a redelivery), and a new event about the same level change: nothing more
        TestEvents.sendRaw(Topics.SUPPORT, pupil.id().toString(), envelope);
        Fixtures.extraSupportStarted(pupil, changeId, start);
        // a marker behind them on the same partition: once it is in, both were seen
        Pupil marker = Fixtures.pupil();
        Fixtures.extraSupportStarted(marker, UUID.randomUUID(), start);
        TestDb.awaitCount("select count(*) from opp_due where pupil_id = ?", 1, marker.id());

        assertThat(dueCount(pupil.id())).isEqualTo(1);
        dueDates(pupil).then().body("", hasSize(1));
    }

    @Test
    void anArrangementStartsTheClockOnceDueSixWeeksLater() {
        Pupil pupil = Fixtures.pupil();
        UUID arrangementId = UUID.randomUUID();
        LocalDate start = TODAY.minusDays(3);
        String envelope = Fixtures.arrangementStarted(pupil, arrangementId, start);
        TestDb.awaitCount("select count(*) from opp_due where pupil_id = ?", 1, pupil.id());

        dueDates(pupil).then().statusCode(200).body("", hasSize(1))
                .body("[0].reason", equalTo("ARRANGEMENT"))
                .body("[0].startDate", equalTo(start.toString()))
                .body("[0].dueDate", equalTo(start.plusDays(42).toString()));

        TestEvents.sendRaw(Topics.TEAM, pupil.id().toString(), envelope);
        Fixtures.arrangementStarted(pupil, arrangementId, start);
        // another arrangement is another start: it counts
        LocalDate later = TODAY.minusDays(1);
        Fixtures.arrangementStarted(pupil, UUID.randomUUID(), later);
        TestDb.awaitCount("select count(*) from opp_due where pupil_id = ?", 2, pupil.id());
        Pupil marker = Fixtures.pupil();
        Fixtures.arrangementStarted(marker, UUID.randomUUID(), start);
        TestDb.awaitCount("select count(*) from opp_due where pupil_id = ?", 1, marker.id());

        assertThat(dueCount(pupil.id())).isEqualTo(2);
        dueDates(pupil).then().body("startDate", equalTo(List.of(start.toString(), later.toString())))
                .body("dueDate", equalTo(List.of(start.plusDays(42).toString(), later.plusDays(42).toString())));
    }

    @ParameterizedTest
    @EnumSource(value = SchoolType.class, names = {"SBO", "SO"})
    void enrolmentAtASpecialSchoolStartsTheClock(SchoolType type) {
        School school = Fixtures.school(type);
        LocalDate enrolled = TODAY.minusWeeks(8);
        Pupil pupil = Fixtures.pupil(school, enrolled);
        // the guardian came after the enrolment on the same partition: the enrolment was processed

        dueDates(pupil).then().statusCode(200).body("", hasSize(1))
                .body("[0].reason", equalTo("SPECIAL_SCHOOL_ENROLMENT"))
                .body("[0].startDate", equalTo(enrolled.toString()))
                .body("[0].dueDate", equalTo(enrolled.plusDays(42).toString()));
        // 8 weeks ago: overdue
        overdue(school).then().statusCode(200).body("", hasSize(1))
                .body("[0].pupilId", equalTo(pupil.id().toString()))
                .body("[0].kind", equalTo("ESTABLISHMENT"))
                .body("[0].reason", equalTo("SPECIAL_SCHOOL_ENROLMENT"))
                .body("[0].planId", nullValue());
    }

    @Test
    void aSchoolLearnedToBeSpecialAfterItsEnrolmentsStartsTheirClocks() {
        School school = Fixtures.unregisteredSchool(SchoolType.SO);
        LocalDate enrolled = TODAY.minusWeeks(3);
        Pupil pupil = Fixtures.pupil(school, enrolled);
        Pupil leaver = Fixtures.pupil(school, enrolled);
        Fixtures.leave(leaver, TODAY.minusDays(2));
        // the school's type is not known yet: no clock
        assertThat(dueCount(pupil.id())).isZero();

        Fixtures.register(school);

        dueDates(pupil).then().statusCode(200).body("", hasSize(1))
                .body("[0].reason", equalTo("SPECIAL_SCHOOL_ENROLMENT"))
                .body("[0].startDate", equalTo(enrolled.toString()))
                .body("[0].dueDate", equalTo(enrolled.plusDays(42).toString()));
        // a pupil who left before is no longer the school's to plan for
        assertThat(dueCount(leaver.id())).isZero();

        // the same registration again is no new start
        Fixtures.register(school);
        Fixtures.school(SchoolType.SO); // a marker behind it on passend.pupil
        assertThat(dueCount(pupil.id())).isEqualTo(1);
    }

    @Test
    void enrolmentAtARegularSchoolDoesNotStartIt() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusWeeks(8));
        assertThat(dueCount(pupil.id())).isZero();
        dueDates(pupil).then().statusCode(200).body("", empty());
        overdue(school).then().statusCode(200).body("", empty());
    }

    @Test
    void theSchoolRecordsAStartByHand() {
        Pupil pupil = Fixtures.pupil();
        LocalDate start = TODAY.minusDays(5);
        startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT", start).then().statusCode(201)
                .body("pupilId", equalTo(pupil.id().toString()))
                .body("reason", equalTo("EXTRA_SUPPORT"))
                .body("startDate", equalTo(start.toString()))
                .body("dueDate", equalTo(start.plusDays(42).toString()))
                .body("fulfilledOn", nullValue());
        startClock(pupil.staff("director"), pupil.id(), "ARRANGEMENT", start).then().statusCode(201)
                .body("reason", equalTo("ARRANGEMENT"));
        // each recorded start is a start of its own
        dueDates(pupil).then().body("", hasSize(2));

        assertThat(startClock(pupil.staff("teacher"), pupil.id(), "EXTRA_SUPPORT", start).statusCode()).isEqualTo(403);
        String otherSchool = Fixtures.staff("ib", TestTokens.newSchoolCode());
        ProblemAsserts.problem(startClock(otherSchool, pupil.id(), "EXTRA_SUPPORT", start), 404, "not-found");
        ProblemAsserts.problem(startClock(pupil.staff("ib"), UUID.randomUUID(), "EXTRA_SUPPORT", start), 404,
                "not-found");
        ProblemAsserts.problem(startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT",
                TODAY.plusYears(1).plusDays(1)), 422, "start-too-far");
        given().auth().oauth2(pupil.staff("ib")).contentType(ContentType.JSON)
                .body(Map.of("startDate", start.toString())).post("/pupils/{id}/opp-due-dates", pupil.id())
                .then().statusCode(400);
        assertThat(dueCount(pupil.id())).isEqualTo(2);
    }

    @Test
    void aStartWhileAnOppIsInForceIsFulfilledAtOnce() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.establishedPlan(pupil);
        LocalDate start = TODAY.minusDays(60);
        startClock(pupil.staff("ib"), pupil.id(), "ARRANGEMENT", start).then().statusCode(201)
                .body("fulfilledOn", equalTo(start.toString()));
        overdue(pupil.school()).then().statusCode(200).body("", empty());
    }

    @Test
    void aLeftPupilGetsNoNewStart() {
        Pupil pupil = Fixtures.pupil();
        Fixtures.leave(pupil, TODAY.minusDays(1));
        // the school no longer acts for the pupil
        ProblemAsserts.problem(startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT", TODAY.minusDays(5)), 404,
                "not-found");
        assertThat(dueCount(pupil.id())).isZero();
    }

    // ---- overdue: the establishment ----------------------------------------------------------

    @Test
    void anOppIsOverdueTheDayAfterItsSixWeeks() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil onTime = Fixtures.pupil(school, TODAY.minusMonths(6));
        Pupil late = Fixtures.pupil(school, TODAY.minusMonths(6));
        startClock(onTime.staff("ib"), onTime.id(), "EXTRA_SUPPORT", TODAY.minusDays(42)).then().statusCode(201)
                .body("dueDate", equalTo(TODAY.toString()));
        startClock(late.staff("ib"), late.id(), "EXTRA_SUPPORT", TODAY.minusDays(43)).then().statusCode(201)
                .body("dueDate", equalTo(TODAY.minusDays(1).toString()));

        overdue(school).then().statusCode(200).body("", hasSize(1))
                .body("[0].pupilId", equalTo(late.id().toString()))
                .body("[0].dueDate", equalTo(TODAY.minusDays(1).toString()));
    }

    @Test
    void theOverdueListIsForTheSchoolsIbAndDirector() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(6));
        startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT", TODAY.minusDays(50)).then().statusCode(201);

        given().auth().oauth2(pupil.staff("director")).get("/schools/{code}/opps/overdue", school.code())
                .then().statusCode(200).body("", hasSize(1));
        assertThat(given().auth().oauth2(pupil.staff("teacher")).get("/schools/{code}/opps/overdue", school.code())
                .statusCode()).isEqualTo(403);
        assertThat(given().auth().oauth2(pupil.parent()).get("/schools/{code}/opps/overdue", school.code())
                .statusCode()).isEqualTo(403);
        ProblemAsserts.problem(given().auth().oauth2(Fixtures.staff("ib", TestTokens.newSchoolCode()))
                .get("/schools/{code}/opps/overdue", school.code()), 404, "not-found");
        // the listing is an access to the pupil's data: audited
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.overdue.list'",
                pupil.id())).isEqualTo(1);
    }

    @Test
    void anOverdueEstablishmentIsSignalledOnceAndResolvedByTheEstablishment() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(6));
        LocalDate due = TODAY.minusDays(8);
        startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT", TODAY.minusDays(50)).then().statusCode(201);
        overdue(school).then().statusCode(200).body("", hasSize(1))
                .body("[0].kind", equalTo("ESTABLISHMENT"))
                .body("[0].reason", equalTo("EXTRA_SUPPORT"))
                .body("[0].dueDate", equalTo(due.toString()))
                .body("[0].planId", nullValue());

        // a plan drawn up but not established: still overdue, now with its plan
        UUID planId = Fixtures.createPlan(pupil).id();
        overdue(school).then().body("", hasSize(1)).body("[0].planId", equalTo(planId.toString()));

        assertThat(signals.signal()).isGreaterThanOrEqualTo(1);
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
        assertThat(signals.signal()).isZero();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
        OppOverdue signalled = overdueEvent(pupil, EventType.OPP_OVERDUE);
        assertThat(signalled.kind()).isEqualTo(OppDueKind.ESTABLISHMENT);
        assertThat(signalled.dueDate()).isEqualTo(due);
        assertThat(signalled.planId()).isEqualTo(planId);
        assertThat(signalled.schoolCode()).isEqualTo(school.code());
        assertThat(outboxCount(EventType.OPP_OVERDUE_RESOLVED, pupil.id())).isZero();

        Fixtures.establish(pupil, planId, 1);

        dueDates(pupil).then().body("", hasSize(1)).body("[0].fulfilledOn", equalTo(TODAY.toString()));
        overdue(school).then().statusCode(200).body("", empty());
        OppOverdue resolved = overdueEvent(pupil, EventType.OPP_OVERDUE_RESOLVED);
        assertThat(resolved.kind()).isEqualTo(OppDueKind.ESTABLISHMENT);
        assertThat(resolved.dueDate()).isEqualTo(due);
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
    }

    @Test
    void anEstablishmentBeforeTheSignalResolvesNothing() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(6));
        startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT", TODAY.minusDays(50)).then().statusCode(201);
        Fixtures.establishedPlan(pupil);
        overdue(school).then().body("", empty());
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isZero();
        assertThat(outboxCount(EventType.OPP_OVERDUE_RESOLVED, pupil.id())).isZero();
    }

    // ---- overdue: the evaluation -------------------------------------------------------------

    @Test
    void anOverdueEvaluationIsSignalledOnceAndResolvedByAnEvaluation() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusYears(2));
        // established a year and ten days ago, never evaluated: once a year at a BAO school
        LocalDate since = TODAY.minusYears(1).minusDays(10);
        LocalDate due = since.plusYears(1);
        UUID planId;
        try (TestClock.Travel t = TestClock.travelTo(since)) {
            planId = Fixtures.establishedPlan(pupil);
            overdue(school).then().body("", empty());
        }
        overdue(school).then().statusCode(200).body("", hasSize(1))
                .body("[0].pupilId", equalTo(pupil.id().toString()))
                .body("[0].planId", equalTo(planId.toString()))
                .body("[0].kind", equalTo("EVALUATION"))
                .body("[0].reason", nullValue())
                .body("[0].dueDate", equalTo(due.toString()));

        assertThat(signals.signal()).isGreaterThanOrEqualTo(1);
        assertThat(signals.signal()).isZero();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
        OppOverdue signalled = overdueEvent(pupil, EventType.OPP_OVERDUE);
        assertThat(signalled.kind()).isEqualTo(OppDueKind.EVALUATION);
        assertThat(signalled.planId()).isEqualTo(planId);
        assertThat(signalled.dueDate()).isEqualTo(due);

        Fixtures.evaluate(pupil, planId, 1, TODAY).then().statusCode(201)
                .body("status", equalTo("EVALUATED")).body("lastEvaluatedOn", equalTo(TODAY.toString()));

        overdue(school).then().body("", empty());
        OppOverdue resolved = overdueEvent(pupil, EventType.OPP_OVERDUE_RESOLVED);
        assertThat(resolved.kind()).isEqualTo(OppDueKind.EVALUATION);
        assertThat(resolved.planId()).isEqualTo(planId);
        assertThat(resolved.dueDate()).isEqualTo(due);
        // the next one is a year after the evaluation: nothing to signal
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
    }

    @Test
    void anEvaluationWithinTheYearIsNotOverdue() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusYears(2));
        LocalDate since = TODAY.minusYears(1).minusDays(10);
        LocalDate evaluated = since.plusMonths(3);
        UUID planId;
        try (TestClock.Travel t = TestClock.travelTo(since)) {
            planId = Fixtures.establishedPlan(pupil);
        }
        try (TestClock.Travel t = TestClock.travelTo(evaluated)) {
            Fixtures.evaluate(pupil, planId, 1, evaluated).then().statusCode(201);
        }
        overdue(school).then().body("", empty());
        // exactly a year after the last evaluation it is due that day, not yet overdue
        try (TestClock.Travel t = TestClock.travelTo(evaluated.plusYears(1))) {
            overdue(school).then().body("", empty());
        }
        try (TestClock.Travel t = TestClock.travelTo(evaluated.plusYears(1).plusDays(1))) {
            overdue(school).then().body("", hasSize(1)).body("[0].dueDate", equalTo(evaluated.plusYears(1).toString()));
        }
    }

    @Test
    void aVersionEstablishedLateInTheDayIsEvaluatedThatDay() {
        // the service's day is its clock's Dutch day: a version established at 23:59 of it was established
        // that day (the evaluation's checks and in_force_since count the same day)
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.createPlan(pupil).id();
        try (TestClock.Travel t = TestClock.travelTo(TODAY.atTime(23, 59).atZone(TestClock.NL).toInstant())) {
            Fixtures.establish(pupil, planId, 1);
        }
        Fixtures.evaluate(pupil, planId, 1, TODAY).then().statusCode(201).body("lastEvaluatedOn",
                equalTo(TODAY.toString()));
        ProblemAsserts.problem(Fixtures.evaluate(pupil, planId, 1, TODAY.minusDays(1)), 422,
                "evaluation-before-establishment");
        ProblemAsserts.problem(Fixtures.evaluate(pupil, planId, 1, TODAY.plusDays(1)), 422, "evaluation-in-future");
    }

    // ---- leaving and erasure -----------------------------------------------------------------

    @Test
    void aPupilWhoLeavesHasItsPlanClosedAndItsClocksDropped() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(6));
        startClock(pupil.staff("ib"), pupil.id(), "EXTRA_SUPPORT", TODAY.minusDays(50)).then().statusCode(201);
        UUID planId = Fixtures.createPlan(pupil).id();
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
        overdue(school).then().body("", hasSize(1));

        LocalDate left = TODAY.minusDays(1);
        Fixtures.leave(pupil, left);

        // the school no longer reads the plan; the parents still do
        Fixtures.get(pupil.parent(), planId).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closeReason", equalTo("PUPIL_LEFT"))
                .body("closedOn", equalTo(left.toString()));
        assertThat(TestDb.count("select count(*) from opp_version where plan_id = ? and status = 'CLOSED'", planId))
                .isEqualTo(1);
        List<EventEnvelope> closed = Fixtures.oppEvents(planId, EventType.OPP_CLOSED, 1);
        assertThat(closed).hasSize(1);
        OppChanged change = EventJson.data(closed.get(0), OppChanged.class);
        assertThat(change.status().name()).isEqualTo("CLOSED");
        assertThat(change.closeReason().name()).isEqualTo("PUPIL_LEFT");
        assertThat(change.effectiveDate()).isEqualTo(left);

        assertThat(TestDb.count("select count(*) from opp_due where pupil_id = ? and dropped_on = ? and fulfilled_on is null",
                pupil.id(), Date.valueOf(left))).isEqualTo(1);
        overdue(school).then().statusCode(200).body("", empty());
        OppOverdue resolved = overdueEvent(pupil, EventType.OPP_OVERDUE_RESOLVED);
        assertThat(resolved.kind()).isEqualTo(OppDueKind.ESTABLISHMENT);
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.close'"
                + " and actor_role = 'system'", pupil.id())).isEqualTo(1);
    }

    @Test
    void aLeavingAnnouncedForALaterDayClosesThePlanOnlyWhenThatDayHasCome() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusMonths(6));
        UUID planId = Fixtures.establishedPlan(pupil);
        Fixtures.leave(pupil, TODAY.plusDays(10));

        // until the leaving day the school still works with the plan
        signals.signal();
        Fixtures.get(pupil.staff("ib"), planId).then().statusCode(200).body("status", equalTo("ESTABLISHED"));

        // the day has come: the job closes it on that day
        LocalDate leftOn = TODAY.plusDays(10);
        try (TestClock.Travel t = TestClock.travelTo(leftOn)) {
            signals.signal();
            Fixtures.get(pupil.parent(), planId).then().statusCode(200).body("status", equalTo("CLOSED"))
                    .body("closeReason", equalTo("PUPIL_LEFT")).body("closedOn", equalTo(leftOn.toString()));
            assertThat(Fixtures.oppEvents(planId, EventType.OPP_CLOSED, 1)).hasSize(1);
            signals.signal();
        }
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ? and action = 'opp.close'",
                pupil.id())).isEqualTo(1);
    }

    @Test
    void anEstablishedPlanIsClosedWhenThePupilLeavesAndItsEvaluationIsNoLongerDue() {
        School school = Fixtures.school(SchoolType.BAO);
        Pupil pupil = Fixtures.pupil(school, TODAY.minusYears(2));
        UUID planId;
        try (TestClock.Travel t = TestClock.travelTo(TODAY.minusYears(1).minusDays(3))) {
            planId = Fixtures.establishedPlan(pupil);
        }
        overdue(school).then().body("", hasSize(1)).body("[0].kind", equalTo("EVALUATION"));
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);

        Fixtures.leave(pupil, TODAY);

        Fixtures.get(pupil.parent(), planId).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closeReason", equalTo("PUPIL_LEFT")).body("inForceVersion", equalTo(1));
        overdue(school).then().body("", empty());
        assertThat(overdueEvent(pupil, EventType.OPP_OVERDUE_RESOLVED).kind()).isEqualTo(OppDueKind.EVALUATION);
        signals.signal();
        assertThat(outboxCount(EventType.OPP_OVERDUE, pupil.id())).isEqualTo(1);
    }

    @Test
    void erasureDeletesEverythingHeldAboutThePupil() {
        Pupil pupil = Fixtures.pupil();
        UUID planId = Fixtures.establishedPlan(pupil);
        Fixtures.evaluate(pupil, planId, 1, TODAY).then().statusCode(201);
        given().auth().oauth2(pupil.parent()).header("If-Match", Fixtures.etag(pupil, planId))
                .contentType(ContentType.JSON).body(Map.of("kind", "PARENTS", "text", "Wij zijn tevreden."))
                .post("/opps/{id}/versions/1/views", planId).then().statusCode(201);
        given().auth().oauth2(pupil.staff("ib")).header("If-Match", Fixtures.etag(pupil, planId))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Verslag onderzoek", "kind", "REPORT", "uri", "https://dossier.example/1"))
                .post("/opps/{id}/documents", planId).then().statusCode(201);
        startClock(pupil.staff("ib"), pupil.id(), "ARRANGEMENT", TODAY.minusDays(5)).then().statusCode(201);
        Fixtures.shareWithSwv(pupil, UUID.randomUUID(), nl.passend.events.codes.ConsentOutcome.GRANTED);
        // a second plan of the same pupil, closed: erasure takes every plan
        given().auth().oauth2(pupil.staff("ib")).header("If-Match", Fixtures.etag(pupil, planId))
                .contentType(ContentType.JSON).body(Map.of("reason", "NO_LONGER_NEEDED"))
                .post("/opps/{id}/closure", planId).then().statusCode(200);
        UUID secondPlan = Fixtures.createPlan(pupil).id();

        Pupil other = Fixtures.pupil();
        UUID otherPlan = Fixtures.establishedPlan(other);

        Map<String, String> ofPlans = Map.of(
                "opp_version", "plan_id", "opp_consent_decision", "plan_id", "opp_consent_request", "plan_id",
                "opp_evaluation", "plan_id", "opp_view", "plan_id", "opp_document", "plan_id");
        for (Map.Entry<String, String> table : ofPlans.entrySet()) {
            assertThat(TestDb.count("select count(*) from " + table.getKey()
                    + " where plan_id in (select id from opp_plan where pupil_id = ?)", pupil.id()))
                    .as(table.getKey()).isPositive();
        }
        List<String> ofPupil = List.of("opp_plan", "opp_due", "pupil_share_consent", "audit_log");
        for (String table : ofPupil) {
            assertThat(TestDb.count("select count(*) from " + table + " where pupil_id = ?", pupil.id())).as(table)
                    .isPositive();
        }
        long otherAudit = TestDb.count("select count(*) from audit_log where pupil_id = ?", other.id());

        Fixtures.erase(pupil);

        for (UUID plan : List.of(planId, secondPlan)) {
            for (String table : ofPlans.keySet()) {
                assertThat(TestDb.count("select count(*) from " + table + " where plan_id = ?", plan)).as(table)
                        .isZero();
            }
        }
        for (String table : ofPupil) {
            assertThat(TestDb.count("select count(*) from " + table + " where pupil_id = ?", pupil.id())).as(table)
                    .isZero();
        }
        // the plan is gone for everyone, and asking leaves no trace
        ProblemAsserts.problem(Fixtures.get(pupil.parent(), planId), 404, "not-found");
        ProblemAsserts.problem(Fixtures.get(pupil.staff("ib"), planId), 404, "not-found");
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ?", pupil.id())).isZero();
        // another pupil keeps everything
        assertThat(TestDb.count("select count(*) from opp_version where plan_id = ?", otherPlan)).isEqualTo(1);
        assertThat(TestDb.count("select count(*) from audit_log where pupil_id = ?", other.id()))
                .isGreaterThanOrEqualTo(otherAudit);
        Fixtures.get(other.staff("ib"), otherPlan).then().statusCode(200);
    }
}
