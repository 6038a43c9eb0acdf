package nl.passend.team.api;

import static nl.passend.team.TeamAccessCalls.as;
import static nl.passend.testing.ProblemAssert.assertProblem;
import static nl.passend.testing.ProblemAssert.bodyWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.passend.team.Fixtures;
import nl.passend.team.Fixtures.Pupil;
import nl.passend.team.Fixtures.School;
import nl.passend.team.TeamAccessCalls;
import nl.passend.testing.TestClock;
import nl.passend.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what with meetings, cases, action items, arrangements and TLVs (the per-object access rules,
 * privacy), per role and endpoint, reads and writes. The school's staff manage its meetings; the SWV
 * consultant reads and writes the BOTs of the schools in their SWV and decides TLVs; parents read the
 * outcome of their own child's cases once discussed; nobody else sees a case. A role an endpoint is
 * not for gets 403; anything the caller may not see is answered exactly like something that does not
 * exist (the same 404, naming nothing of the pupil); without a valid token 401.
 */
@QuarkusTest
class TeamAuthorizationTest {

    private static final Set<String> STAFF = Set.of("ib", "director", "teacher");
    private static final Set<String> MANAGERS = Set.of("ib", "director", "teacher", "swv-consultant");
    private static final Set<String> CASE_READERS = Set.of("ib", "director", "teacher", "swv-consultant", "parent");
    private static final Set<String> LEADERS = Set.of("ib", "director");
    private static final Set<String> ARRANGEMENT_READERS = Set.of("ib", "director", "teacher", "parent");
    private static final Set<String> TLV_READERS = Set.of("ib", "director", "parent", "swv-consultant", "board");
    /** The roles that decide TLVs: the SWV consultant by default, the board in the tests' SWV-BOARD-DECIDES. */
    private static final Set<String> DECIDERS = Set.of("swv-consultant", "board");

    /** The tests' SWV whose board decides its TLVs (application.properties, %test). */
    private static final String BOARD_DECIDES = "SWV-BOARD-DECIDES";

    /** What an endpoint is addressed by. */
    enum By {
        SCHOOL, SST, BOT, SST_CASE, BOT_CASE, PUPIL, SST_ITEM, BOT_ITEM, ARRANGEMENT, TLV, SWV
    }

    /**
     * A pupil and a classmate of one school. The school's support team (nobody from outside) discussed
     * the pupil by name, with an action item; a BOT discussed the pupil by name with the parents'
     * consent, with an action item, and the classmate anonymously. The pupil has an arrangement and a
     * TLV request submitted to the SWV.
     */
    record Scenario(School school, Pupil pupil, Pupil classmate, UUID sst, UUID bot, UUID sstCase, UUID botCase,
            UUID anonymousCase, UUID sstItem, UUID botItem, UUID arrangement, UUID tlv) {
        String id(By by) {
            return switch (by) {
                case SCHOOL -> school.code();
                case SST -> sst.toString();
                case BOT -> bot.toString();
                case SST_CASE -> sstCase.toString();
                case BOT_CASE -> botCase.toString();
                case PUPIL -> pupil.id().toString();
                case SST_ITEM -> sstItem.toString();
                case BOT_ITEM -> botItem.toString();
                case ARRANGEMENT -> arrangement.toString();
                case TLV -> tlv.toString();
                case SWV -> school.swv();
            };
        }

        /** Every id of the scenario: a refused answer names none but the one asked for. */
        List<String> ids() {
            return Stream.of(sst, bot, sstCase, botCase, anonymousCase, sstItem, botItem, arrangement, tlv,
                    pupil.id(), classmate.id()).map(UUID::toString).toList();
        }
    }

    /**
     * One endpoint: how it is addressed, the body it takes (null: none), whether it needs If-Match,
     * the roles it is for, and what it answers such a caller who sees the object in the scenario: a
     * write with If-Match gets a stale ETag and answers 412 once the caller is let through, changing
     * nothing; putting the pupil on an agenda it is on and preparing a second TLV answer 409.
     */
    record Endpoint(String name, String method, String path, By by, Function<Scenario, Object> body, boolean ifMatch,
            Set<String> roles, int allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("plan support-team meeting", "POST", "/schools/%s/meetings", By.SCHOOL,
                    s -> Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TestClock.today().plusWeeks(1), Fixtures.insideTeam()),
                    false, MANAGERS, 201),
            new Endpoint("plan BOT", "POST", "/schools/%s/meetings", By.SCHOOL,
                    s -> Fixtures.meeting("BOT", TestClock.today().plusWeeks(1), Fixtures.botTeam()), false, MANAGERS, 201),
            new Endpoint("list meetings", "GET", "/schools/%s/meetings", By.SCHOOL, null, false, MANAGERS, 200),
            new Endpoint("read support-team meeting", "GET", "/meetings/%s", By.SST, null, false, MANAGERS, 200),
            new Endpoint("read BOT", "GET", "/meetings/%s", By.BOT, null, false, MANAGERS, 200),
            new Endpoint("change support-team meeting", "PUT", "/meetings/%s", By.SST,
                    s -> Fixtures.meeting("SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam()), true,
                    MANAGERS, 412),
            new Endpoint("change BOT", "PUT", "/meetings/%s", By.BOT,
                    s -> Fixtures.meeting("BOT", TestClock.today(), Fixtures.botTeam()), true, MANAGERS, 412),
            new Endpoint("mark support-team meeting held", "POST", "/meetings/%s/held", By.SST, null, true, MANAGERS,
                    412),
            new Endpoint("mark BOT held", "POST", "/meetings/%s/held", By.BOT, null, true, MANAGERS, 412),
            new Endpoint("put on support-team agenda", "POST", "/meetings/%s/cases", By.SST,
                    TeamAuthorizationTest::caseInput, false, STAFF, 409),
            new Endpoint("put on BOT agenda", "POST", "/meetings/%s/cases", By.BOT,
                    TeamAuthorizationTest::caseInput, false, STAFF, 409),
            new Endpoint("read support-team case", "GET", "/cases/%s", By.SST_CASE, null, false, CASE_READERS, 200),
            new Endpoint("read BOT case", "GET", "/cases/%s", By.BOT_CASE, null, false, CASE_READERS, 200),
            new Endpoint("record support-team outcome", "PUT", "/cases/%s/outcome", By.SST_CASE,
                    s -> Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of()), true, MANAGERS, 412),
            new Endpoint("record BOT outcome", "PUT", "/cases/%s/outcome", By.BOT_CASE,
                    s -> Fixtures.outcome("NAMED", List.of("OBSERVE"), List.of()), true, MANAGERS, 412),
            new Endpoint("list pupil's cases", "GET", "/pupils/%s/cases", By.PUPIL, null, false, CASE_READERS, 200),
            new Endpoint("mark support-team action item done", "POST", "/action-items/%s/done", By.SST_ITEM,
                    s -> Map.of("doneOn", TestClock.today().toString()), true, MANAGERS, 412),
            new Endpoint("mark BOT action item done", "POST", "/action-items/%s/done", By.BOT_ITEM,
                    s -> Map.of("doneOn", TestClock.today().toString()), true, MANAGERS, 412),
            new Endpoint("list overdue action items", "GET", "/schools/%s/action-items/overdue", By.SCHOOL, null, false,
                    STAFF, 200),
            new Endpoint("list team signals", "GET", "/schools/%s/team-signals", By.SCHOOL, null, false, LEADERS, 200),
            new Endpoint("start arrangement", "POST", "/pupils/%s/arrangements", By.PUPIL,
                    s -> TeamAccessCalls.arrangementInput(null), false, LEADERS, 201),
            new Endpoint("list arrangements", "GET", "/pupils/%s/arrangements", By.PUPIL, null, false,
                    ARRANGEMENT_READERS, 200),
            new Endpoint("read arrangement", "GET", "/arrangements/%s", By.ARRANGEMENT, null, false,
                    ARRANGEMENT_READERS, 200),
            new Endpoint("end arrangement", "POST", "/arrangements/%s/end", By.ARRANGEMENT,
                    s -> Map.of("endDate", TestClock.today().toString()), true, LEADERS, 412),
            new Endpoint("prepare TLV", "POST", "/pupils/%s/tlv-requests", By.PUPIL,
                    s -> Map.of("target", "SBO", "motivation", "Ondersteuningsbehoefte overstijgt de basisschool",
                            "advices", List.of()), false, Set.of("ib"), 409),
            new Endpoint("list TLVs", "GET", "/pupils/%s/tlv-requests", By.PUPIL, null, false, TLV_READERS, 200),
            new Endpoint("read TLV", "GET", "/tlv-requests/%s", By.TLV, null, false, TLV_READERS, 200),
            new Endpoint("add advice", "POST", "/tlv-requests/%s/advices", By.TLV,
                    s -> Fixtures.advice("Dr. C. Jansen", "PSYCHOLOOG"), true, Set.of("ib"), 412),
            new Endpoint("submit TLV", "POST", "/tlv-requests/%s/submit", By.TLV, null, true, Set.of("director"), 412),
            new Endpoint("decide TLV", "POST", "/tlv-requests/%s/decision", By.TLV,
                    s -> TeamAccessCalls.grant("SO_LOW"), true, DECIDERS, 412),
            new Endpoint("object to TLV decision", "POST", "/tlv-requests/%s/objection", By.TLV,
                    s -> TeamAccessCalls.objection(), true, Set.of("parent", "director"), 412),
            new Endpoint("list SWV's TLVs", "GET", "/swvs/%s/tlv-requests", By.SWV, null, false, DECIDERS, 200));

    /** What the SWV consultant's role may call but the consultant does not see: the school's own support team. */
    private static final Set<String> SCHOOL_SUPPORT_TEAM_ONLY = Set.of("plan support-team meeting",
            "read support-team meeting", "change support-team meeting", "mark support-team meeting held",
            "read support-team case", "record support-team outcome", "mark support-team action item done");

    /** A stale ETag: a write that got past the authorization answers 412 and changes nothing. */
    private static final String STALE = "\"999\"";

    // ---- the scenario and requests -------------------------------------------------------------

    private static Scenario scenario() {
        School school = Fixtures.school();
        Pupil pupil = Fixtures.pupil(school);
        Pupil classmate = Fixtures.pupil(school);
        String ib = school.staff("ib");
        LocalDate inTwoWeeks = TestClock.today().plusWeeks(2);

        UUID sst = Fixtures.meeting(school, "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        UUID sstCase = Fixtures.caseOf(sst, pupil, true);
        UUID sstItem = UUID.fromString(TeamAccessCalls.discussed(ib, sstCase, "NAMED", List.of("OBSERVE"),
                List.of(Fixtures.actionItem("IB", inTwoWeeks))).path("actionItems[0].id"));

        UUID bot = Fixtures.meeting(school, "BOT", TestClock.today(), Fixtures.botTeam());
        UUID botCase = TeamAccessCalls.namedBotCase(bot, pupil);
        UUID anonymousCase = Fixtures.caseOf(bot, classmate, false);
        UUID botItem = UUID.fromString(TeamAccessCalls.discussed(ib, botCase, "NAMED", List.of("REQUEST_TLV"),
                List.of(Fixtures.actionItem("SWV_CONSULTANT", inTwoWeeks))).path("actionItems[0].id"));
        TeamAccessCalls.discussed(ib, anonymousCase, "ANONYMOUS", List.of("OBSERVE"), List.of());

        UUID arrangement = TeamAccessCalls.arrangement(pupil, sstCase);
        UUID tlv = TeamAccessCalls.submittedTlv(pupil, "SO");
        return new Scenario(school, pupil, classmate, sst, bot, sstCase, botCase, anonymousCase, sstItem, botItem,
                arrangement, tlv);
    }

    private static Map<String, Object> caseInput(Scenario s) {
        return Map.of("pupilId", s.pupil().id().toString(), "question", "Hoe kunnen we het lezen verder ondersteunen?",
                "byName", true);
    }

    private static Response call(String token, Endpoint endpoint, Scenario s, String id) {
        RequestSpecification request = as(token);
        if (endpoint.ifMatch()) {
            request = request.header("If-Match", STALE);
        }
        if (endpoint.body() != null) {
            request = request.body(endpoint.body().apply(s));
        }
        return request.request(endpoint.method(), endpoint.path().formatted(id));
    }

    private static Response call(String token, Endpoint endpoint, Scenario s) {
        return call(token, endpoint, s, s.id(endpoint.by()));
    }

    private static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static String unknownId(By by) {
        return switch (by) {
            case SCHOOL -> TestTokens.newSchoolCode();
            case SWV -> "SWV" + TestTokens.newSchoolCode();
            default -> UUID.randomUUID().toString();
        };
    }

    /** The token of the school's staff in a role, the pupil's parent or the SWV consultant of the school's SWV. */
    private static String owner(String role, Scenario s) {
        return switch (role) {
            case "parent" -> s.pupil().parent();
            case "swv-consultant" -> s.school().swvConsultant();
            default -> s.pupil().staff(role);
        };
    }

    /** What the endpoint answers the pupil's school's staff, its parent or its SWV consultant in the scenario. */
    private static int expected(String role, Endpoint endpoint) {
        if (!endpoint.roles().contains(role)) {
            return 403;
        }
        if (role.equals("swv-consultant") && SCHOOL_SUPPORT_TEAM_ONLY.contains(endpoint.name())) {
            return 404;
        }
        return endpoint.allowed();
    }

    // ---- assertions --------------------------------------------------------------------------

    /**
     * The endpoint answers the caller exactly as for a school, meeting, case, pupil, action item,
     * arrangement, TLV or SWV that does not exist: 404 where the role may call it at all, 403 where
     * not; naming nothing of the pupil.
     */
    private static void assertHidden(String token, String role, Scenario s, Endpoint endpoint) {
        String id = s.id(endpoint.by());
        String unknownId = unknownId(endpoint.by());
        Response hidden = call(token, endpoint, s, id);
        Response unknown = call(token, endpoint, s, unknownId);
        int expected = endpoint.roles().contains(role) ? 404 : 403;
        assertRefused(hidden, expected, role + " " + endpoint.name());
        assertRefused(unknown, expected, role + " " + endpoint.name() + " (unknown)");
        assertThat(bodyWithout(hidden, id)).as(role + " " + endpoint.name()).isEqualTo(bodyWithout(unknown, unknownId));
        assertNoData(hidden, s, endpoint);
    }

    private static void assertHidden(String token, String role, Scenario s) {
        for (Endpoint endpoint : ENDPOINTS) {
            assertHidden(token, role, s, endpoint);
        }
    }

    /** 403 forbidden or 404 not-found as a Passend problem; {@code what} says which call failed. */
    private static void assertRefused(Response response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(status);
        assertProblem(response, status, status == 404 ? "not-found" : status == 403 ? "forbidden" : "unauthorized");
    }

    /** A refused answer names nothing of the scenario (ids, school, SWV, what was discussed) beyond what was asked for. */
    private static void assertNoData(Response refused, Scenario s, Endpoint endpoint) {
        String body = refused.asString();
        String asked = s.id(endpoint.by());
        for (String id : s.ids()) {
            if (!id.equals(asked)) {
                assertThat(body).as(endpoint.name()).doesNotContain(id);
            }
        }
        if (endpoint.by() != By.SCHOOL && endpoint.by() != By.SWV) {
            assertThat(body).as(endpoint.name()).doesNotContain(s.school().code());
        }
        assertThat(body).as(endpoint.name()).doesNotContain("Hoe kunnen we").doesNotContain("Lezen stagneert")
                .doesNotContain("Observatie").doesNotContain("OBSERVE").doesNotContain("Ondersteuningsbehoefte")
                .doesNotContain("extra begeleiding").doesNotContain("Ineke de Boer");
    }

    // ---- the pupil's school, its parents and its SWV: every endpoint -----------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ib", "director", "teacher", "parent", "swv-consultant"})
    void theSchoolsStaffTheParentAndTheSwvConsultantGetWhatTheirRoleAllowsOnEveryEndpoint(String role) {
        Scenario s = scenario();
        String token = owner(role, s);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            int expected = expected(role, endpoint);
            if (expected == 404) {
                assertHidden(token, role, s, endpoint);
                continue;
            }
            Response response = call(token, endpoint, s);
            if (response.statusCode() != expected) {
                wrong.add(endpoint.name() + ": " + response.statusCode() + " instead of " + expected + " "
                        + response.asString());
            } else if (expected == 403) {
                assertRefused(response, 403, role + " " + endpoint.name());
                assertNoData(response, s, endpoint);
            }
        }
        assertThat(wrong).as(role).isEmpty();
    }

    @Test
    void theSchoolsStaffSeeEveryCaseOfTheirPupilsAndTheNamedOnesByName() {
        Scenario s = scenario();
        for (String role : STAFF) {
            String token = s.pupil().staff(role);
            as(token).get("/meetings/{id}", s.bot()).then().statusCode(200)
                    .body("cases.id", containsInAnyOrder(s.botCase().toString(), s.anonymousCase().toString()))
                    .body("cases.find { it.id == '%s' }.pupilId".formatted(s.botCase()),
                            equalTo(s.pupil().id().toString()))
                    .body("cases.find { it.id == '%s' }.named".formatted(s.anonymousCase()), equalTo(false));
            as(token).get("/pupils/{id}/cases", s.pupil().id()).then().statusCode(200)
                    .body("id", containsInAnyOrder(s.sstCase().toString(), s.botCase().toString()));
            as(token).get("/schools/{code}/meetings", s.school().code()).then().statusCode(200)
                    .body("items.id", hasItem(s.sst().toString())).body("items.id", hasItem(s.bot().toString()));
            as(token).get("/pupils/{id}/arrangements", s.pupil().id()).then().statusCode(200)
                    .body("id", contains(s.arrangement().toString()));
        }
        as(s.pupil().staff("director")).get("/pupils/{id}/tlv-requests", s.pupil().id()).then().statusCode(200)
                .body("id", contains(s.tlv().toString()));
    }

    // ---- the SWV consultant ---------------------------------------------------------------------

    @Test
    void theSwvConsultantSeesTheBotsOfTheirSwvAndNeverThePupilOfAnAnonymousCase() {
        Scenario s = scenario();
        String consultant = s.school().swvConsultant();
        String classmate = s.classmate().id().toString();
        UUID multidisciplinary = Fixtures.meeting(s.school(), "MULTIDISCIPLINARY", TestClock.today(),
                Fixtures.botTeam());

        as(consultant).get("/schools/{code}/meetings", s.school().code()).then().statusCode(200)
                .body("items.type", everyItem(equalTo("BOT"))).body("items.id", hasItem(s.bot().toString()));
        assertProblem(as(consultant).get("/meetings/{id}", multidisciplinary), 404, "not-found");

        Response bot = as(consultant).get("/meetings/{id}", s.bot());
        bot.then().statusCode(200)
                .body("cases.find { it.id == '%s' }.pupilId".formatted(s.botCase()), equalTo(s.pupil().id().toString()))
                .body("cases.find { it.id == '%s' }.pupilId".formatted(s.anonymousCase()), nullValue())
                .body("cases.find { it.id == '%s' }.outcome.discussedAs".formatted(s.anonymousCase()),
                        equalTo("ANONYMOUS"));
        assertThat(bot.asString()).doesNotContain(classmate);
        Response anonymous = as(consultant).get("/cases/{id}", s.anonymousCase());
        anonymous.then().statusCode(200).body("pupilId", nullValue()).body("named", equalTo(false));
        assertThat(anonymous.asString()).doesNotContain(classmate);

        // only the cases named in a BOT of their SWV: not the school's own, not an anonymous one
        as(consultant).get("/pupils/{id}/cases", s.pupil().id()).then().statusCode(200)
                .body("id", contains(s.botCase().toString()));
        Scenario classmates = new Scenario(s.school(), s.classmate(), s.pupil(), s.sst(), s.bot(), s.sstCase(),
                s.anonymousCase(), s.botCase(), s.sstItem(), s.botItem(), s.arrangement(), s.tlv());
        assertHidden(consultant, "swv-consultant", classmates, endpoint("list pupil's cases"));

        // a case by name waiting for consent, then discussed anonymously by the consultant: never the pupil
        UUID laterBot = Fixtures.meeting(s.school(), "BOT", TestClock.today(), Fixtures.botTeam());
        UUID waiting = Fixtures.caseOf(laterBot, s.classmate(), true);
        Response open = as(consultant).get("/cases/{id}", waiting);
        open.then().statusCode(200).body("pupilId", nullValue()).body("consent.outcome", equalTo("OPEN"));
        Response recorded = Fixtures.recordOutcome(consultant, waiting, Fixtures.outcome("ANONYMOUS",
                List.of("OBSERVE"), List.of(Fixtures.actionItem("SWV_CONSULTANT", TestClock.today().plusDays(3)))));
        recorded.then().statusCode(200).body("pupilId", nullValue()).body("outcome.discussedAs", equalTo("ANONYMOUS"));
        UUID item = UUID.fromString(recorded.path("actionItems[0].id"));
        Response done = TeamAccessCalls.markDone(consultant, item, "\"0\"", TestClock.today());
        done.then().statusCode(200).body("doneOn", equalTo(TestClock.today().toString()));
        Response changed = as(consultant).header("If-Match", TeamAccessCalls.meetingEtag(consultant, laterBot))
                .body(Fixtures.meeting("BOT", TestClock.today(), Fixtures.botTeam())).put("/meetings/{id}", laterBot);
        changed.then().statusCode(200).body("cases[0].pupilId", nullValue());
        Response held = as(consultant).header("If-Match", changed.header("ETag")).post("/meetings/{id}/held", laterBot);
        held.then().statusCode(200).body("held", equalTo(true));
        for (Response response : List.of(open, recorded, done, changed, held)) {
            assertThat(response.asString()).doesNotContain(classmate);
        }
        assertHidden(consultant, "swv-consultant", classmates, endpoint("list pupil's cases"));
        // the school's staff still see it as the classmate's case
        as(s.pupil().staff("ib")).get("/pupils/{id}/cases", s.classmate().id()).then().statusCode(200)
                .body("id", containsInAnyOrder(s.anonymousCase().toString(), waiting.toString()));
    }

    @Test
    void theSwvConsultantPagesThroughAllBotsOfASchoolWhoseOtherMeetingsComeFirst() {
        School school = Fixtures.school();
        List<UUID> all = new ArrayList<>();
        List<UUID> bots = new ArrayList<>();
        for (String type : List.of("SCHOOL_SUPPORT_TEAM", "MULTIDISCIPLINARY", "SCHOOL_SUPPORT_TEAM", "BOT",
                "SCHOOL_SUPPORT_TEAM", "BOT")) {
            UUID id = Fixtures.meeting(school, type, TestClock.today().plusDays(1),
                    type.equals("SCHOOL_SUPPORT_TEAM") ? Fixtures.insideTeam() : Fixtures.botTeam());
            all.add(id);
            if (type.equals("BOT")) {
                bots.add(id);
            }
        }
        assertThat(pageThrough(school.swvConsultant(), school)).containsExactlyElementsOf(bots);
        assertThat(pageThrough(school.staff("teacher"), school)).containsExactlyElementsOf(all);
    }

    /** Every meeting of the school the caller lists, two at a time. */
    private static List<UUID> pageThrough(String token, School school) {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            RequestSpecification request = as(token).queryParam("size", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get("/schools/{code}/meetings", school.code());
            response.then().statusCode(200);
            List<String> ids = response.path("items.id");
            ids.forEach(id -> seen.add(UUID.fromString(id)));
            if (!Boolean.TRUE.equals(response.path("hasMore"))) {
                return seen;
            }
            cursor = response.path("nextCursor");
        }
        throw new AssertionError("more than 10 pages");
    }

    @Test
    void anSwvConsultantOfAnotherSwvOrWithoutOneGetsTheSame404AsForSomethingUnknown() {
        Scenario s = scenario();
        assertHidden(Fixtures.school().swvConsultant(), "swv-consultant", s);
        assertHidden(TestTokens.subject(TeamAccessCalls.subject("swv-consultant")).roles("swv-consultant").sign(),
                "swv-consultant", s);
        // working for the school is no SWV: the claim decides
        assertHidden(TestTokens.subject(TeamAccessCalls.subject("swv-consultant")).roles("swv-consultant")
                .schools(s.school().code()).swv("SWV" + TestTokens.newSchoolCode()).sign(), "swv-consultant", s);
    }

    // ---- TLVs: the SWV decides once submitted ----------------------------------------------------

    @Test
    void aTlvIsTheSchoolsOwnUntilSubmittedAndDecidedByTheRoleItsSwvConfigured() {
        Pupil pupil = Fixtures.pupil();
        String consultant = pupil.school().swvConsultant();
        UUID draft = UUID.fromString(Fixtures.prepareTlv(pupil, "SBO", List.of()).then().statusCode(201).extract()
                .path("id"));
        UUID unknown = UUID.randomUUID();
        Response hiddenDraft = as(consultant).get("/tlv-requests/{id}", draft);
        assertProblem(hiddenDraft, 404, "not-found");
        assertThat(bodyWithout(hiddenDraft, draft.toString())).isEqualTo(
                bodyWithout(as(consultant).get("/tlv-requests/{id}", unknown), unknown.toString()));
        assertProblem(TeamAccessCalls.decideTlv(consultant, draft, "*", TeamAccessCalls.grant("SBO")), 404,
                "not-found");
        assertProblem(as(consultant).get("/pupils/{id}/tlv-requests", pupil.id()), 404, "not-found");
        as(consultant).get("/swvs/{swv}/tlv-requests", pupil.school().swv()).then().statusCode(200)
                .body("id", not(hasItem(draft.toString())));

        // an SWV whose board decides: its board reads and decides, its consultant sees nothing of it
        School boardDecides = TeamAccessCalls.school(BOARD_DECIDES);
        Pupil referred = Fixtures.pupil(boardDecides);
        UUID tlv = TeamAccessCalls.submittedTlv(referred, "SO");
        String board = TestTokens.subject(TeamAccessCalls.subject("board")).roles("board").board("B" + boardDecides.code())
                .swv(BOARD_DECIDES).sign();
        String itsConsultant = boardDecides.swvConsultant();
        assertProblem(as(itsConsultant).get("/tlv-requests/{id}", tlv), 404, "not-found");
        assertProblem(as(itsConsultant).get("/swvs/{swv}/tlv-requests", BOARD_DECIDES), 404, "not-found");
        assertProblem(TeamAccessCalls.decideTlv(itsConsultant, tlv, "*", TeamAccessCalls.grant("SO_LOW")), 404,
                "not-found");
        as(board).get("/swvs/{swv}/tlv-requests", BOARD_DECIDES).then().statusCode(200)
                .body("id", hasItem(tlv.toString()));
        String etag = as(board).get("/tlv-requests/{id}", tlv).then().statusCode(200).extract().header("ETag");
        TeamAccessCalls.decideTlv(board, tlv, etag, TeamAccessCalls.grant("SO_MEDIUM")).then().statusCode(200)
                .body("status", equalTo("GRANTED")).body("decision.issuingSwvCode", equalTo(BOARD_DECIDES));
        // the board of another SWV: like an unknown request
        String otherBoard = TestTokens.subject(TeamAccessCalls.subject("board")).roles("board")
                .swv(pupil.school().swv()).sign();
        assertProblem(as(otherBoard).get("/tlv-requests/{id}", tlv), 404, "not-found");
        // the school reads the decision, the director objects; the IB'er may not object
        as(referred.staff("ib")).get("/tlv-requests/{id}", tlv).then().statusCode(200)
                .body("decision.category", equalTo("SO_MEDIUM"));
        String director = referred.staff("director");
        assertProblem(TeamAccessCalls.object(referred.staff("ib"), tlv, "*"), 403, "forbidden");
        TeamAccessCalls.object(director, tlv, Fixtures.tlvEtag(director, tlv)).then().statusCode(200)
                .body("objection.lodgedOn", equalTo(TestClock.today().toString()));
    }

    // ---- parents -----------------------------------------------------------------------------

    @Test
    void aParentReadsTheOutcomeOfTheirOwnChildsCasesOnceDiscussed() {
        Scenario s = scenario();
        String parent = s.pupil().parent();
        as(parent).get("/pupils/{id}/cases", s.pupil().id()).then().statusCode(200)
                .body("id", containsInAnyOrder(s.sstCase().toString(), s.botCase().toString()))
                .body("pupilId", everyItem(equalTo(s.pupil().id().toString())))
                .body("outcome.advice", everyItem(equalTo("Observatie in de klas en een gesprek met ouders")));

        // on the agenda but not discussed yet: like an unknown case, and not in the list
        UUID meeting = Fixtures.meeting(s.school(), "SCHOOL_SUPPORT_TEAM", TestClock.today().plusDays(3),
                Fixtures.insideTeam());
        UUID planned = Fixtures.caseOf(meeting, s.pupil(), true);
        UUID unknown = UUID.randomUUID();
        Response notYet = as(parent).get("/cases/{id}", planned);
        assertProblem(notYet, 404, "not-found");
        assertThat(bodyWithout(notYet, planned.toString()))
                .isEqualTo(bodyWithout(as(parent).get("/cases/{id}", unknown), unknown.toString()));
        as(parent).get("/pupils/{id}/cases", s.pupil().id()).then().statusCode(200)
                .body("id", not(hasItem(planned.toString())));

        // the classmate's case is not theirs; to the classmate's parents it is, anonymous or not
        assertProblem(as(parent).get("/cases/{id}", s.anonymousCase()), 404, "not-found");
        as(s.classmate().parent()).get("/cases/{id}", s.anonymousCase()).then().statusCode(200)
                .body("pupilId", equalTo(s.classmate().id().toString()))
                .body("outcome.discussedAs", equalTo("ANONYMOUS"));
        as(s.classmate().parent()).get("/pupils/{id}/cases", s.classmate().id()).then().statusCode(200)
                .body("id", contains(s.anonymousCase().toString()));
    }

    @Test
    void aParentOfAnotherChildGetsTheSame404AsForSomethingUnknown() {
        Scenario s = scenario();
        assertHidden(s.classmate().parent(), "parent", s);
        assertHidden(Fixtures.pupil().parent(), "parent", s);
    }

    // ---- other schools and other roles ----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffOfAnotherSchoolGetTheSame404AsForSomethingUnknown(String role) {
        Scenario s = scenario();
        assertHidden(Fixtures.staff(role, Fixtures.school().code()), role, s);
    }

    @Test
    void staffPuttingAnotherSchoolsPupilOnTheirOwnAgendaAreAnsweredAsForAnUnknownPupil() {
        Scenario s = scenario();
        School other = Fixtures.school();
        UUID meeting = Fixtures.meeting(other, "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        String ib = other.staff("ib");
        UUID unknown = UUID.randomUUID();
        Response hidden = Fixtures.addCase(ib, meeting, s.pupil().id(), true);
        assertProblem(hidden, 404, "not-found");
        assertThat(bodyWithout(hidden, s.pupil().id().toString()))
                .isEqualTo(bodyWithout(Fixtures.addCase(ib, meeting, unknown, true), unknown.toString()));
        assertThat(hidden.asString()).doesNotContain(s.school().code());
        // nor an arrangement that points at another pupil's case
        Response foreignCase = TeamAccessCalls.startArrangement(s.classmate().staff("ib"), s.classmate(), s.sstCase());
        assertProblem(foreignCase, 422, "not-a-case-of-the-pupil");
        assertThat(bodyWithout(foreignCase, s.sstCase().toString())).isEqualTo(bodyWithout(
                TeamAccessCalls.startArrangement(s.classmate().staff("ib"), s.classmate(), unknown), unknown.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"care-professional", "swv-analyst", "board", "sis-client", "admin"})
    void rolesWithoutAccessToCasesGet403OrWhereTheirRoleMayCallTheSame404AsForSomethingUnknown(String role) {
        Scenario s = scenario();
        // a care professional linked to the pupil; the others work for the pupil's school, board and SWV
        String token = role.equals("care-professional") ? TeamAccessCalls.linkProfessional(s.pupil()).token()
                : TeamAccessCalls.withEveryClaimOf(TeamAccessCalls.subject(role), role, s.school());
        assertHidden(token, role, s);
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401() {
        Scenario s = scenario();
        String forged = TestTokens.subject("ib-forged").roles("ib").schools(s.school().code()).sign();
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        for (Endpoint endpoint : ENDPOINTS) {
            for (String token : new String[] {null, "not-a-token", forged}) {
                Response response = call(token, endpoint, s);
                assertThat(response.statusCode()).as(endpoint.name()).isEqualTo(401);
                assertProblem(response, 401, "unauthorized").header("WWW-Authenticate", equalTo("Bearer"));
                assertNoData(response, s, endpoint);
            }
        }
        as(s.pupil().staff("ib")).get("/cases/{id}", s.sstCase()).then().statusCode(200)
                .body("outcome.decisions", contains("OBSERVE"));
    }

    // ---- a pupil who left ------------------------------------------------------------------------

    /** Addressed by the pupil or by something of the pupil's own (not the school's meetings or lists). */
    private static final Set<By> THE_PUPILS = Set.of(By.SST_CASE, By.BOT_CASE, By.PUPIL, By.SST_ITEM, By.BOT_ITEM,
            By.ARRANGEMENT, By.TLV);

    @Test
    void fromTheLeavingDateTheOldSchoolsStaffSeeNothingOfThePupilAndTheParentStillReads() {
        Scenario s = scenario();
        TeamAccessCalls.left(s.pupil(), TestClock.today());

        for (String role : STAFF) {
            String token = s.pupil().staff(role);
            for (Endpoint endpoint : ENDPOINTS) {
                if (THE_PUPILS.contains(endpoint.by())) {
                    assertHidden(token, role, s, endpoint);
                }
            }
            // the school's meetings stay the school's, without the pupil's cases
            as(token).get("/meetings/{id}", s.sst()).then().statusCode(200).body("cases.size()", equalTo(0));
            as(token).get("/meetings/{id}", s.bot()).then().statusCode(200)
                    .body("cases.id", contains(s.anonymousCase().toString()));
            as(token).get("/schools/{code}/action-items/overdue", s.school().code()).then().statusCode(200);
        }
        // no longer one to put on an agenda: like an unknown pupil
        UUID meeting = Fixtures.meeting(s.school(), "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam());
        UUID unknown = UUID.randomUUID();
        Response left = Fixtures.addCase(s.pupil().staff("ib"), meeting, s.pupil().id(), true);
        assertProblem(left, 404, "not-found");
        assertThat(bodyWithout(left, s.pupil().id().toString())).isEqualTo(
                bodyWithout(Fixtures.addCase(s.pupil().staff("ib"), meeting, unknown, true), unknown.toString()));

        String parent = s.pupil().parent();
        as(parent).get("/pupils/{id}/cases", s.pupil().id()).then().statusCode(200)
                .body("id", containsInAnyOrder(s.sstCase().toString(), s.botCase().toString()));
        as(parent).get("/arrangements/{id}", s.arrangement()).then().statusCode(200);
        as(parent).get("/tlv-requests/{id}", s.tlv()).then().statusCode(200);
    }

    @Test
    void aPupilLeavingLaterIsStillTheSchoolsUntilThen() {
        Scenario s = scenario();
        TeamAccessCalls.left(s.pupil(), TestClock.today().plusDays(5));
        for (String role : STAFF) {
            as(s.pupil().staff(role)).get("/cases/{id}", s.botCase()).then().statusCode(200);
            as(s.pupil().staff(role)).get("/arrangements/{id}", s.arrangement()).then().statusCode(200);
        }
        as(s.pupil().staff("ib")).get("/tlv-requests/{id}", s.tlv()).then().statusCode(200);
        Fixtures.addCase(s.pupil().staff("teacher"),
                Fixtures.meeting(s.school(), "SCHOOL_SUPPORT_TEAM", TestClock.today(), Fixtures.insideTeam()),
                s.pupil().id(), false).then().statusCode(201);
    }

    @Test
    void theNewSchoolStartsWithoutTheOldSchoolsCasesArrangementsAndTlvs() {
        Scenario s = scenario();
        School newSchool = Fixtures.school();
        TeamAccessCalls.moved(s.pupil(), newSchool);
        String newIb = newSchool.staff("ib");
        String newDirector = newSchool.staff("director");

        as(newIb).get("/pupils/{id}/cases", s.pupil().id()).then().statusCode(200).body("size()", equalTo(0));
        as(newIb).get("/pupils/{id}/arrangements", s.pupil().id()).then().statusCode(200).body("size()", equalTo(0));
        as(newDirector).get("/pupils/{id}/tlv-requests", s.pupil().id()).then().statusCode(200)
                .body("size()", equalTo(0));
        for (String path : List.of("/cases/%s".formatted(s.sstCase()), "/cases/%s".formatted(s.botCase()),
                "/arrangements/%s".formatted(s.arrangement()), "/tlv-requests/%s".formatted(s.tlv()))) {
            assertProblem(as(newIb).get(path), 404, "not-found");
        }
        for (String role : STAFF) {
            for (Endpoint endpoint : ENDPOINTS) {
                if (THE_PUPILS.contains(endpoint.by())) {
                    assertHidden(s.pupil().staff(role), role, s, endpoint);
                }
            }
        }
        // the parents still see everything about their child
        as(s.pupil().parent()).get("/pupils/{id}/arrangements", s.pupil().id()).then().statusCode(200)
                .body("id", contains(s.arrangement().toString()));
        as(s.pupil().parent()).get("/pupils/{id}/tlv-requests", s.pupil().id()).then().statusCode(200)
                .body("id", contains(s.tlv().toString()));
    }
}
