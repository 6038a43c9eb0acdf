package nl.passend.team.api;

import static nl.passend.team.TeamAccessCalls.as;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.SubjectRef;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.team.TeamAccessCalls;
import nl.passend.team.service.TeamSignals;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Erasure after the retention period (PUPIL_ERASED on passend.pupil): everything this service holds
 * about the pupil goes in the consumer's transaction (cases, their action items and consent decisions,
 * arrangements, TLV requests, raised signals, audit rows); the meetings stay, with the other pupils'
 * cases, and no other pupil loses anything.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    TeamSignals signals;

    /** One pupil's things: its cases (support team, BOT), its arrangement and its TLV request. */
    record Held(Pupil pupil, UUID sstCase, UUID botCase, UUID arrangement, UUID tlv) {
        List<UUID> cases() {
            return List.of(sstCase, botCase);
        }
    }

    /**
     * Two pupils of one school, each discussed by name in the school's support team (an action item
     * now overdue) and in a BOT (with the parents' consent to discuss and to assess, each a consent
     * decision), each with an arrangement that came from the first case, a TLV request decided by the
     * SWV, a raised signal, and audit rows of the school, the SWV and the parents.
     */
    record Scenario(School school, UUID sst, UUID bot, Held erased, Held kept) {
    }

    private Scenario scenario() {
        School school = Fixtures.school();
        String ib = school.staff("ib");
        UUID sst = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today().minusWeeks(3), Fixtures.insideTeam());
        UUID bot = Fixtures.meeting(school, "BOT", TestClock.today().minusWeeks(2), Fixtures.botTeam());
        Held[] held = new Held[2];
        for (int i = 0; i < 2; i++) {
            Pupil pupil = Fixtures.pupil(school);
            UUID sstCase = Fixtures.caseOf(sst, pupil, true);
            TeamAccessCalls.discussed(ib, sstCase, "NAMED", List.of("OBSERVE"),
                    List.of(Fixtures.actionItem("TEACHER", TestClock.today().minusWeeks(1))));
            UUID botCase = TeamAccessCalls.namedBotCase(bot, pupil);
            TeamAccessCalls.discussed(ib, botCase, "NAMED", List.of("ASSESS"),
                    List.of(Fixtures.actionItem("IB", TestClock.today().plusWeeks(2))));
            UUID assessment = UUID.fromString(TestDb.string(
                    "select assessment_request_id::text from team_case where id = ?", botCase));
            Fixtures.decide(pupil, botCase, assessment, ConsentPurpose.ASSESSMENT, ConsentOutcome.GRANTED);
            TestDb.awaitCount("select count(*) from case_consent_decision where case_id = ?", 2, botCase);
            UUID arrangement = TeamAccessCalls.arrangement(pupil, sstCase);
            UUID tlv = TeamAccessCalls.submittedTlv(pupil, "SO");
            TeamAccessCalls.decideTlv(school.swvConsultant(), tlv, "*", TeamAccessCalls.grant("SO_HIGH")).then()
                    .statusCode(200);
            as(pupil.parent()).get("/pupils/{id}/cases", pupil.id()).then().statusCode(200);
            held[i] = new Held(pupil, sstCase, botCase, arrangement, tlv);
        }
        signals.publish();
        for (Held h : held) {
            assertThat(TestDb.count("select count(*) from team_signal where pupil_id = ?", h.pupil().id())).isEqualTo(1);
        }
        return new Scenario(school, sst, bot, held[0], held[1]);
    }

    /** What the service holds about one pupil, per table. */
    private static Map<String, Long> rowsOf(Held h) {
        UUID pupilId = h.pupil().id();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("team_case", TestDb.count("select count(*) from team_case where pupil_id = ?", pupilId));
        rows.put("action_item", TestDb.count("select count(*) from action_item where pupil_id = ?", pupilId));
        long decisions = 0;
        for (UUID caseId : h.cases()) {
            decisions += TestDb.count("select count(*) from case_consent_decision where case_id = ?", caseId);
        }
        rows.put("case_consent_decision", decisions);
        rows.put("arrangement", TestDb.count("select count(*) from arrangement where pupil_id = ?", pupilId));
        rows.put("tlv_request", TestDb.count("select count(*) from tlv_request where pupil_id = ?", pupilId));
        rows.put("team_signal", TestDb.count("select count(*) from team_signal where pupil_id = ?", pupilId));
        rows.put("audit_log", TestDb.count("select count(*) from audit_log where pupil_id = ?", pupilId));
        return rows;
    }

    private static long meetings(Scenario s) {
        return TestDb.count("select count(*) from meeting where id in (?, ?)", s.sst(), s.bot());
    }

    @Test
    void erasureDeletesEverythingHeldAboutThePupilAndNothingOfOthers() {
        Scenario s = scenario();
        Map<String, Long> keptBefore = rowsOf(s.kept());
        assertThat(rowsOf(s.erased())).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(keptBefore).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

        TeamAccessCalls.erase(s.erased().pupil());

        assertThat(rowsOf(s.erased())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rowsOf(s.kept())).isEqualTo(keptBefore);
        assertThat(meetings(s)).isEqualTo(2);

        // through the API: the erased pupil and its things are unknown, the meetings hold the other's cases
        String ib = s.school().staff("ib");
        UUID erased = s.erased().pupil().id();
        for (String path : List.of("/pupils/%s/cases", "/pupils/%s/arrangements", "/pupils/%s/tlv-requests")) {
            assertProblem(as(ib).get(path.formatted(erased)), 404, "not-found");
        }
        for (UUID caseId : s.erased().cases()) {
            assertProblem(as(ib).get("/cases/{id}", caseId), 404, "not-found");
        }
        assertProblem(as(ib).get("/arrangements/{id}", s.erased().arrangement()), 404, "not-found");
        assertProblem(as(ib).get("/tlv-requests/{id}", s.erased().tlv()), 404, "not-found");
        as(ib).get("/meetings/{id}", s.sst()).then().statusCode(200)
                .body("cases.id", contains(s.kept().sstCase().toString()));
        as(ib).get("/meetings/{id}", s.bot()).then().statusCode(200)
                .body("cases.id", contains(s.kept().botCase().toString()));
        as(ib).get("/pupils/{id}/cases", s.kept().pupil().id()).then().statusCode(200)
                .body("id", containsInAnyOrder(s.kept().sstCase().toString(), s.kept().botCase().toString()));
        as(ib).get("/arrangements/{id}", s.kept().arrangement()).then().statusCode(200)
                .body("caseId", equalTo(s.kept().sstCase().toString()));
        as(ib).get("/schools/{code}/team-signals", s.school().code()).then().statusCode(200)
                .body("pupilId", contains(s.kept().pupil().id().toString()));
        as(ib).get("/schools/{code}/action-items/overdue", s.school().code()).then().statusCode(200)
                .body("size()", equalTo(1));
        as(s.school().swvConsultant()).get("/swvs/{swv}/tlv-requests", s.school().swv()).then().statusCode(200)
                .body("id", contains(s.kept().tlv().toString()));

        // the meeting goes on without the pupil: held with the other's case only
        as(ib).header("If-Match", TeamAccessCalls.meetingEtag(ib, s.sst())).post("/meetings/{id}/held", s.sst())
                .then().statusCode(200).body("held", equalTo(true))
                .body("cases.id", contains(s.kept().sstCase().toString()));
    }

    @Test
    void anErasureDeliveredAgainOrRepeatedChangesNothingMore() {
        Scenario s = scenario();
        String sent = TeamAccessCalls.erase(s.erased().pupil());
        Map<String, Long> keptAfter = rowsOf(s.kept());

        TestEvents.sendRaw(Topics.PUPIL, s.erased().pupil().id().toString(), sent);
        String again = TeamAccessCalls.erase(s.erased().pupil());
        TestDb.awaitCount("select count(*) from inbox_event where event_id = ?", 1, EventJson.read(again).id());

        assertThat(rowsOf(s.erased())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rowsOf(s.kept())).isEqualTo(keptAfter);
        assertThat(meetings(s)).isEqualTo(2);
    }

    @Test
    void theSignalJobAfterAnErasureNeitherRaisesNorResolvesAnythingOfThePupil() {
        Scenario s = scenario();
        TeamAccessCalls.erase(s.erased().pupil());
        signals.publish();
        assertThat(rowsOf(s.erased())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(TestDb.count("select count(*) from team_signal where pupil_id = ?", s.kept().pupil().id()))
                .isEqualTo(1);
        assertThat(TestDb.count("select count(*) from outbox_event where event_type = ? and event_key = ?",
                EventType.TEAM_SIGNAL_RESOLVED.type(), s.erased().pupil().id().toString())).isZero();
    }

    @Test
    void aConsentDecisionArrivingAfterTheErasureRecordsNothing() {
        Scenario s = scenario();
        Pupil pupil = s.erased().pupil();
        TeamAccessCalls.erase(pupil);

        String sent = TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentDecided(UUID.randomUUID(), ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, pupil.id(),
                        pupil.schoolCode(), new SubjectRef(ConsentSubjectType.MEETING_CASE, s.erased().botCase(), 1),
                        ConsentOutcome.WITHDRAWN, TestClock.today()));
        TestDb.awaitCount("select count(*) from inbox_event where event_id = ?", 1, EventJson.read(sent).id());

        assertThat(rowsOf(s.erased())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(TestDb.count("select count(*) from case_consent_decision where case_id = ?", s.kept().botCase()))
                .isEqualTo(2);
    }
}
