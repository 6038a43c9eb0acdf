package nl.passend.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.EventType;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportCategory;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.events.pupil.BoardChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.events.pupil.SwvChanged;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;
import nl.passend.testing.TestEvents;
import nl.passend.testing.TestTokens;

/**
 * A small SWV made by hand, whose figures for school year 2025-2026 on 1 October 2025 are known
 * (see the constants). Each instance has its own codes and pupil ids, so tests never share data.
 *
 * <pre>
 * school  type board pupils(1 Oct) referrals 25/26        notes
 * A       BAO  B1    100           2 SBO + 2 SO (4 %)     3 BOT cases, 2 arrangements; levels; an OPP; a correction
 * B       BAO  B1    100           1 SBO (1 %)            a thuiszitter; a TLV without a place; an open OPP signal
 * C       BAO  B2     50           none, ever             never refers
 * D       BAO  B2     50           1 SO (2 %)             a pupil discussed 3 times; a repeated-discussion signal
 * SBO     SBO  B3     10           -
 * SO      SO   B3      8           -                      5 with a TLV of this SWV, 2 of another SWV, 1 unknown
 * </pre>
 * Regular schools: 300 pupils, 6 referrals: the SWV's rate is 2 %; A is above 1.5 times that.
 */
public final class KnownSwv {

    public static final String YEAR = "2025-2026";
    public static final LocalDate OCT_1 = LocalDate.of(2025, 10, 1);

    public final String swv;
    public final String otherSwv;
    public final String boardA;
    public final String boardB;
    public final String boardSpecial;
    public final String a;
    public final String b;
    public final String c;
    public final String d;
    public final String sbo;
    public final String so;
    /** A level-4 pupil of school A with an established OPP: the one erasure tests erase. */
    public final UUID pupilWithOpp;

    private final Random random;
    private final List<String> events = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private int minute;

    public KnownSwv(long seed) {
        random = new Random(seed);
        swv = "PO" + (1000 + random.nextInt(8999)) + "T" + Math.abs(seed % 1000);
        otherSwv = swv + "X";
        boardA = "B" + random.nextInt(1_000_000);
        boardB = "B" + random.nextInt(1_000_000);
        boardSpecial = "B" + random.nextInt(1_000_000);
        a = TestTokens.newSchoolCode();
        b = TestTokens.newSchoolCode();
        c = TestTokens.newSchoolCode();
        d = TestTokens.newSchoolCode();
        sbo = TestTokens.newSchoolCode();
        so = TestTokens.newSchoolCode();
        pupilWithOpp = build();
    }

    public List<String> events() {
        return events;
    }

    public String key(int i) {
        return keys.get(i);
    }

    public String topic(int i) {
        return topics.get(i);
    }

    private UUID build() {
        LocalDate longAgo = LocalDate.of(2020, 8, 20);
        LocalDate yearStart = LocalDate.of(2025, 8, 25);
        add(EventType.SWV_REGISTERED, swv, null, new SwvChanged(swv, longAgo));
        for (String board : List.of(boardA, boardB, boardSpecial)) {
            add(EventType.BOARD_REGISTERED, board, null, new BoardChanged(board, longAgo));
        }
        school(a, SchoolType.BAO, boardA);
        school(b, SchoolType.BAO, boardA);
        school(c, SchoolType.BAO, boardB);
        school(d, SchoolType.BAO, boardB);
        school(sbo, SchoolType.SBO, boardSpecial);
        school(so, SchoolType.SO, boardSpecial);

        List<UUID> atA = enrolMany(a, 100, longAgo);
        List<UUID> atB = enrolMany(b, 100, longAgo);
        List<UUID> atC = enrolMany(c, 50, yearStart);
        List<UUID> atD = enrolMany(d, 50, longAgo);
        enrolMany(sbo, 10, longAgo);

        // SO: 5 with a TLV of this SWV, 2 with one of another SWV, 1 without a known TLV
        for (int i = 0; i < 8; i++) {
            UUID pupil = id();
            enrol(pupil, so, longAgo);
            if (i < 7) {
                UUID tlv = id();
                String issuing = i < 5 ? swv : otherSwv;
                add(EventType.TLV_DECIDED, pupil.toString(), a, new TlvChanged(tlv, pupil, a, issuing, TlvTarget.SO,
                        TlvOutcome.GRANTED, TlvCategory.SO_MEDIUM, issuing, longAgo, null, longAgo.minusDays(10)));
            }
        }

        // referrals during the school year, after the count date: A 2 SBO + 2 SO, B 1 SBO, D 1 SO
        refer(atA.get(0), a, TlvCategory.SBO, sbo, LocalDate.of(2026, 1, 5));
        refer(atA.get(1), a, TlvCategory.SBO, sbo, LocalDate.of(2026, 2, 2));
        refer(atA.get(2), a, TlvCategory.SO_LOW, so, LocalDate.of(2026, 3, 2));
        refer(atA.get(3), a, TlvCategory.SO_HIGH, so, LocalDate.of(2026, 4, 6));
        refer(atB.get(0), b, TlvCategory.SBO, sbo, LocalDate.of(2026, 5, 11));
        refer(atD.get(0), d, TlvCategory.SO_LOW, so, LocalDate.of(2026, 6, 1));
        // B referred one pupil the year before too (so only C never refers)
        UUID earlier = id();
        UUID earlierEnrolment = enrol(earlier, b, longAgo);
        leave(earlier, earlierEnrolment, b, LeavingDestination.SBO, sbo, LocalDate.of(2025, 3, 3));

        // levels at A on 1 October: 3 at LEVEL_2, 2 at LEVEL_3, 1 at LEVEL_4 (one LEVEL_3 corrected to LEVEL_2)
        level(atA.get(10), SupportLevel.LEVEL_2, null, LocalDate.of(2025, 9, 1));
        level(atA.get(11), SupportLevel.LEVEL_2, null, LocalDate.of(2025, 9, 1));
        UUID wrong = level(atA.get(12), SupportLevel.LEVEL_3, null, LocalDate.of(2025, 9, 2));
        level(atA.get(12), SupportLevel.LEVEL_2, wrong, LocalDate.of(2025, 9, 2));
        level(atA.get(13), SupportLevel.LEVEL_3, null, LocalDate.of(2025, 9, 3));
        level(atA.get(14), SupportLevel.LEVEL_3, null, LocalDate.of(2025, 9, 3));
        UUID withOpp = atA.get(15);
        level(withOpp, SupportLevel.LEVEL_2, null, LocalDate.of(2025, 1, 6));
        level(withOpp, SupportLevel.LEVEL_4, null, LocalDate.of(2025, 6, 2));
        level(atA.get(16), SupportLevel.LEVEL_3, null, LocalDate.of(2025, 11, 3)); // after the count date

        // OPPs at A: one established and in force; one established and closed before the count date
        UUID plan = id();
        opp(plan, withOpp, a, OppStatus.DRAFT, EventType.OPP_DRAFTED, LocalDate.of(2025, 6, 10));
        opp(plan, withOpp, a, OppStatus.ESTABLISHED, EventType.OPP_ESTABLISHED, LocalDate.of(2025, 7, 1));
        UUID closed = id();
        opp(closed, atA.get(17), a, OppStatus.ESTABLISHED, EventType.OPP_ESTABLISHED, LocalDate.of(2024, 10, 1));
        opp(closed, atA.get(17), a, OppStatus.CLOSED, EventType.OPP_CLOSED, LocalDate.of(2025, 7, 15));

        // B: a signal raised and resolved, and one raised and still open on the count date
        overdue(atB.get(10), b, true, LocalDate.of(2025, 9, 1));
        overdue(atB.get(10), b, false, LocalDate.of(2025, 9, 20));
        overdue(atB.get(11), b, true, LocalDate.of(2025, 9, 15));
        // B: a thuiszitter (left for no school before the count date) and a TLV without a place
        UUID home = id();
        UUID homeEnrolment = enrol(home, b, longAgo);
        leave(home, homeEnrolment, b, LeavingDestination.NONE_AT_HOME, null, LocalDate.of(2025, 9, 10));
        UUID waiting = atB.get(12);
        UUID waitingTlv = id();
        add(EventType.TLV_REQUESTED, waiting.toString(), b, new TlvChanged(waitingTlv, waiting, b, swv, TlvTarget.SBO,
                null, null, null, null, null, LocalDate.of(2025, 8, 28)));
        add(EventType.TLV_DECIDED, waiting.toString(), b, new TlvChanged(waitingTlv, waiting, b, swv, TlvTarget.SBO,
                TlvOutcome.GRANTED, TlvCategory.SBO, swv, LocalDate.of(2025, 9, 11), null, LocalDate.of(2025, 9, 11)));

        // A calls on the SWV: 3 BOT cases (one anonymous) and 2 arrangements started in the school year
        UUID bot = id();
        caseDiscussed(bot, atA.get(20), a, MeetingType.BOT, LocalDate.of(2025, 9, 16));
        caseDiscussed(bot, atA.get(21), a, MeetingType.BOT, LocalDate.of(2025, 9, 16));
        caseDiscussed(bot, null, a, MeetingType.BOT, LocalDate.of(2025, 9, 16));
        arrangement(atA.get(20), a, LocalDate.of(2025, 9, 22), null);
        arrangement(atA.get(21), a, LocalDate.of(2025, 9, 22), LocalDate.of(2025, 9, 30)); // ended before 1 Oct

        // D: a pupil discussed three times by name in a school support team, with the owner's signal
        UUID often = atD.get(5);
        for (LocalDate on : List.of(LocalDate.of(2025, 9, 2), LocalDate.of(2025, 9, 16), LocalDate.of(2025, 9, 30))) {
            caseDiscussed(id(), often, d, MeetingType.SCHOOL_SUPPORT_TEAM, on);
        }
        add(EventType.TEAM_SIGNAL_RAISED, often.toString(), d, new TeamSignal(often, d, TeamSignalKind.DISCUSSED_REPEATEDLY,
                null, LocalDate.of(2025, 9, 30), LocalDate.of(2025, 9, 30)));
        return withOpp;
    }

    /** The erasure of {@link #pupilWithOpp}, as pupil-service publishes it. */
    public String erasure() {
        return json(EventType.PUPIL_ERASED, pupilWithOpp.toString(), a,
                new PupilErased(pupilWithOpp, a, LocalDate.of(2026, 11, 1)));
    }

    private void school(String code, SchoolType type, String board) {
        add(EventType.SCHOOL_REGISTERED, code, code, new SchoolChanged(code, type, board, swv, LocalDate.of(2020, 8, 1)));
    }

    private List<UUID> enrolMany(String school, int n, LocalDate on) {
        List<UUID> pupils = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID pupil = id();
            enrol(pupil, school, on);
            pupils.add(pupil);
        }
        return pupils;
    }

    private UUID enrol(UUID pupil, String school, LocalDate on) {
        UUID enrolment = id();
        add(EventType.PUPIL_ENROLLED, pupil.toString(), school, new PupilEnrolled(pupil, enrolment, school, 3, on));
        return enrolment;
    }

    private void leave(UUID pupil, UUID enrolment, String school, LeavingDestination to, String toSchool, LocalDate on) {
        add(EventType.PUPIL_LEFT, pupil.toString(), school, new PupilLeft(pupil, enrolment, school, to, toSchool, on));
    }

    /** A referral as it happens: TLV requested and granted, left for SBO/SO, enrolled there. */
    private void refer(UUID pupil, String from, TlvCategory category, String to, LocalDate on) {
        UUID enrolment = enrolmentOf(pupil);
        UUID tlv = id();
        add(EventType.TLV_REQUESTED, pupil.toString(), from, new TlvChanged(tlv, pupil, from, swv, category.target(),
                null, null, null, null, null, on.minusDays(40)));
        add(EventType.TLV_DECIDED, pupil.toString(), from, new TlvChanged(tlv, pupil, from, swv, category.target(),
                TlvOutcome.GRANTED, category, swv, on, on.plusYears(2), on.minusDays(20)));
        leave(pupil, enrolment, from, category.target() == TlvTarget.SBO ? LeavingDestination.SBO : LeavingDestination.SO,
                to, on);
        enrol(pupil, to, on);
    }

    private UUID level(UUID pupil, SupportLevel level, UUID corrects, LocalDate on) {
        UUID change = id();
        add(EventType.SUPPORT_LEVEL_CHANGED, pupil.toString(), a, new SupportLevelChanged(change, pupil, a, level,
                level == SupportLevel.LEVEL_4 ? SupportCategory.EXTRA : SupportCategory.BASIC, null, List.of(), corrects,
                on));
        return change;
    }

    private void opp(UUID plan, UUID pupil, String school, OppStatus status, EventType type, LocalDate on) {
        add(type, pupil.toString(), school, new OppChanged(plan, pupil, school, 1, status, null, null, on));
    }

    private void overdue(UUID pupil, String school, boolean raised, LocalDate on) {
        add(raised ? EventType.OPP_OVERDUE : EventType.OPP_OVERDUE_RESOLVED, pupil.toString(), school,
                new OppOverdue(pupil, school, null, OppDueKind.ESTABLISHMENT, LocalDate.of(2025, 8, 30), on));
    }

    private void caseDiscussed(UUID meeting, UUID pupil, String school, MeetingType type, LocalDate on) {
        UUID caseId = id();
        add(EventType.CASE_DISCUSSED, pupil == null ? caseId.toString() : pupil.toString(), school,
                new CaseDiscussed(caseId, meeting, pupil, school, type, pupil != null, on));
    }

    private void arrangement(UUID pupil, String school, LocalDate start, LocalDate end) {
        UUID arrangement = id();
        add(EventType.ARRANGEMENT_STARTED, pupil.toString(), school, new ArrangementChanged(arrangement, pupil, school,
                ArrangementKind.INDIVIDUAL_SUPPORT, FundingSource.SWV, start, null, start));
        if (end != null) {
            add(EventType.ARRANGEMENT_ENDED, pupil.toString(), school, new ArrangementChanged(arrangement, pupil, school,
                    ArrangementKind.INDIVIDUAL_SUPPORT, FundingSource.SWV, start, end, end));
        }
    }

    private final java.util.Map<UUID, UUID> enrolments = new java.util.HashMap<>();

    private UUID enrolmentOf(UUID pupil) {
        return enrolments.get(pupil);
    }

    private void add(EventType type, String key, String school, EventPayload payload) {
        if (payload instanceof PupilEnrolled e) {
            enrolments.put(e.pupilId(), e.enrolmentId());
        }
        events.add(json(type, key, school, payload));
        keys.add(key);
        topics.add(type.topic());
    }

    private String json(EventType type, String key, String school, EventPayload payload) {
        OffsetDateTime time = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(minute++);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, id().toString(), TestEvents.sourceOf(type.topic()),
                type.type(), time, key, school, EventEnvelope.CONTENT_TYPE, EventJson.mapper().valueToTree(payload));
        return EventJson.write(envelope);
    }

    private UUID id() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
