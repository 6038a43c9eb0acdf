package nl.passend.team;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;

/**
 * Test data as pupil-service and consent-service send it (schools in an SWV, pupils, guardians,
 * consent decisions), meetings, cases and TLVs through the API, and tokens per role.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A school of BAO type in its own SWV ("SWV" + code) and board ("B" + code). */
    public record School(String code, String swv) {
        public String staff(String role) {
            return Fixtures.staff(role, code);
        }

        /** An SWV consultant of this school's SWV. */
        public String swvConsultant() {
            return TestTokens.subject("swv-" + UUID.randomUUID()).roles("swv-consultant").swv(swv).sign();
        }
    }

    /** A pupil the service knows, with its school and a parent login. */
    public record Pupil(UUID id, School school, String parentAccount) {
        public String schoolCode() {
            return school.code();
        }

        public String parent() {
            return TestTokens.subject(parentAccount).roles("parent").sign();
        }

        public String staff(String role) {
            return school.staff(role);
        }
    }

    public static School school() {
        String code = TestTokens.newSchoolCode();
        String swv = "SWV" + code;
        TestEvents.send(EventType.SCHOOL_REGISTERED, code, code,
                new SchoolChanged(code, SchoolType.BAO, "B" + code, swv, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_school where code = ?", 1, code);
        return new School(code, swv);
    }

    public static Pupil pupil() {
        return pupil(school());
    }

    /** A pupil enrolled at the school with one guardian whose login is linked; returns when the directory has it. */
    public static Pupil pupil(School school) {
        UUID pupilId = UUID.randomUUID();
        String account = "parent-" + UUID.randomUUID();
        TestEvents.send(EventType.PUPIL_ENROLLED, pupilId.toString(), school.code(),
                new PupilEnrolled(pupilId, UUID.randomUUID(), school.code(), 5, TestClock.today().minusYears(1)));
        TestEvents.send(EventType.GUARDIAN_ADDED, pupilId.toString(), school.code(),
                new GuardianChanged(pupilId, UUID.randomUUID(), account, true, school.code(), TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_guardian where pupil_id = ?", 1, pupilId);
        return new Pupil(pupilId, school, account);
    }

    public static String staff(String role, String schoolCode) {
        return TestTokens.token(role + "-" + UUID.randomUUID(), role, schoolCode);
    }

    public static Map<String, Object> attendee(String name, String function, boolean outside) {
        return Map.of("name", name, "function", function, "outsideSchool", outside);
    }

    /** The school's own support team: IB'er, teacher and director, nobody from outside. */
    public static List<Map<String, Object>> insideTeam() {
        return new ArrayList<>(List.of(attendee("Ineke de Boer", "IB", false), attendee("Tom Jansen", "TEACHER", false),
                attendee("Marloes Smit", "DIRECTOR", false)));
    }

    /** A BOT: the school's team with the SWV consultant and the school social worker from outside. */
    public static List<Map<String, Object>> botTeam() {
        List<Map<String, Object>> team = insideTeam();
        team.add(attendee("Karin Visser", "SWV_CONSULTANT", true));
        team.add(attendee("Sander Bakker", "SCHOOL_SOCIAL_WORK", true));
        return team;
    }

    public static Map<String, Object> meeting(String type, LocalDate date, List<Map<String, Object>> attendees) {
        return new HashMap<>(Map.of("type", type, "date", date.toString(), "title", "Overleg", "attendees", attendees));
    }

    public static Response planMeeting(String token, String schoolCode, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/schools/{code}/meetings", schoolCode);
    }

    /** A meeting planned by the school's IB'er; returns its id. */
    public static UUID meeting(School school, String type, LocalDate date, List<Map<String, Object>> attendees) {
        return UUID.fromString(planMeeting(school.staff("ib"), school.code(), meeting(type, date, attendees))
                .then().statusCode(201).extract().path("id"));
    }

    public static Response addCase(String token, UUID meetingId, UUID pupilId, boolean byName) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("pupilId", pupilId.toString(), "question", "Hoe kunnen we het lezen verder ondersteunen?",
                        "byName", byName))
                .post("/meetings/{id}/cases", meetingId);
    }

    /** A case put on the agenda by the school's IB'er; returns its id. */
    public static UUID caseOf(UUID meetingId, Pupil pupil, boolean byName) {
        return UUID.fromString(addCase(pupil.staff("ib"), meetingId, pupil.id(), byName).then().statusCode(201)
                .extract().path("id"));
    }

    public static String caseEtag(String token, UUID caseId) {
        return given().auth().oauth2(token).get("/cases/{id}", caseId).then().statusCode(200).extract().header("ETag");
    }

    public static Map<String, Object> outcome(String discussedAs, List<String> decisions, List<Map<String, Object>> items) {
        return new HashMap<>(Map.of("discussedAs", discussedAs, "discussion", "Lezen stagneert ondanks extra instructie",
                "advice", "Observatie in de klas en een gesprek met ouders", "decisions", decisions, "actionItems", items));
    }

    public static Map<String, Object> actionItem(String owner, LocalDate due) {
        return Map.of("description", "Observatie plannen", "ownerFunction", owner, "dueOn", due.toString());
    }

    public static Response recordOutcome(String token, UUID caseId, Map<String, Object> outcome) {
        return given().auth().oauth2(token).header("If-Match", caseEtag(token, caseId)).contentType(ContentType.JSON)
                .body(outcome).put("/cases/{id}/outcome", caseId);
    }

    /** consent-service's decision about a case, as it publishes it on passend.consent. */
    public static void decide(Pupil pupil, UUID caseId, UUID requestId, ConsentPurpose purpose, ConsentOutcome outcome) {
        TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentDecided(requestId, purpose, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.MEETING_CASE, caseId, 1), outcome, TestClock.today()));
    }

    /** The request id of the case's DISCUSS_IN_SUPPORT_TEAM consent request, from the database. */
    public static UUID consentRequestId(UUID caseId) {
        TestDb.awaitCount("select count(*) from team_case where id = ? and consent_request_id is not null", 1, caseId);
        return UUID.fromString(TestDb.string("select consent_request_id::text from team_case where id = ?", caseId));
    }

    /** Events on passend.team with the given key, of one type. */
    public static List<EventEnvelope> teamEvents(String key, EventType type, int count) {
        return TopicProbe.events(Topics.TEAM, e -> e.type().equals(type.type()) && key.equals(e.subject()), count,
                Duration.ofSeconds(30));
    }

    public static Map<String, Object> advice(String name, String discipline) {
        return Map.of("expertName", name, "discipline", discipline, "givenOn", TestClock.today().minusWeeks(2).toString(),
                "summary", "Het kind is gebaat bij een kleinere groep met meer structuur");
    }

    public static Response prepareTlv(Pupil pupil, String target, List<Map<String, Object>> advices) {
        return given().auth().oauth2(pupil.staff("ib")).contentType(ContentType.JSON)
                .body(Map.of("target", target, "motivation", "Ondersteuningsbehoefte overstijgt de basisschool",
                        "advices", advices))
                .post("/pupils/{id}/tlv-requests", pupil.id());
    }

    public static String tlvEtag(String token, UUID tlvId) {
        return given().auth().oauth2(token).get("/tlv-requests/{id}", tlvId).then().statusCode(200).extract().header("ETag");
    }

    /** A TLV request with two proper advices, submitted by the director; returns its id. */
    public static UUID submittedTlv(Pupil pupil, String target) {
        UUID id = UUID.fromString(prepareTlv(pupil, target, List.of(advice("Drs. A. de Vries", "ORTHOPEDAGOOG"),
                advice("Dr. B. Kuiper", "CHILD_PSYCHIATRIST"))).then().statusCode(201).extract().path("id"));
        String director = pupil.staff("director");
        given().auth().oauth2(director).header("If-Match", tlvEtag(director, id)).contentType(ContentType.JSON)
                .post("/tlv-requests/{id}/submit", id).then().statusCode(200);
        return id;
    }

    /**
     * What the service holds about a school (rows and their versions, outbox events, audited writes):
     * equal before and after a refused request when nothing was written.
     */
    public static Map<String, Long> rows(String schoolCode) {
        String cases = "(select id from team_case where school_code = ?)";
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        for (String table : List.of("meeting", "team_case", "action_item")) {
            rows.put(table, TestDb.count("select count(*) from " + table + " where school_code = ?", schoolCode));
            rows.put(table + ".version", TestDb.count("select coalesce(sum(version), 0) from " + table
                    + " where school_code = ?", schoolCode));
        }
        rows.put("case_consent_decision", TestDb.count("select count(*) from case_consent_decision where case_id in "
                + cases, schoolCode));
        rows.put("team_signal", TestDb.count("select count(*) from team_signal where school_code = ?", schoolCode));
        rows.put("outbox_event", TestDb.count("select count(*) from outbox_event where envelope like ?",
                "%\"schoolcode\":\"" + schoolCode + "\"%"));
        rows.put("audit_log (writes)", TestDb.count("select count(*) from audit_log where pupil_id in"
                + " (select id from directory_pupil where school_code = ?) and action not like '%.read'"
                + " and action not like '%.list' and action <> 'team.action-item.overdue'", schoolCode));
        return rows;
    }

    /** Rows of the outbox with this key, of one type. */
    public static long outbox(Object key, EventType type) {
        return TestDb.count("select count(*) from outbox_event where event_key = ? and event_type = ?", key.toString(),
                type.type());
    }

    /** The events of one type with this key on passend.team, once the outbox sent all with that key; {@code expected} is waited for. */
    public static List<EventEnvelope> sent(Object key, EventType type, int expected) {
        TestDb.awaitCount("select count(*) from outbox_event where event_key = ? and sent_at is null", 0, key.toString());
        return TopicProbe.events(Topics.TEAM, e -> e.type().equals(type.type()) && key.toString().equals(e.subject()),
                expected, Duration.ofSeconds(expected == 0 ? 3 : 30));
    }

    public static String meetingEtag(String token, UUID meetingId) {
        return given().auth().oauth2(token).get("/meetings/{id}", meetingId).then().statusCode(200).extract().header("ETag");
    }

    public static Response changeMeeting(String token, UUID meetingId, String ifMatch, Object body) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return (ifMatch == null ? spec : spec.header("If-Match", ifMatch)).put("/meetings/{id}", meetingId);
    }

    /** Marks the meeting held (a POST without body, sent as JSON like every call of this API). */
    public static Response held(String token, UUID meetingId, String ifMatch) {
        var spec = given().auth().oauth2(token).contentType(ContentType.JSON);
        return (ifMatch == null ? spec : spec.header("If-Match", ifMatch)).post("/meetings/{id}/held", meetingId);
    }

    /** The pupil discussed (anonymously, by the IB'er) in a support-team meeting planned on {@code date}; returns the case id. */
    public static UUID discussed(Pupil pupil, LocalDate date, List<String> decisions, List<Map<String, Object>> items) {
        UUID caseId = caseOf(meeting(pupil.school(), "SCHOOL_SUPPORT_TEAM", date, insideTeam()), pupil, false);
        recordOutcome(pupil.staff("ib"), caseId, outcome("ANONYMOUS", decisions, items)).then().statusCode(200);
        return caseId;
    }

    /** A school of BAO type in the given SWV (board "B" + code), e.g. one whose TLVs are decided by another role. */
    public static School school(String swvCode) {
        String code = TestTokens.newSchoolCode();
        TestEvents.send(EventType.SCHOOL_REGISTERED, code, code,
                new SchoolChanged(code, SchoolType.BAO, "B" + code, swvCode, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_school where code = ? and swv_code = ?", 1, code, swvCode);
        return new School(code, swvCode);
    }
}
