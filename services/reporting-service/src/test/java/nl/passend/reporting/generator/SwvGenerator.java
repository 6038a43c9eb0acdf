package nl.passend.reporting.generator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.EventType;
import nl.passend.events.Topics;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportCategory;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.events.pupil.BoardChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.events.pupil.SwvChanged;
import nl.passend.events.support.InterventionChanged;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.support.SupportSignal;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDecisionRecorded;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.MeetingHeld;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;

/**
 * The event stream of one samenwerkingsverband over several school years, as the services would
 * publish it: schools and boards, pupils enrolling, moving up and leaving (for VO, another school,
 * abroad, SBO or SO, or for no school at all), support levels, interventions, OPPs through their
 * statuses, consents, support-team and BOT meetings, arrangements, TLVs, signals and erasures.
 *
 * <p>The same settings always give the same events, byte for byte: every id, choice and date comes
 * from one {@link Random} seeded by {@link Settings#seed()}. Rates are rough national proportions:
 * about 1.1 % of regular pupils referred a year, 2.5 % of pupils in SBO and 2.3 % in SO,
 * a third of pupils with some support. A few schools never refer and a few refer about 2.5 times
 * as often as the rest, so that the risk signals have something to find.
 *
 * <p>Events of a school year are emitted in the order of their business date. The pupils already
 * at school on the first day come with their history (enrolment, level, OPP, TLV), recorded on
 * that day as a student information system's import would record it.
 */
public final class SwvGenerator {

    /**
     * What to generate. {@code swvIndex} makes every code (SWV, boards, schools) unique, so that
     * several generated SWVs share one broker; school codes are all digits, unlike those of the
     * hand-made test sets.
     */
    public record Settings(long seed, int swvIndex, int regularSchools, int sboSchools, int soSchools, int pupils,
            int firstYear, int years) {

        /** A realistic SWV: 120 schools, 30,000 pupils, school years 2023-2024 to 2025-2026. */
        public static Settings realisticSwv(long seed) {
            return new Settings(seed, 1, 114, 3, 3, 30_000, 2023, 3);
        }

        /** A small SWV for tests: 10 schools, 1,600 pupils, the same three school years. */
        public static Settings small(long seed, int swvIndex) {
            return new Settings(seed, swvIndex, 8, 1, 1, 1_600, 2023, 3);
        }

        public String swvCode() {
            return String.format("GEN%04d", swvIndex);
        }

        /** The SWV that issued the TLVs of the SO pupils this SWV does not pay for. */
        public String otherSwvCode() {
            return String.format("GEX%04d", swvIndex);
        }

        /** The day the pupils already at school are imported with their history. */
        public LocalDate importDay() {
            return LocalDate.of(firstYear, 8, 1);
        }

        public LocalDate lastDay() {
            return LocalDate.of(firstYear + years, 7, 31);
        }
    }

    /** Referrals to SBO or SO a year per regular pupil, before a school's own factor. */
    static final double REFERRAL_RATE = 0.011;
    /** Share of the SWV's pupils in SBO and in SO (about the national stock). */
    static final double SBO_SHARE = 0.025;
    static final double SO_SHARE = 0.015;
    /** How long an SWV keeps a departed pupil's pseudonymous rows before erasing them. */
    static final int RETENTION_YEARS = 2;

    private final Settings settings;
    private final Consumer<GeneratedEvent> sink;
    private final Random random;
    private final Truth truth;
    private final List<School> regular = new ArrayList<>();
    private final List<School> sbo = new ArrayList<>();
    private final List<School> so = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<Pupil> erasures = new ArrayList<>();
    private long sequence;

    private SwvGenerator(Settings settings, Consumer<GeneratedEvent> sink) {
        this.settings = settings;
        this.sink = sink;
        this.random = new Random(settings.seed() * 31 + settings.swvIndex());
        this.truth = new Truth(settings.swvCode());
    }

    /** Generates the SWV's events into {@code sink}, in order, and returns what happened. */
    public static Truth generate(Settings settings, Consumer<GeneratedEvent> sink) {
        return new SwvGenerator(settings, sink).run();
    }

    private Truth run() {
        LocalDate importDay = settings.importDay();
        schools(importDay);
        population(importDay);
        emit(importDay);
        for (int y = settings.firstYear(); y < settings.firstYear() + settings.years(); y++) {
            schoolYear(y);
            emit(LocalDate.of(y, 8, 1));
        }
        allPupils().forEach(p -> truth.span(new Truth.Span(p.id, p.school.code, p.enrolledOn, null, null)));
        return truth;
    }

    // ---- schools and the pupils already there on the import day ----------------------------------

    private void schools(LocalDate day) {
        LocalDate longAgo = LocalDate.of(2014, 8, 1);
        add(EventType.SWV_REGISTERED, settings.swvCode(), null, new SwvChanged(settings.swvCode(), longAgo), day);
        int boardNo = 0;
        String board = null;
        int left = 0;
        for (int i = 0; i < settings.regularSchools(); i++) {
            if (left == 0) {
                board = board(++boardNo, day);
                left = 1 + random.nextInt(12);
            }
            left--;
            // most schools refer about as often as the SWV; one in twenty never, one in twenty 2.5 times as often
            double factor = i % 20 == 7 ? 0 : i % 20 == 3 ? 2.5 : 0.6 + random.nextDouble() * 0.8;
            regular.add(school(i, SchoolType.BAO, board, factor, day));
        }
        String special = board(++boardNo, day);
        for (int i = 0; i < settings.sboSchools(); i++) {
            sbo.add(school(settings.regularSchools() + i, SchoolType.SBO, special, 0, day));
        }
        for (int i = 0; i < settings.soSchools(); i++) {
            so.add(school(settings.regularSchools() + settings.sboSchools() + i, SchoolType.SO, special, 0, day));
        }
    }

    private String board(int number, LocalDate day) {
        String code = String.format("%s-B%02d", settings.swvCode(), number);
        add(EventType.BOARD_REGISTERED, code, null, new BoardChanged(code, LocalDate.of(2014, 8, 1)), day);
        return code;
    }

    private School school(int index, SchoolType type, String board, double referralFactor, LocalDate day) {
        // BRIN-like and all digits: 4 digits for the SWV and the hundreds, 2 for the "vestiging"
        String code = String.format("%04d%02d", (settings.swvIndex() * 3 + index / 100) % 10_000, index % 100);
        School school = new School(code, type, board, referralFactor, 0.4 + random.nextDouble() * 1.6);
        add(EventType.SCHOOL_REGISTERED, code, code, new SchoolChanged(code, type, board, settings.swvCode(),
                LocalDate.of(2014, 8, 1)), day);
        truth.school(code, type, board);
        return school;
    }

    private void population(LocalDate day) {
        int inSbo = (int) Math.round(settings.pupils() * SBO_SHARE);
        int inSo = (int) Math.round(settings.pupils() * SO_SHARE);
        double weights = regular.stream().mapToDouble(s -> s.size).sum();
        int placed = 0;
        for (int i = 0; i < regular.size(); i++) {
            School school = regular.get(i);
            int n = i == regular.size() - 1 ? settings.pupils() - inSbo - inSo - placed
                    : (int) Math.round((settings.pupils() - inSbo - inSo) * school.size / weights);
            placed += n;
            for (int k = 0; k < n; k++) {
                Pupil pupil = historicPupil(school, day);
                historicLevel(pupil, day);
            }
        }
        for (int k = 0; k < inSbo; k++) {
            Pupil pupil = historicPupil(pick(sbo), day);
            tlv(pupil, pick(regular).code, TlvCategory.SBO, settings.swvCode(), pupil.enrolledOn.minusDays(20), pupil.enrolledOn.minusDays(60));
        }
        for (int k = 0; k < inSo; k++) {
            Pupil pupil = historicPupil(pick(so), day);
            // one in seven SO pupils here came with a TLV of the neighbouring SWV, which pays for them
            String issuing = random.nextInt(7) == 0 ? settings.otherSwvCode() : settings.swvCode();
            TlvCategory category = List.of(TlvCategory.SO_LOW, TlvCategory.SO_MEDIUM, TlvCategory.SO_HIGH).get(random.nextInt(3));
            tlv(pupil, pick(regular).code, category, issuing, pupil.enrolledOn.minusDays(20), pupil.enrolledOn.minusDays(60));
        }
    }

    private Pupil historicPupil(School school, LocalDate importDay) {
        int group = 1 + random.nextInt(8);
        // started in group 1 (or later, from elsewhere) in one of the years before the import
        LocalDate since = schoolDay(LocalDate.of(importDay.getYear() - 1 - random.nextInt(group), 8, 20), 300);
        Pupil pupil = new Pupil(id(), school, group);
        enrol(pupil, school, since);
        return pupil;
    }

    /** A third of regular pupils already have some support, recorded as it was reached. */
    private void historicLevel(Pupil pupil, LocalDate importDay) {
        int roll = random.nextInt(100);
        SupportLevel level = roll < 66 ? SupportLevel.LEVEL_1 : roll < 88 ? SupportLevel.LEVEL_2
                : roll < 97 ? SupportLevel.LEVEL_3 : SupportLevel.LEVEL_4;
        if (level == SupportLevel.LEVEL_1) {
            return;
        }
        LocalDate since = latest(pupil.enrolledOn.plusDays(30), importDay.minusDays(30 + random.nextInt(300)));
        level(pupil, level, since);
        if (level == SupportLevel.LEVEL_4) {
            LocalDate drafted = since.plusDays(10);
            LocalDate established = drafted.plusDays(21 + random.nextInt(14));
            plan(pupil, drafted, established.isBefore(importDay) ? established : null);
        }
    }

    // ---- one school year ---------------------------------------------------------------------------

    private void schoolYear(int y) {
        LocalDate first = LocalDate.of(y, 8, 1);
        LocalDate start = schoolDay(LocalDate.of(y, 8, 20), 10);
        LocalDate end = LocalDate.of(y + 1, 7, 10);
        erasures(first, LocalDate.of(y + 1, 7, 31));
        List<Pupil> atRegular = new ArrayList<>();
        regular.forEach(s -> atRegular.addAll(s.pupils));
        for (Pupil pupil : atRegular) {
            yearOfSupport(pupil, start, end);
            // two in a hundred move to another school, a few go abroad, and a few end up at home
            LocalDate day = dayBetween(start, end);
            int roll = random.nextInt(10_000);
            if (roll < 200) {
                move(pupil, pick(regular), day);
            } else if (roll < 240) {
                leave(pupil, LeavingDestination.MOVED_ABROAD, null, day);
            } else if (roll < 246) {
                thuiszitter(pupil, day, end);
            }
        }
        for (School school : regular) {
            referrals(school, start, end);
            meetings(school, start, end);
        }
        intake(start, end);
        // the summer: group 8 leaves for VO, everyone else moves up a group
        for (Pupil pupil : allPupils()) {
            if (pupil.group == 8) {
                leave(pupil, LeavingDestination.VO, null, end);
            } else {
                pupil.group++;
                pupil.discussed = 0;
            }
        }
    }

    private void yearOfSupport(Pupil pupil, LocalDate start, LocalDate end) {
        int roll = random.nextInt(100);
        LocalDate day = dayBetween(start, end.minusDays(90));
        switch (pupil.level) {
            case LEVEL_1 -> {
                if (roll < 20) {
                    level(pupil, SupportLevel.LEVEL_2, day);
                }
            }
            case LEVEL_2 -> {
                if (roll < 20) {
                    level(pupil, SupportLevel.LEVEL_3, day);
                } else if (roll < 40) {
                    level(pupil, SupportLevel.LEVEL_1, day);
                }
            }
            case LEVEL_3 -> {
                if (roll < 18) {
                    reachLevel4(pupil, day);
                } else if (roll < 33) {
                    level(pupil, SupportLevel.LEVEL_2, day);
                }
            }
            case LEVEL_4 -> {
                if (roll < 8) {
                    level(pupil, SupportLevel.LEVEL_3, day);
                    closePlan(pupil, OppCloseReason.NO_LONGER_NEEDED, day);
                }
            }
        }
        if (pupil.level != SupportLevel.LEVEL_1) {
            for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                intervention(pupil, dayBetween(start, end.minusDays(60)), end);
            }
        }
        if (pupil.plan != null && pupil.planEstablished != null) {
            evaluation(pupil, start, end);
        }
        if (pupil.level == SupportLevel.LEVEL_4 && random.nextInt(10) < 3) {
            arrangement(pupil, dayBetween(start, end.minusDays(120)), end);
        }
    }

    private void reachLevel4(Pupil pupil, LocalDate day) {
        level(pupil, SupportLevel.LEVEL_4, day);
        // the OPP is drafted in one to six weeks and established four to nine weeks after that
        LocalDate drafted = day.plusDays(7 + random.nextInt(35));
        LocalDate established = drafted.plusDays(28 + random.nextInt(35));
        if (drafted.isAfter(day.plusDays(14))) {
            add(EventType.SUPPORT_SIGNAL_RAISED, pupil, new SupportSignal(pupil.id, pupil.school.code,
                    SupportSignalKind.LEVEL_4_WITHOUT_OPP, null, day, day.plusDays(14)), day.plusDays(14));
            add(EventType.SUPPORT_SIGNAL_RESOLVED, pupil, new SupportSignal(pupil.id, pupil.school.code,
                    SupportSignalKind.LEVEL_4_WITHOUT_OPP, null, day, established), established);
        }
        plan(pupil, drafted, established);
    }

    /** An OPP drafted, discussed with the parents, consented to and established (or still open). */
    private void plan(Pupil pupil, LocalDate drafted, LocalDate established) {
        UUID plan = id();
        pupil.plan = plan;
        pupil.expected = pick(List.of(ExpectedDestination.values()));
        String school = pupil.school.code;
        add(EventType.OPP_DRAFTED, pupil, opp(plan, pupil, OppStatus.DRAFT, drafted), drafted);
        LocalDate dialogue = drafted.plusDays(7);
        add(EventType.OPP_IN_DIALOGUE, pupil, opp(plan, pupil, OppStatus.IN_DIALOGUE, dialogue), dialogue);
        UUID request = id();
        SubjectRef subject = new SubjectRef(ConsentSubjectType.OPP, plan, 1);
        add(EventType.OPP_CONSENT_REQUESTED, pupil, new ConsentRequested(request, ConsentPurpose.OPP_ACTION_PART,
                pupil.id, school, subject, dialogue), dialogue);
        if (established == null) {
            return;
        }
        LocalDate consented = established.minusDays(3);
        add(EventType.CONSENT_DECIDED, pupil, new ConsentDecided(request, ConsentPurpose.OPP_ACTION_PART, pupil.id, school,
                subject, ConsentOutcome.GRANTED, consented), consented);
        add(EventType.OPP_CONSENTED, pupil, opp(plan, pupil, OppStatus.CONSENTED, consented), consented);
        add(EventType.OPP_ESTABLISHED, pupil, opp(plan, pupil, OppStatus.ESTABLISHED, established), established);
        LocalDate due = drafted.plusWeeks(6);
        if (established.isAfter(due)) {
            add(EventType.OPP_OVERDUE, pupil, new OppOverdue(pupil.id, school, plan, OppDueKind.ESTABLISHMENT, due, due), due);
            add(EventType.OPP_OVERDUE_RESOLVED, pupil, new OppOverdue(pupil.id, school, plan, OppDueKind.ESTABLISHMENT, due,
                    established), established);
        }
        pupil.planEstablished = established;
    }

    /** The yearly evaluation, one in twenty late enough to raise a signal first. */
    private void evaluation(Pupil pupil, LocalDate start, LocalDate end) {
        LocalDate due = pupil.planEstablished.plusYears(1);
        while (due.isBefore(start)) {
            due = due.plusYears(1);
        }
        if (due.isAfter(end)) {
            return;
        }
        LocalDate evaluated = random.nextInt(20) == 0 ? due.plusDays(20 + random.nextInt(30)) : due.minusDays(random.nextInt(14));
        if (evaluated.isAfter(due)) {
            add(EventType.OPP_OVERDUE, pupil, new OppOverdue(pupil.id, pupil.school.code, pupil.plan, OppDueKind.EVALUATION,
                    due, due), due);
            add(EventType.OPP_OVERDUE_RESOLVED, pupil, new OppOverdue(pupil.id, pupil.school.code, pupil.plan,
                    OppDueKind.EVALUATION, due, evaluated), evaluated);
        }
        add(EventType.OPP_EVALUATED, pupil, opp(pupil.plan, pupil, OppStatus.EVALUATED, evaluated), evaluated);
        pupil.planEstablished = evaluated;
    }

    private void closePlan(Pupil pupil, OppCloseReason reason, LocalDate day) {
        if (pupil.plan != null) {
            add(EventType.OPP_CLOSED, pupil, new OppChanged(pupil.plan, pupil.id, pupil.school.code, 1, OppStatus.CLOSED,
                    pupil.expected, reason, day), day);
            pupil.plan = null;
            pupil.planEstablished = null;
        }
    }

    private OppChanged opp(UUID plan, Pupil pupil, OppStatus status, LocalDate day) {
        return new OppChanged(plan, pupil.id, pupil.school.code, 1, status, pupil.expected, null, day);
    }

    private void intervention(Pupil pupil, LocalDate start, LocalDate yearEnd) {
        UUID id = id();
        SupportDomain domain = pick(List.of(SupportDomain.values()));
        InterventionKind kind = pick(List.of(InterventionKind.values()));
        add(EventType.INTERVENTION_RECORDED, pupil, new InterventionChanged(id, pupil.id, pupil.school.code, domain,
                pupil.level, kind, start, null, null, start), start);
        LocalDate end = start.plusWeeks(6 + random.nextInt(7));
        if (end.isBefore(yearEnd)) {
            add(EventType.INTERVENTION_EVALUATED, pupil, new InterventionChanged(id, pupil.id, pupil.school.code, domain,
                    pupil.level, kind, start, end, pick(List.of(InterventionEffect.values())), end), end);
        }
    }

    private void arrangement(Pupil pupil, LocalDate start, LocalDate yearEnd) {
        UUID meeting = id();
        discuss(pupil, meeting, MeetingType.BOT, start.minusDays(14), CaseDecision.START_ARRANGEMENT);
        UUID id = id();
        ArrangementKind kind = pick(List.of(ArrangementKind.INDIVIDUAL_SUPPORT, ArrangementKind.EDUCATION_ARRANGEMENT,
                ArrangementKind.EXPERTISE));
        add(EventType.ARRANGEMENT_STARTED, pupil, new ArrangementChanged(id, pupil.id, pupil.school.code, kind,
                FundingSource.SWV, start, null, start), start);
        if (random.nextBoolean()) {
            add(EventType.ARRANGEMENT_ENDED, pupil, new ArrangementChanged(id, pupil.id, pupil.school.code, kind,
                    FundingSource.SWV, start, yearEnd, yearEnd), yearEnd);
        }
    }

    /** The school's referrals this year, chosen among its pupils with the most support. */
    private void referrals(School school, LocalDate start, LocalDate end) {
        double expected = school.pupils.size() * REFERRAL_RATE * school.referralFactor;
        int n = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
        List<Pupil> candidates = new ArrayList<>(school.pupils);
        candidates.sort(Comparator.comparing((Pupil p) -> p.level).reversed());
        for (int i = 0; i < n && i < candidates.size(); i++) {
            Pupil pupil = candidates.get(i);
            LocalDate earliest = latest(start.plusDays(40), pupil.enrolledOn.plusDays(60));
            if (earliest.isAfter(end)) {
                continue; // only just arrived: not referred this year
            }
            LocalDate left = dayBetween(earliest, end);
            TlvCategory category = random.nextInt(2) == 0 ? TlvCategory.SBO
                    : List.of(TlvCategory.SO_LOW, TlvCategory.SO_MEDIUM, TlvCategory.SO_HIGH).get(random.nextInt(3));
            discuss(pupil, id(), MeetingType.BOT, left.minusDays(45), CaseDecision.REQUEST_TLV);
            tlv(pupil, school.code, category, settings.swvCode(), left.minusDays(20), left.minusDays(40));
            if (random.nextInt(30) == 0) {
                continue; // granted, but no place yet: the "TLV without a place" signal
            }
            closePlan(pupil, OppCloseReason.PUPIL_LEFT, left);
            boolean toSbo = category == TlvCategory.SBO;
            move(pupil, pick(toSbo ? sbo : so), left);
        }
    }

    /** Six school support team meetings a year, each discussing a few pupils with support. */
    private void meetings(School school, LocalDate start, LocalDate end) {
        List<Pupil> withSupport = school.pupils.stream().filter(p -> p.level.ordinal() >= SupportLevel.LEVEL_2.ordinal())
                .toList();
        if (withSupport.isEmpty()) {
            return;
        }
        for (int m = 0; m < 6; m++) {
            LocalDate day = dayBetween(start.plusDays(m * 50L), start.plusDays(m * 50L + 30));
            if (day.isAfter(end)) {
                break;
            }
            UUID meeting = id();
            int named = 0;
            int anonymous = 0;
            for (int i = 0, n = 2 + school.pupils.size() / 120; i < n; i++) {
                Pupil pupil = pick(withSupport);
                if (pupil.school != school) {
                    continue;
                }
                if (discuss(pupil, meeting, MeetingType.SCHOOL_SUPPORT_TEAM, day, CaseDecision.OBSERVE)) {
                    named++;
                } else {
                    anonymous++;
                }
            }
            add(EventType.MEETING_HELD, meeting.toString(), school.code, new MeetingHeld(meeting, school.code,
                    MeetingType.SCHOOL_SUPPORT_TEAM, named, anonymous, day), day);
        }
    }

    /** A case in a meeting: by name if the parents consent (nineteen in twenty do), else anonymously. */
    private boolean discuss(Pupil pupil, UUID meeting, MeetingType type, LocalDate day, CaseDecision decision) {
        UUID caseId = id();
        String school = pupil.school.code;
        UUID request = id();
        SubjectRef subject = new SubjectRef(ConsentSubjectType.MEETING_CASE, caseId, 1);
        LocalDate asked = day.minusDays(10);
        add(EventType.TEAM_CONSENT_REQUESTED, pupil, new ConsentRequested(request, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM,
                pupil.id, school, subject, asked), asked);
        boolean named = random.nextInt(20) != 0;
        add(EventType.CONSENT_DECIDED, pupil, new ConsentDecided(request, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, pupil.id,
                school, subject, named ? ConsentOutcome.GRANTED : ConsentOutcome.REFUSED, day.minusDays(3)), day.minusDays(3));
        UUID pupilId = named ? pupil.id : null;
        String key = named ? pupil.id.toString() : caseId.toString();
        add(EventType.CASE_DISCUSSED, key, school, new CaseDiscussed(caseId, meeting, pupilId, school, type, named, day), day);
        add(EventType.CASE_DECISION_RECORDED, key, school, new CaseDecisionRecorded(caseId, meeting, pupilId, school, type,
                decision, day), day);
        if (named && ++pupil.discussed == 3) {
            add(EventType.TEAM_SIGNAL_RAISED, pupil, new TeamSignal(pupil.id, school, TeamSignalKind.DISCUSSED_REPEATEDLY,
                    null, day, day), day);
        }
        return named;
    }

    /** Four-year-olds start throughout the year, one group 1 of intake for every eight pupils. */
    private void intake(LocalDate start, LocalDate end) {
        int n = settings.pupils() / 8;
        double weights = regular.stream().mapToDouble(s -> s.size).sum();
        for (int i = 0; i < n; i++) {
            double at = random.nextDouble() * weights;
            School school = regular.get(regular.size() - 1);
            for (School s : regular) {
                at -= s.size;
                if (at < 0) {
                    school = s;
                    break;
                }
            }
            enrol(new Pupil(id(), school, 1), school, dayBetween(start, end.minusDays(20)));
        }
    }

    private void thuiszitter(Pupil pupil, LocalDate day, LocalDate end) {
        leave(pupil, LeavingDestination.NONE_AT_HOME, null, day);
        LocalDate back = day.plusDays(60 + random.nextInt(120));
        if (random.nextBoolean() && back.isBefore(end)) {
            erasures.remove(pupil);
            enrol(pupil, pick(regular), back);
        }
    }

    // ---- the facts, each as its event ---------------------------------------------------------------

    private void enrol(Pupil pupil, School school, LocalDate day) {
        pupil.school = school;
        pupil.enrolment = id();
        pupil.enrolledOn = day;
        school.pupils.add(pupil);
        add(EventType.PUPIL_ENROLLED, pupil, new PupilEnrolled(pupil.id, pupil.enrolment, school.code, pupil.group, day), day);
    }

    private void leave(Pupil pupil, LeavingDestination destination, School to, LocalDate day) {
        School from = pupil.school;
        add(EventType.PUPIL_LEFT, pupil, new PupilLeft(pupil.id, pupil.enrolment, from.code, destination,
                to == null ? null : to.code, day), day);
        truth.span(new Truth.Span(pupil.id, from.code, pupil.enrolledOn, day, destination));
        from.pupils.remove(pupil);
        if (to == null) {
            closePlan(pupil, OppCloseReason.PUPIL_LEFT, day);
            pupil.school = null;
            pupil.lastSchool = from.code;
            pupil.leftOn = day;
            erasures.add(pupil);
        }
    }

    private void move(Pupil pupil, School to, LocalDate day) {
        if (to == pupil.school) {
            return;
        }
        LeavingDestination destination = switch (to.type) {
            case BAO -> LeavingDestination.BAO;
            case SBO -> LeavingDestination.SBO;
            case SO -> LeavingDestination.SO;
        };
        leave(pupil, destination, to, day);
        enrol(pupil, to, day);
    }

    private void level(Pupil pupil, SupportLevel level, LocalDate day) {
        UUID change = id();
        SupportLevel previous = pupil.level;
        add(EventType.SUPPORT_LEVEL_CHANGED, pupil, new SupportLevelChanged(change, pupil.id, pupil.school.code, level,
                level == SupportLevel.LEVEL_4 ? SupportCategory.EXTRA : SupportCategory.BASIC, previous,
                List.of(pick(List.of(SupportDomain.values()))), null, day), day);
        pupil.level = level;
    }

    private void tlv(Pupil pupil, String school, TlvCategory category, String issuing, LocalDate decided, LocalDate requested) {
        UUID tlv = id();
        String from = school;
        TlvTarget target = category.target();
        add(EventType.TLV_REQUESTED, pupil, new TlvChanged(tlv, pupil.id, from, issuing, target, null, null, null, null,
                null, requested), requested);
        add(EventType.TLV_DECIDED, pupil, new TlvChanged(tlv, pupil.id, from, issuing, target, TlvOutcome.GRANTED, category,
                issuing, decided, decided.plusYears(target == TlvTarget.SBO ? 4 : 8), decided), decided);
        if (target == TlvTarget.SO) {
            truth.soTlv(pupil.id, issuing);
        }
    }

    /** Pupils gone from every school long enough ago are erased in the year their retention ends. */
    private void erasures(LocalDate first, LocalDate last) {
        List<Pupil> due = erasures.stream().filter(p -> !p.leftOn.plusYears(RETENTION_YEARS).isAfter(last)).toList();
        for (Pupil pupil : due) {
            LocalDate day = latest(first, pupil.leftOn.plusYears(RETENTION_YEARS));
            add(EventType.PUPIL_ERASED, pupil.id.toString(), pupil.lastSchool, new PupilErased(pupil.id, pupil.lastSchool,
                    day), day);
            truth.erased(pupil.id);
        }
        erasures.removeAll(new HashSet<>(due));
    }

    // ---- events, in order of their business date ------------------------------------------------------

    private record Pending(LocalDate day, long sequence, EventType type, String key, String school, EventPayload payload) {
    }

    private void add(EventType type, Pupil pupil, EventPayload payload, LocalDate day) {
        add(type, pupil.id.toString(), pupil.school == null ? null : pupil.school.code, payload, day);
    }

    private void add(EventType type, String key, String school, EventPayload payload, LocalDate day) {
        pending.add(new Pending(day, sequence++, type, key, school, payload));
    }

    /** Sends what is pending in business-date order, recorded no earlier than {@code notBefore}. */
    private void emit(LocalDate notBefore) {
        pending.sort(Comparator.comparing(Pending::day).thenComparingLong(Pending::sequence));
        LocalDate previous = null;
        int inDay = 0;
        for (Pending p : pending) {
            LocalDate recordedOn = latest(p.day(), notBefore);
            inDay = recordedOn.equals(previous) ? inDay + 1 : 0;
            previous = recordedOn;
            OffsetDateTime time = recordedOn.atTime(8, 0).atOffset(ZoneOffset.UTC).plusNanos(inDay * 1_000_000L);
            EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, id().toString(),
                    Topics.source(Topics.writer(p.type().topic())), p.type().type(), time, p.key(), p.school(),
                    EventEnvelope.CONTENT_TYPE, EventJson.mapper().valueToTree(p.payload()));
            sink.accept(new GeneratedEvent(p.type().topic(), p.key(), EventJson.write(envelope)));
            truth.counted(p.type().type());
        }
        pending.clear();
    }


    // ---- small helpers -----------------------------------------------------------------------------------

    private List<Pupil> allPupils() {
        List<Pupil> all = new ArrayList<>();
        for (List<School> schools : List.of(regular, sbo, so)) {
            schools.forEach(s -> all.addAll(s.pupils));
        }
        return all;
    }

    private UUID id() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private LocalDate dayBetween(LocalDate from, LocalDate to) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        return schoolDay(from.plusDays(random.nextLong(days)), 0);
    }

    /** The day itself on a weekday, else the next Monday (then at most {@code spread} days later). */
    private LocalDate schoolDay(LocalDate day, int spread) {
        LocalDate d = spread > 0 ? day.plusDays(random.nextInt(spread)) : day;
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.plusDays(2);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static final class School {
        final String code;
        final SchoolType type;
        final String board;
        final double referralFactor;
        final double size;
        final List<Pupil> pupils = new ArrayList<>();

        School(String code, SchoolType type, String board, double referralFactor, double size) {
            this.code = code;
            this.type = type;
            this.board = board;
            this.referralFactor = referralFactor;
            this.size = size;
        }
    }

    private static final class Pupil {
        final UUID id;
        School school;
        UUID enrolment;
        LocalDate enrolledOn;
        String lastSchool;
        LocalDate leftOn;
        int group;
        SupportLevel level = SupportLevel.LEVEL_1;
        UUID plan;
        ExpectedDestination expected;
        LocalDate planEstablished;
        int discussed;

        Pupil(UUID id, School school, int group) {
            this.id = id;
            this.school = school;
            this.group = group;
        }
    }
}
