package nl.passend.opp;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

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
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.ProfessionalLinkChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.events.support.ExtraSupportStarted;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestDb;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;
import nl.passend.testing.TopicProbe;

/**
 * Test data as the other services send it (schools, pupils, guardians and links on passend.pupil;
 * consent decisions on passend.consent), plans through the API, and tokens per role.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public record School(String code, SchoolType type, String boardCode, String swvCode) {
    }

    /** A pupil opp-service knows, with its school and one guardian with parental authority. */
    public record Pupil(UUID id, School school, UUID guardianId, String parentAccount) {
        public String schoolCode() {
            return school.code();
        }

        public String parent() {
            return Fixtures.parent(parentAccount);
        }

        public String staff(String role) {
            return Fixtures.staff(role, school.code());
        }
    }

    /** A new school of the type, registered through passend.pupil; returns when the directory has it. */
    public static School school(SchoolType type) {
        School school = unregisteredSchool(type);
        register(school);
        return school;
    }

    /** A school passend.pupil has not told opp-service about (yet): pupils may enrol at it before it is registered. */
    public static School unregisteredSchool(SchoolType type) {
        String code = TestTokens.newSchoolCode();
        return new School(code, type, "B" + code, "SWV" + code);
    }

    /** Registers the school through passend.pupil; returns when the directory has it with its type. */
    public static void register(School school) {
        TestEvents.send(EventType.SCHOOL_REGISTERED, school.code(), school.code(),
                new SchoolChanged(school.code(), school.type(), school.boardCode(), school.swvCode(), TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_school where code = ? and school_type = ?", 1, school.code(),
                school.type().name());
    }

    public static Pupil pupil() {
        return pupil(school(SchoolType.BAO), TestClock.today().minusMonths(6));
    }

    /** A pupil enrolled at the school on {@code enrolledOn}, with one guardian (parental authority, linked login). */
    public static Pupil pupil(School school, LocalDate enrolledOn) {
        UUID pupilId = UUID.randomUUID();
        UUID guardianId = UUID.randomUUID();
        String account = "parent-" + UUID.randomUUID();
        TestEvents.send(EventType.PUPIL_ENROLLED, pupilId.toString(), school.code(),
                new PupilEnrolled(pupilId, UUID.randomUUID(), school.code(), 5, enrolledOn));
        TestEvents.send(EventType.GUARDIAN_ADDED, pupilId.toString(), school.code(),
                new GuardianChanged(pupilId, guardianId, account, true, school.code(), TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_guardian where pupil_id = ?", 1, pupilId);
        return new Pupil(pupilId, school, guardianId, account);
    }

    /** Links a care professional's login to the pupil; returns their token. */
    public static String linkedProfessional(Pupil pupil) {
        UUID linkId = UUID.randomUUID();
        String account = "care-" + UUID.randomUUID();
        TestEvents.send(EventType.PROFESSIONAL_LINKED, pupil.id().toString(), pupil.schoolCode(),
                new ProfessionalLinkChanged(pupil.id(), linkId, account, null, pupil.schoolCode(), TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_professional where link_id = ?", 1, linkId);
        return TestTokens.subject(account).roles("care-professional").sign();
    }

    public static String staff(String role, String schoolCode) {
        return TestTokens.token(role + "-" + UUID.randomUUID(), role, schoolCode);
    }

    public static String parent(String account) {
        return TestTokens.subject(account).roles("parent").sign();
    }

    public static String swvConsultant(String swvCode) {
        return TestTokens.subject("swv-" + UUID.randomUUID()).roles("swv-consultant").swv(swvCode).sign();
    }

    // ---- plan content --------------------------------------------------------------------

    /** A complete, valid plan body: perspective with OOGO, action part, a maths and a social-emotional goal. */
    public static Map<String, Object> planInput(String destination) {
        Map<String, Object> perspective = new HashMap<>(Map.of(
                "expectedDestination", destination,
                "rationale", "Rekent op niveau eind groep 4; leest vlot.",
                "supportingFactors", List.of("gemotiveerd", "steun thuis"),
                "hinderingFactors", List.of("werkgeheugen"),
                "agreementDialogue", Map.of("date", TestClock.today().minusDays(3).toString(),
                        "summary", "Perspectief besproken met ouders; zij herkennen het beeld.")));
        Map<String, Object> actionPart = new HashMap<>(Map.of(
                "support", "Dagelijks verlengde instructie rekenen in de kleine groep.",
                "deviations", "Eigen leerlijn rekenen vanaf groep 5.",
                "tasks", List.of(Map.of("who", "leerkracht", "what", "verlengde instructie", "why", "automatiseren",
                        "how", "met concreet materiaal", "when", "dagelijks 20 minuten")),
                "scenarios", List.of(Map.of("description", "Bij onvoldoende groei extra ondersteuning via het BOT",
                        "timePath", "na 12 weken", "effectVisibleBy", TestClock.today().plusWeeks(12).toString())),
                "arrangement", Map.of("instructionNeeds", "korte instructie, visueel ondersteund",
                        "learningEnvironment", "rustige werkplek", "materials", "MAB-materiaal")));
        List<Map<String, Object>> goals = new ArrayList<>();
        goals.add(goal("INTERIM", "MATHS", "1F"));
        goals.add(goal("FINAL", "SOCIAL_EMOTIONAL", null));
        Map<String, Object> plan = new HashMap<>();
        plan.put("perspective", perspective);
        plan.put("actionPart", actionPart);
        plan.put("goals", goals);
        return plan;
    }

    public static Map<String, Object> planInput() {
        return planInput("VMBO_KB");
    }

    public static Map<String, Object> goal(String kind, String domain, String referenceLevel) {
        Map<String, Object> goal = new HashMap<>(Map.of("kind", kind, "domain", domain,
                "description", "Beheerst de tafels tot 10", "measure", "Toets tafels, 90% goed",
                "targetDate", TestClock.today().plusMonths(6).toString()));
        if (referenceLevel != null) {
            goal.put("referenceLevel", referenceLevel);
        }
        return goal;
    }

    // ---- plans through the API ------------------------------------------------------------

    /** A plan as the API answered it: id, ETag and the raw response. */
    public record Plan(UUID id, String etag, Response response) {
    }

    public static Plan createPlan(Pupil pupil) {
        Response r = given().auth().oauth2(pupil.staff("ib")).contentType(ContentType.JSON).body(planInput())
                .post("/pupils/{id}/opps", pupil.id());
        r.then().statusCode(201);
        return new Plan(UUID.fromString(r.path("id")), r.header("ETag"), r);
    }

    public static Response get(String token, UUID planId) {
        return given().auth().oauth2(token).get("/opps/{id}", planId);
    }

    public static String etag(Pupil pupil, UUID planId) {
        return get(pupil.staff("ib"), planId).then().statusCode(200).extract().header("ETag");
    }

    /** POSTs an action (consent-request, establishment, …) on version {@code n} with the plan's current ETag. */
    public static Response act(String token, Pupil pupil, UUID planId, int n, String action) {
        return given().auth().oauth2(token).header("If-Match", etag(pupil, planId)).contentType(ContentType.JSON)
                .post("/opps/{id}/versions/{n}/" + action, planId, n);
    }

    /** Asks consent for version {@code n}; returns the requestId the version now waits for. */
    public static UUID requestConsent(Pupil pupil, UUID planId, int n) {
        act(pupil.staff("ib"), pupil, planId, n, "consent-request").then().statusCode(200);
        String requestId = get(pupil.staff("ib"), planId).then().extract().path("current.consent.requestId");
        return UUID.fromString(requestId);
    }

    /** consent-service's decision about (OPP, plan, version) on passend.consent; returns the envelope as sent. */
    public static String decide(Pupil pupil, UUID planId, int version, UUID requestId, ConsentOutcome outcome) {
        return TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentDecided(requestId, ConsentPurpose.OPP_ACTION_PART, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.OPP, planId, version), outcome, TestClock.today()));
    }

    /** consent-service's decision on sharing the pupil's file with the SWV. */
    public static void shareWithSwv(Pupil pupil, UUID requestId, ConsentOutcome outcome) {
        TestEvents.send(EventType.CONSENT_DECIDED, pupil.id().toString(), pupil.schoolCode(),
                new ConsentDecided(requestId, ConsentPurpose.SHARE_WITH_SWV, pupil.id(), pupil.schoolCode(),
                        new SubjectRef(ConsentSubjectType.PUPIL, pupil.id(), 1), outcome, TestClock.today()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDb.count(
                "select count(*) from pupil_share_consent where request_id = ? and outcome = ?", requestId,
                outcome.name()) == 1);
    }

    /** Waits until opp-service recorded {@code count} decisions about the plan. */
    public static void awaitDecisions(UUID planId, long count) {
        TestDb.awaitCount("select count(*) from opp_consent_decision where plan_id = ?", count, planId);
    }

    /** A plan drawn up, consented (GRANTED learned from passend.consent) and established by the director. */
    public static UUID establishedPlan(Pupil pupil) {
        UUID planId = createPlan(pupil).id();
        establish(pupil, planId, 1);
        return planId;
    }

    /** Takes the current version {@code n} from DRAFT to ESTABLISHED: consent asked and granted, the director establishes. */
    public static void establish(Pupil pupil, UUID planId, int n) {
        UUID requestId = requestConsent(pupil, planId, n);
        decide(pupil, planId, n, requestId, ConsentOutcome.GRANTED);
        awaitStatus(pupil, planId, "CONSENTED");
        act(pupil.staff("director"), pupil, planId, n, "establishment").then().statusCode(200);
    }

    public static void awaitStatus(Pupil pupil, UUID planId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(get(pupil.staff("ib"), planId).path("status")));
    }

    /** Events on passend.opp about one plan, of one type. */
    public static List<EventEnvelope> oppEvents(UUID planId, EventType type, int count) {
        return TopicProbe.events(Topics.OPP, e -> e.type().equals(type.type())
                && planId.toString().equals(planIdOf(e)), count, Duration.ofSeconds(30));
    }

    /** Records an evaluation of version {@code n} on {@code on}: every goal ON_TRACK, with the pupil's and parents' views. */
    public static Response evaluate(Pupil pupil, UUID planId, int n, LocalDate on) {
        List<String> goalIds = given().auth().oauth2(pupil.staff("ib")).get("/opps/{id}/versions/{n}", planId, n)
                .then().statusCode(200).extract().path("content.goals.id");
        List<Map<String, Object>> progress = goalIds.stream()
                .map(id -> Map.<String, Object>of("goalId", id, "progress", "ON_TRACK")).toList();
        return given().auth().oauth2(pupil.staff("ib")).header("If-Match", etag(pupil, planId))
                .contentType(ContentType.JSON)
                .body(Map.of("evaluatedOn", on.toString(), "goalProgress", progress, "changes", "Doelen blijven staan",
                        "pupilView", "Het gaat beter met rekenen.", "parentView", "Wij zien vooruitgang."))
                .post("/opps/{id}/versions/{n}/evaluations", planId, n);
    }

    // ---- the OPP clock ----------------------------------------------------------------------

    /** support-service: the pupil moved to level 4 on {@code start}; returns the envelope as sent. */
    public static String extraSupportStarted(Pupil pupil, UUID changeId, LocalDate start) {
        return TestEvents.send(EventType.EXTRA_SUPPORT_STARTED, pupil.id().toString(), pupil.schoolCode(),
                new ExtraSupportStarted(pupil.id(), pupil.schoolCode(), changeId, start));
    }

    /** team-service: an arrangement for the pupil started on {@code start}; returns the envelope as sent. */
    public static String arrangementStarted(Pupil pupil, UUID arrangementId, LocalDate start) {
        return TestEvents.send(EventType.ARRANGEMENT_STARTED, pupil.id().toString(), pupil.schoolCode(),
                new ArrangementChanged(arrangementId, pupil.id(), pupil.schoolCode(), ArrangementKind.INDIVIDUAL_SUPPORT,
                        FundingSource.SWV, start, null, start));
    }

    /** Records the start of extra support by hand, as {@code token}. */
    public static Response startClock(String token, UUID pupilId, String reason, LocalDate start) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "startDate", start.toString()))
                .post("/pupils/{id}/opp-due-dates", pupilId);
    }

    /** The pupil's OPP clocks as the IB'er sees them. */
    public static Response dueDates(Pupil pupil) {
        return given().auth().oauth2(pupil.staff("ib")).get("/pupils/{id}/opp-due-dates", pupil.id());
    }

    /** How many opp_due rows the pupil has. */
    public static long dueCount(UUID pupilId) {
        return TestDb.count("select count(*) from opp_due where pupil_id = ?", pupilId);
    }

    /** The school's overdue list, as its IB'er sees it. */
    public static Response overdue(School school) {
        return given().auth().oauth2(staff("ib", school.code())).get("/schools/{code}/opps/overdue", school.code());
    }

    /** pupil-service: the pupil left its school on {@code on}; returns when the directory has it. */
    public static void leave(Pupil pupil, LocalDate on) {
        TestEvents.send(EventType.PUPIL_LEFT, pupil.id().toString(), pupil.schoolCode(),
                new PupilLeft(pupil.id(), UUID.randomUUID(), pupil.schoolCode(), LeavingDestination.VO, null, on));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and left_on is not null", 1, pupil.id());
    }

    /** pupil-service: the pupil's data was erased after the retention period. */
    public static void erase(Pupil pupil) {
        TestEvents.send(EventType.PUPIL_ERASED, pupil.id().toString(), pupil.schoolCode(),
                new PupilErased(pupil.id(), pupil.schoolCode(), TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ?", 0, pupil.id());
    }

    /** How many events of the type about the pupil opp-service wrote to its outbox (sent or not yet). */
    public static long outboxCount(EventType type, UUID pupilId) {
        return TestDb.count("select count(*) from outbox_event where event_type = ? and event_key = ?", type.type(),
                pupilId.toString());
    }

    /** Events on passend.opp about one pupil, of one type. */
    public static List<EventEnvelope> pupilEvents(UUID pupilId, EventType type, int count) {
        return TopicProbe.events(Topics.OPP, e -> e.type().equals(type.type())
                && pupilId.toString().equals(e.data().path("pupilId").asText()), count, Duration.ofSeconds(30));
    }

    // ---- documents -------------------------------------------------------------------------

    /** The text of every page of a PDF, with each run of white space made one space: lines wrap where they like. */
    public static String pdfText(byte[] pdf) {
        try {
            com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
            try {
                com.lowagie.text.pdf.parser.PdfTextExtractor extractor =
                        new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
                StringBuilder text = new StringBuilder();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(extractor.getTextFromPage(page)).append('\n');
                }
                return text.toString().replaceAll("\\s+", " ");
            } finally {
                reader.close();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String planIdOf(EventEnvelope e) {
        if (e.data().has("planId")) {
            return e.data().path("planId").asText();
        }
        return e.data().path("subject").path("id").asText();
    }
}
