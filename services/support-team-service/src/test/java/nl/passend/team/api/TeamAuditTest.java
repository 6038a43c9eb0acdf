package nl.passend.team.api;

import static nl.passend.team.TeamAccessCalls.as;
import static nl.passend.team.TeamAccessCalls.staff;
import static nl.passend.team.TeamAccessCalls.subject;
import static nl.passend.testing.AuditTrail.audit;
import static nl.passend.testing.AuditTrail.auditByActor;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.team.TeamAccessCalls;
import nl.passend.team.service.TeamSignals;
import nl.passend.testing.AuditTrail.AuditRow;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every read and write of a pupil's cases, action items, arrangements, TLVs and signals leaves an
 * audit_log row per pupil in the transaction of the access (who, acting role, which pupil, what,
 * why); consent decisions and the signal job are audited as the system; a refused or failed access
 * leaves none.
 */
@QuarkusTest
class TeamAuditTest {

    private static final String JOB = "support-team-service/signals";

    @Inject
    TeamSignals signals;

    private static UUID id(Response response) {
        return UUID.fromString(response.then().extract().path("id"));
    }

    // ---- cases and action items ----------------------------------------------------------------

    @Test
    void aCaseIsAuditedFromTheAgendaToItsOutcomeAndActionItemUnderTheIb() {
        Pupil pupil = Fixtures.pupil();
        String ib = subject("ib");
        String token = staff(ib, "ib", pupil.schoolCode());
        Response planned = Fixtures.planMeeting(token, pupil.schoolCode(),
                Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam()));
        planned.then().statusCode(201);
        UUID meeting = id(planned);
        assertThat(auditByActor(ib)).as("a meeting is not pupil-level").isEmpty();

        Response added = Fixtures.addCase(token, meeting, pupil.id(), true);
        added.then().statusCode(201);
        UUID caseId = id(added);
        as(token).get("/meetings/{id}", meeting).then().statusCode(200);
        Response outcome = as(token).header("If-Match", added.header("ETag"))
                .body(Fixtures.outcome("NAMED", List.of("OBSERVE", "ASSESS"),
                        List.of(Fixtures.actionItem("IB", TestClock.today().plusWeeks(1)))))
                .put("/cases/{id}/outcome", caseId);
        outcome.then().statusCode(200);
        UUID item = UUID.fromString(outcome.path("actionItems[0].id"));
        TeamAccessCalls.markDone(token, item, "\"0\"", TestClock.today()).then().statusCode(200);
        as(token).get("/cases/{id}", caseId).then().statusCode(200);
        as(token).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200);

        List<AuditRow> rows = audit(pupil.id(), ib);
        assertThat(rows).extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::pupilId, AuditRow::action,
                AuditRow::reason).containsExactly(
                        tuple(ib, "ib", pupil.id(), "team.case.create", "by name"),
                        tuple(ib, "ib", pupil.id(), "team.case.read", null),
                        tuple(ib, "ib", pupil.id(), "team.case.outcome", "named: [OBSERVE, ASSESS]"),
                        tuple(ib, "ib", pupil.id(), "team.action-item.done", null),
                        tuple(ib, "ib", pupil.id(), "team.case.read", null),
                        tuple(ib, "ib", pupil.id(), "team.case.read", null));
        assertThat(audit(pupil.id())).isEqualTo(rows);
    }

    @Test
    void caseReadsAreAuditedInTheRoleTheCallerReadsUnder() {
        Pupil pupil = Fixtures.pupil();
        UUID bot = Fixtures.meeting(pupil.school(), "BOT", TestClock.today(), Fixtures.botTeam());
        UUID caseId = TeamAccessCalls.namedBotCase(bot, pupil);
        TeamAccessCalls.discussed(pupil.staff("ib"), caseId, "NAMED", List.of("OBSERVE"), List.of());
        String teacher = subject("teacher");
        String director = subject("director");
        String ibAndTeacher = subject("ib");
        String consultant = subject("swv-consultant");
        String school = pupil.schoolCode();

        for (String token : List.of(staff(teacher, "teacher", school), staff(director, "director", school),
                TestTokens.subject(ibAndTeacher).roles("teacher", "ib").schools(school).sign(),
                TeamAccessCalls.consultant(consultant, pupil.school().swv()))) {
            as(token).get("/meetings/{id}", bot).then().statusCode(200);
            as(token).get("/cases/{id}", caseId).then().statusCode(200);
            as(token).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200);
        }
        as(pupil.parent()).get("/cases/{id}", caseId).then().statusCode(200);
        as(pupil.parent()).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200);

        for (String[] actorRole : new String[][] {{teacher, "teacher"}, {director, "director"}, {ibAndTeacher, "ib"},
                {consultant, "swv-consultant"}}) {
            String role = actorRole[1];
            assertThat(audit(pupil.id(), actorRole[0])).as(role)
                    .extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                    .containsExactly(tuple(role, "team.case.read", null), tuple(role, "team.case.read", null),
                            tuple(role, "team.case.read", null));
        }
        assertThat(audit(pupil.id(), pupil.parentAccount()))
                .extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("parent", "team.case.read", null), tuple("parent", "team.case.read", null));
    }

    @Test
    void aMeetingReadAuditsEachCaseShownPerPupilAndNothingOfAPupilWhoLeftOrOfTheListOfMeetings() {
        School school = Fixtures.school();
        Pupil named = Fixtures.pupil(school);
        Pupil anonymous = Fixtures.pupil(school);
        Pupil leaver = Fixtures.pupil(school);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        Fixtures.caseOf(meeting, named, true);
        Fixtures.caseOf(meeting, anonymous, false);
        Fixtures.caseOf(meeting, leaver, true);
        TeamAccessCalls.left(leaver, TestClock.today());
        String teacher = subject("teacher");
        String token = staff(teacher, "teacher", school.code());

        as(token).get("/schools/{code}/meetings", school.code()).then().statusCode(200);
        assertThat(auditByActor(teacher)).isEmpty();
        as(token).get("/meetings/{id}", meeting).then().statusCode(200);
        assertThat(auditByActor(teacher)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactlyInAnyOrder(tuple(named.id(), "teacher", "team.case.read"),
                        tuple(anonymous.id(), "teacher", "team.case.read"));
    }

    @Test
    void aReadOfAPupilsCasesOrTlvsThatListsNoneIsAuditedToo() {
        Pupil pupil = Fixtures.pupil();
        String ib = subject("ib");
        String token = staff(ib, "ib", pupil.schoolCode());
        as(token).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200).body("size()", equalTo(0));
        as(token).get("/pupils/{id}/tlv-requests", pupil.id()).then().statusCode(200).body("size()", equalTo(0));
        as(token).get("/pupils/{id}/arrangements", pupil.id()).then().statusCode(200).body("size()", equalTo(0));
        as(pupil.parent()).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200).body("size()", equalTo(0));

        assertThat(audit(pupil.id(), ib)).extracting(AuditRow::actorRole, AuditRow::action).containsExactly(
                tuple("ib", "team.case.list"), tuple("ib", "team.tlv.list"), tuple("ib", "team.arrangement.read"));
        assertThat(audit(pupil.id(), pupil.parentAccount())).extracting(AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple("parent", "team.case.list"));
    }

    @Test
    void consentAskedByAChangeOfTheMeetingIsAuditedUnderTheCallerAndTheDecisionAsTheSystem() {
        Pupil pupil = Fixtures.pupil();
        UUID meeting = Fixtures.meeting(pupil.school(), "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        UUID caseId = Fixtures.caseOf(meeting, pupil, true);
        String director = subject("director");
        String token = staff(director, "director", pupil.schoolCode());
        List<Map<String, Object>> withOutsider = Fixtures.insideTeam();
        withOutsider.add(Fixtures.attendee("Sander Bakker", "SCHOOL_SOCIAL_WORK", true));
        as(token).header("If-Match", TeamAccessCalls.meetingEtag(pupil.staff("ib"), meeting))
                .body(Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TestClock.today(), withOutsider))
                .put("/meetings/{id}", meeting).then().statusCode(200).body("outsidersPresent", equalTo(true));

        assertThat(audit(pupil.id(), director)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("director", "team.case.consent-requested",
                        "someone from outside the school takes part"), tuple("director", "team.case.read", null));

        Fixtures.decide(pupil, caseId, Fixtures.consentRequestId(caseId), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM,
                ConsentOutcome.GRANTED);
        TestDb.awaitCount("select count(*) from audit_log where pupil_id = ? and action = 'team.case.consent-decision'",
                1, pupil.id());
        assertThat(audit(pupil.id(), TestEvents.sourceOf(Topics.CONSENT))).extracting(AuditRow::actorRole, AuditRow::action,
                AuditRow::reason).containsExactly(tuple("system", "team.case.consent-decision",
                        "DISCUSS_IN_SUPPORT_TEAM GRANTED"));
    }

    // ---- arrangements --------------------------------------------------------------------------

    @Test
    void arrangementsAreAuditedWhenStartedReadListedAndEnded() {
        Pupil pupil = Fixtures.pupil();
        String ib = subject("ib");
        String director = subject("director");
        String teacher = subject("teacher");
        String school = pupil.schoolCode();

        Response started = TeamAccessCalls.startArrangement(staff(ib, "ib", school), pupil, null);
        started.then().statusCode(201);
        UUID arrangement = id(started);
        as(staff(teacher, "teacher", school)).get("/pupils/{id}/arrangements", pupil.id()).then().statusCode(200);
        as(staff(teacher, "teacher", school)).get("/arrangements/{id}", arrangement).then().statusCode(200);
        TeamAccessCalls.endArrangement(staff(director, "director", school), arrangement, started.header("ETag"),
                TestClock.today()).then().statusCode(200);
        as(pupil.parent()).get("/arrangements/{id}", arrangement).then().statusCode(200);

        assertThat(audit(pupil.id())).extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::action,
                AuditRow::reason).containsExactly(
                        tuple(ib, "ib", "team.arrangement.start", "INDIVIDUAL_SUPPORT BOARD"),
                        tuple(teacher, "teacher", "team.arrangement.read", null),
                        tuple(teacher, "teacher", "team.arrangement.read", null),
                        tuple(director, "director", "team.arrangement.end", null),
                        tuple(pupil.parentAccount(), "parent", "team.arrangement.read", null));
    }

    // ---- TLVs ------------------------------------------------------------------------------------

    @Test
    void aTlvIsAuditedFromPreparationToObjectionUnderEachRoleThatTookAStep() {
        Pupil pupil = Fixtures.pupil();
        String ib = subject("ib");
        String director = subject("director");
        String consultant = subject("swv-consultant");
        String school = pupil.schoolCode();

        Response prepared = as(staff(ib, "ib", school)).body(Map.of("target", "SO", "motivation",
                "Ondersteuningsbehoefte overstijgt de basisschool", "advices",
                List.of(Fixtures.advice("Drs. A. de Vries", "ORTHOPEDAGOOG")))).post("/pupils/{id}/tlv-requests",
                pupil.id());
        prepared.then().statusCode(201);
        UUID tlv = id(prepared);
        Response advised = as(staff(ib, "ib", school)).header("If-Match", prepared.header("ETag"))
                .body(Fixtures.advice("Dr. B. Kuiper", "PSYCHOLOOG")).post("/tlv-requests/{id}/advices", tlv);
        advised.then().statusCode(200);
        Response submitted = TeamAccessCalls.submitTlv(staff(director, "director", school), tlv, advised.header("ETag"));
        submitted.then().statusCode(200);
        String consultantToken = TeamAccessCalls.consultant(consultant, pupil.school().swv());
        as(consultantToken).get("/swvs/{swv}/tlv-requests", pupil.school().swv()).then().statusCode(200)
                .body("size()", equalTo(1));
        as(consultantToken).get("/tlv-requests/{id}", tlv).then().statusCode(200);
        Response decided = TeamAccessCalls.decideTlv(consultantToken, tlv, submitted.header("ETag"),
                TeamAccessCalls.grant("SO_LOW"));
        decided.then().statusCode(200);
        as(pupil.parent()).get("/pupils/{id}/tlv-requests", pupil.id()).then().statusCode(200);
        TeamAccessCalls.object(pupil.parent(), tlv, decided.header("ETag")).then().statusCode(200);

        assertThat(audit(pupil.id())).extracting(AuditRow::actor, AuditRow::actorRole, AuditRow::action,
                AuditRow::reason).containsExactly(
                        tuple(ib, "ib", "team.tlv.prepare", "SO"),
                        tuple(ib, "ib", "team.tlv.advice", "PSYCHOLOOG"),
                        tuple(director, "director", "team.tlv.submit", null),
                        tuple(consultant, "swv-consultant", "team.tlv.list", null),
                        tuple(consultant, "swv-consultant", "team.tlv.read", null),
                        tuple(consultant, "swv-consultant", "team.tlv.decide", "GRANTED SO_LOW"),
                        tuple(pupil.parentAccount(), "parent", "team.tlv.read", null),
                        tuple(pupil.parentAccount(), "parent", "team.tlv.objection", null));
    }

    @Test
    void aTlvDecidedByTheBoardItsSwvConfiguredIsAuditedUnderThatRole() {
        Pupil pupil = Fixtures.pupil(TeamAccessCalls.school("SWV-BOARD-DECIDES"));
        UUID tlv = TeamAccessCalls.submittedTlv(pupil, "SBO");
        String board = subject("board");
        String token = TestTokens.subject(board).roles("board").swv("SWV-BOARD-DECIDES").sign();
        TeamAccessCalls.decideTlv(token, tlv, "*", Map.of("outcome", "REFUSED", "reason", "Past binnen de basisschool"))
                .then().statusCode(200).body("status", equalTo("REFUSED"));
        assertThat(audit(pupil.id(), board)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("board", "team.tlv.decide", "REFUSED"));
    }

    // ---- the school's lists and the signal job ----------------------------------------------------

    @Test
    void theSchoolsListsAuditEachPupilListedAndTheSignalJobAuditsAsTheSystem() {
        School school = Fixtures.school();
        Pupil late = Fixtures.pupil(school);
        Pupil onTime = Fixtures.pupil(school);
        UUID meeting = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today().minusWeeks(3),
                Fixtures.insideTeam());
        UUID lateCase = Fixtures.caseOf(meeting, late, true);
        UUID onTimeCase = Fixtures.caseOf(meeting, onTime, true);
        UUID overdue = UUID.fromString(TeamAccessCalls.discussed(school.staff("ib"), lateCase, "NAMED",
                List.of("OBSERVE"), List.of(Fixtures.actionItem("TEACHER", TestClock.today().minusWeeks(1))))
                .path("actionItems[0].id"));
        TeamAccessCalls.discussed(school.staff("ib"), onTimeCase, "NAMED", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("TEACHER", TestClock.today().plusWeeks(1))));

        String teacher = subject("teacher");
        String director = subject("director");
        as(staff(teacher, "teacher", school.code())).get("/schools/{code}/action-items/overdue", school.code()).then()
                .statusCode(200).body("id", org.hamcrest.Matchers.contains(overdue.toString()));
        as(staff(director, "director", school.code())).get("/schools/{code}/team-signals", school.code()).then()
                .statusCode(200).body("kind", org.hamcrest.Matchers.contains("ACTION_ITEM_OVERDUE"));
        assertThat(auditByActor(teacher)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple(late.id(), "teacher", "team.action-item.overdue"));
        assertThat(auditByActor(director)).extracting(AuditRow::pupilId, AuditRow::actorRole, AuditRow::action)
                .containsExactly(tuple(late.id(), "director", "team.signal.list"));

        signals.publish();
        assertThat(audit(late.id(), JOB)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("system", "team.signal.raise", "ACTION_ITEM_OVERDUE"));
        signals.publish();
        assertThat(audit(late.id(), JOB)).hasSize(1);
        assertThat(audit(onTime.id(), JOB)).isEmpty();

        TeamAccessCalls.markDone(school.staff("teacher"), overdue, "\"0\"", TestClock.today()).then().statusCode(200);
        signals.publish();
        assertThat(audit(late.id(), JOB)).extracting(AuditRow::actorRole, AuditRow::action, AuditRow::reason)
                .containsExactly(tuple("system", "team.signal.raise", "ACTION_ITEM_OVERDUE"),
                        tuple("system", "team.signal.resolve", "ACTION_ITEM_OVERDUE"));
    }

    // ---- refused and failed requests leave no row ----------------------------------------------

    @Test
    void aRefusedRequestWritesNoAuditRowForTheRefusedCaller() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil classmate = Fixtures.pupil(school);
        UUID sst = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        UUID sstCase = Fixtures.caseOf(sst, pupil, true);
        UUID bot = Fixtures.meeting(school, "BOT", TestClock.today(), Fixtures.botTeam());
        UUID anonymous = Fixtures.caseOf(bot, classmate, false);
        UUID item = UUID.fromString(TeamAccessCalls.discussed(school.staff("ib"), sstCase, "NAMED",
                List.of("OBSERVE"), List.of(Fixtures.actionItem("IB", TestClock.today().plusWeeks(1))))
                .path("actionItems[0].id"));
        UUID arrangement = TeamAccessCalls.arrangement(pupil, sstCase);
        UUID tlv = TeamAccessCalls.submittedTlv(pupil, "SO");
        School otherSchool = Fixtures.school();
        int before = audit(pupil.id()).size();
        int classmateBefore = audit(classmate.id()).size();
        List<String> actors = new ArrayList<>();

        for (String role : List.of("teacher", "ib", "director")) {
            String token = staff(refused(actors, role), role, otherSchool.code());
            assertProblem(as(token).get("/meetings/{id}", sst), 404, "not-found");
            assertProblem(as(token).get("/cases/{id}", sstCase), 404, "not-found");
            assertProblem(as(token).get("/pupils/{id}/cases", pupil.id()), 404, "not-found");
            assertProblem(TeamAccessCalls.markDone(token, item, "*", TestClock.today()), 404, "not-found");
            assertProblem(Fixtures.addCase(token, sst, pupil.id(), true), 404, "not-found");
            assertProblem(as(token).get("/arrangements/{id}", arrangement), 404, "not-found");
            assertProblem(as(token).get("/pupils/{id}/arrangements", pupil.id()), 404, "not-found");
        }
        String otherDirector = staff(refused(actors, "director"), "director", otherSchool.code());
        assertProblem(as(otherDirector).get("/tlv-requests/{id}", tlv), 404, "not-found");
        assertProblem(as(otherDirector).get("/pupils/{id}/tlv-requests", pupil.id()), 404, "not-found");
        assertProblem(TeamAccessCalls.endArrangement(otherDirector, arrangement, "*", TestClock.today()), 404,
                "not-found");
        assertProblem(as(otherDirector).get("/schools/{code}/team-signals", school.code()), 404, "not-found");

        // the classmate's parent, a consultant of another SWV, the consultant on the school's own team
        String parentOfClassmate = classmate.parentAccount();
        actors.add(parentOfClassmate);
        assertProblem(as(classmate.parent()).get("/cases/{id}", sstCase), 404, "not-found");
        assertProblem(as(classmate.parent()).get("/pupils/{id}/arrangements", pupil.id()), 404, "not-found");
        assertProblem(TeamAccessCalls.object(classmate.parent(), tlv, "*"), 404, "not-found");
        String elsewhere = TeamAccessCalls.consultant(refused(actors, "swv-consultant"), otherSchool.swv());
        assertProblem(as(elsewhere).get("/cases/{id}", anonymous), 404, "not-found");
        assertProblem(as(elsewhere).get("/tlv-requests/{id}", tlv), 404, "not-found");
        assertProblem(TeamAccessCalls.decideTlv(elsewhere, tlv, "*", TeamAccessCalls.grant("SO_LOW")), 404,
                "not-found");
        String consultant = TeamAccessCalls.consultant(refused(actors, "swv-consultant"), school.swv());
        assertProblem(as(consultant).get("/cases/{id}", sstCase), 404, "not-found");
        assertProblem(as(consultant).get("/pupils/{id}/cases", classmate.id()), 404, "not-found");

        // roles the endpoint is not for
        String teacher = staff(refused(actors, "teacher"), "teacher", school.code());
        assertProblem(as(teacher).get("/schools/{code}/team-signals", school.code()), 403, "forbidden");
        assertProblem(as(teacher).get("/tlv-requests/{id}", tlv), 403, "forbidden");
        assertProblem(TeamAccessCalls.startArrangement(teacher, pupil, null), 403, "forbidden");
        String ib = staff(refused(actors, "ib"), "ib", school.code());
        assertProblem(TeamAccessCalls.decideTlv(ib, tlv, "*", TeamAccessCalls.grant("SO_LOW")), 403, "forbidden");
        assertProblem(TeamAccessCalls.submitTlv(ib, tlv, "*"), 403, "forbidden");
        assertProblem(as(pupil.parent()).get("/meetings/{id}", sst), 403, "forbidden");
        assertProblem(TeamAccessCalls.markDone(pupil.parent(), item, "*", TestClock.today()), 403, "forbidden");
        for (String role : List.of("care-professional", "swv-analyst", "board", "sis-client")) {
            String token = TeamAccessCalls.withEveryClaimOf(refused(actors, role), role, school);
            assertProblem(as(token).get("/cases/{id}", sstCase), 403, "forbidden");
            assertProblem(as(token).get("/pupils/{id}/arrangements", pupil.id()), 403, "forbidden");
        }

        for (String actor : actors) {
            assertThat(auditByActor(actor)).as(actor).isEmpty();
        }
        assertThat(audit(pupil.id(), pupil.parentAccount())).isEmpty();
        assertThat(audit(pupil.id())).hasSize(before);
        assertThat(audit(classmate.id())).hasSize(classmateBefore);
    }

    private static String refused(List<String> actors, String role) {
        String actor = subject(role);
        actors.add(actor);
        return actor;
    }

    @Test
    void aWriteThatFailsAfterTheAuthorizationWritesNoAuditRow() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil other = Fixtures.pupil(school);
        String setup = school.staff("ib");
        UUID held = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        UUID heldCase = Fixtures.caseOf(held, pupil, true);
        UUID item = UUID.fromString(TeamAccessCalls.discussed(setup, heldCase, "NAMED", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", TestClock.today().plusWeeks(1)))).path("actionItems[0].id"));
        TeamAccessCalls.markDone(setup, item, "\"0\"", TestClock.today()).then().statusCode(200);
        UUID coming = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today().plusDays(5), Fixtures.insideTeam());
        UUID comingCase = Fixtures.caseOf(coming, pupil, true);
        UUID bot = Fixtures.meeting(school, "BOT", TestClock.today(), Fixtures.botTeam());
        UUID waiting = Fixtures.caseOf(bot, other, true);
        Response started = TeamAccessCalls.startArrangement(setup, pupil, null);
        UUID arrangement = id(started);
        TeamAccessCalls.endArrangement(setup, arrangement, started.header("ETag"), TestClock.today()).then()
                .statusCode(200);
        UUID submitted = TeamAccessCalls.submittedTlv(pupil, "SBO");
        UUID draft = UUID.fromString(Fixtures.prepareTlv(other, "SO", List.of(Fixtures.advice("Drs. A. de Vries",
                "ORTHOPEDAGOOG"))).then().statusCode(201).extract().path("id"));
        String consultant = school.swvConsultant();
        TeamAccessCalls.decideTlv(consultant, submitted, "*", TeamAccessCalls.grant("SBO")).then().statusCode(200);
        TeamAccessCalls.object(school.staff("director"), submitted, "*").then().statusCode(200);

        String ib = subject("ib");
        String token = staff(ib, "ib", school.code());
        Map<String, Object> outcome = Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of());
        assertProblem(as(token).body(outcome).put("/cases/{id}/outcome", comingCase), 428, "if-match-required");
        assertProblem(as(token).header("If-Match", "\"99\"").body(outcome).put("/cases/{id}/outcome", comingCase), 412,
                "stale-version");
        assertProblem(as(token).header("If-Match", "*").body(outcome).put("/cases/{id}/outcome", comingCase), 409,
                "meeting-not-yet-held");
        assertProblem(as(token).header("If-Match", "*").body(outcome).put("/cases/{id}/outcome", heldCase), 409,
                "outcome-recorded");
        assertProblem(as(token).header("If-Match", "*").body(outcome).put("/cases/{id}/outcome", waiting), 409,
                "consent-required");
        assertProblem(as(token).header("If-Match", "*").body(Fixtures.outcome("ANONYMOUS", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", TestClock.today().minusDays(1))))).put("/cases/{id}/outcome", waiting),
                422, "due-before-meeting");
        assertProblem(Fixtures.addCase(token, held, pupil.id(), false), 409, "already-on-agenda");
        assertProblem(TeamAccessCalls.markDone(token, item, "*", TestClock.today()), 409, "already-done");
        assertProblem(TeamAccessCalls.endArrangement(token, arrangement, "*", TestClock.today()), 409,
                "arrangement-ended");
        assertProblem(TeamAccessCalls.startArrangement(token, pupil, UUID.randomUUID()), 422,
                "not-a-case-of-the-pupil");
        assertProblem(TeamAccessCalls.prepareTlv(token, other, "SO"), 409, "tlv-open");
        assertProblem(as(token).header("If-Match", "*").body(Fixtures.advice("Drs. A. de Vries", "ORTHOPEDAGOOG"))
                .post("/tlv-requests/{id}/advices", draft), 422, "same-expert");
        assertProblem(as(token).header("If-Match", "*").body(Fixtures.advice("Dr. C. Jansen", "PSYCHOLOOG"))
                .post("/tlv-requests/{id}/advices", submitted), 409, "tlv-submitted");
        assertThat(auditByActor(ib)).isEmpty();

        String director = subject("director");
        String directorToken = staff(director, "director", school.code());
        assertProblem(TeamAccessCalls.submitTlv(directorToken, draft, "*"), 422, "too-few-advices");
        assertProblem(TeamAccessCalls.object(directorToken, submitted, "*"), 409, "objection-lodged");
        assertThat(auditByActor(director)).isEmpty();

        String swv = subject("swv-consultant");
        String swvToken = TeamAccessCalls.consultant(swv, school.swv());
        assertProblem(TeamAccessCalls.decideTlv(swvToken, submitted, "*", TeamAccessCalls.grant("SBO")), 409,
                "tlv-decided");
        assertThat(auditByActor(swv)).isEmpty();
    }
}
