package nl.passend.team.domain;

import static nl.passend.platform.problem.RuleViolation.Kind.CONTENT;
import static nl.passend.platform.problem.RuleViolation.Kind.STATE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.platform.problem.RuleViolation;

/** The rules of meetings, cases, arrangements and TLVs, as plain functions. */
public final class TeamRules {

    private TeamRules() {
    }

    /**
     * A meeting has at least one member; parents and the pupil take part as participants, never as
     * members; the SWV consultant comes from outside the school; a BOT meets with the SWV.
     */
    public static void checkAttendees(MeetingType type, List<Attendee> attendees) {
        if (attendees.stream().noneMatch(a -> a.function().member())) {
            throw new RuleViolation(CONTENT, "no-members", "a meeting needs at least one member of the team");
        }
        for (Attendee a : attendees) {
            if (a.function() == AttendeeFunction.SWV_CONSULTANT && !a.outsideSchool()) {
                throw new RuleViolation(CONTENT, "swv-consultant-inside-school",
                        "the SWV consultant takes part from outside the school (outsideSchool must be true)");
            }
        }
        if (type == MeetingType.BOT && attendees.stream().noneMatch(a -> a.function() == AttendeeFunction.SWV_CONSULTANT)) {
            throw new RuleViolation(CONTENT, "bot-without-swv",
                    "a BOT (BreedOverlegTeam) meets with the SWV: add the SWV consultant");
        }
    }

    public static boolean outsidersPresent(List<Attendee> attendees) {
        return attendees.stream().anyMatch(Attendee::outsideSchool);
    }

    /**
     * Whether a case may be named: it was put on the agenda by name and, with anyone from outside the
     * school taking part, the parents' DISCUSS_IN_SUPPORT_TEAM consent is GRANTED. After REFUSED,
     * EXPIRED or WITHDRAWN it stays anonymous.
     */
    public static boolean mayBeNamed(boolean byName, boolean outsidersPresent, ConsentOutcome consent) {
        return byName && (!outsidersPresent || consent == ConsentOutcome.GRANTED);
    }

    /** Recording a case as discussed by name when it may not be named is refused. */
    public static void checkDiscussedAs(boolean named, boolean byName, boolean outsidersPresent, ConsentOutcome consent) {
        if (!named || mayBeNamed(byName, outsidersPresent, consent)) {
            return;
        }
        if (!byName) {
            throw new RuleViolation(STATE, "case-is-anonymous",
                    "the case was put on the agenda anonymously; it cannot be recorded as discussed by name");
        }
        throw new RuleViolation(STATE, "consent-required", "the case may be named only with the parents' consent to"
                + " discuss it with people from outside the school (consent is " + (consent == null ? "not asked" : consent)
                + "); record it as discussed anonymously");
    }

    /** At least one decision, each once; NO_ACTION excludes the others. */
    public static void checkDecisions(List<CaseDecision> decisions) {
        if (decisions.isEmpty()) {
            throw new RuleViolation(CONTENT, "no-decision", "an outcome has at least one decision (NO_ACTION when none)");
        }
        Set<CaseDecision> distinct = EnumSet.copyOf(decisions);
        if (distinct.size() != decisions.size()) {
            throw new RuleViolation(CONTENT, "duplicate-decision", "each decision is listed once");
        }
        if (distinct.contains(CaseDecision.NO_ACTION) && distinct.size() > 1) {
            throw new RuleViolation(CONTENT, "no-action-with-others", "NO_ACTION cannot be combined with other decisions");
        }
    }

    /** An action item falls due on or after the meeting it came from. */
    public static void checkDue(LocalDate dueOn, LocalDate meetingDate) {
        if (dueOn.isBefore(meetingDate)) {
            throw new RuleViolation(CONTENT, "due-before-meeting",
                    "an action item's due date (" + dueOn + ") cannot be before the meeting (" + meetingDate + ")");
        }
    }

    /** The outcome of a case is recorded once the meeting's day has come. */
    public static void checkMeetingHeld(LocalDate meetingDate, LocalDate today) {
        if (meetingDate.isAfter(today)) {
            throw new RuleViolation(STATE, "meeting-not-yet-held",
                    "the meeting is on " + meetingDate + "; its outcome can be recorded from that day");
        }
    }

    public static void checkPeriod(LocalDate start, LocalDate end) {
        if (end != null && end.isBefore(start)) {
            throw new RuleViolation(CONTENT, "end-before-start", "the end (" + end + ") is before the start (" + start + ")");
        }
    }

    /** A new advice is by another expert than every advice the request has. */
    public static void checkNewAdvice(List<TlvAdvice> existing, TlvAdvice advice) {
        for (TlvAdvice a : existing) {
            if (a.sameExpert(advice)) {
                throw new RuleViolation(CONTENT, "same-expert",
                        "the request already has an advice by this expert; the two advices come from two different experts");
            }
        }
    }

    /**
     * Two written advices by two different experts, at least one of them an orthopedagoog or
     * psycholoog, before a TLV is submitted or decided.
     */
    public static void checkAdvices(List<TlvAdvice> advices) {
        if (advices.size() < 2) {
            throw new RuleViolation(CONTENT, "too-few-advices",
                    "a TLV needs two written advices by two different experts; the request has " + advices.size());
        }
        for (int i = 0; i < advices.size(); i++) {
            for (int j = i + 1; j < advices.size(); j++) {
                if (advices.get(i).sameExpert(advices.get(j))) {
                    throw new RuleViolation(CONTENT, "same-expert", "two advices are by the same expert");
                }
            }
        }
        if (advices.stream().noneMatch(a -> a.discipline().orthopedagoogOrPsycholoog())) {
            throw new RuleViolation(CONTENT, "no-orthopedagoog-or-psycholoog",
                    "at least one advice must be by an orthopedagoog or psycholoog");
        }
    }

    /** The SWV's decision: granted with a category fitting the request, a start and a later end; or refused with a reason. */
    public static void checkTlvDecision(TlvTarget target, TlvOutcome outcome, TlvCategory category, LocalDate start,
            LocalDate end, String reason) {
        if (outcome == TlvOutcome.GRANTED) {
            if (category == null || start == null || end == null) {
                throw new RuleViolation(CONTENT, "incomplete-decision",
                        "a granted TLV has a category, a start date and an end date");
            }
            if (category.target() != target) {
                throw new RuleViolation(CONTENT, "category-mismatch",
                        "the request is for " + target + "; category " + category + " is not");
            }
            if (!end.isAfter(start)) {
                throw new RuleViolation(CONTENT, "end-before-start",
                        "the TLV's end (" + end + ") must be after its start (" + start + ")");
            }
        } else {
            if (reason == null || reason.isBlank()) {
                throw new RuleViolation(CONTENT, "reason-required", "a refusal states its reason");
            }
            if (category != null || start != null || end != null) {
                throw new RuleViolation(CONTENT, "refusal-with-category",
                        "a refused TLV has no category, start or end date");
            }
        }
    }

    /** An objection is lodged on or after the decision and within the objection period (6 weeks). */
    public static void checkObjection(LocalDate decidedOn, LocalDate lodgedOn, java.time.Period period) {
        if (lodgedOn.isBefore(decidedOn)) {
            throw new RuleViolation(CONTENT, "objection-before-decision", "an objection comes after the decision of " + decidedOn);
        }
        if (lodgedOn.isAfter(decidedOn.plus(period))) {
            throw new RuleViolation(STATE, "objection-period-over",
                    "an objection was possible until " + decidedOn.plus(period));
        }
    }

    /** One discussion of a pupil: when, and what was decided. */
    public record Discussion(LocalDate on, Set<CaseDecision> decisions) {
        boolean changesApproach() {
            return decisions.stream().anyMatch(CaseDecision::changesApproach);
        }
    }

    /**
     * The basic-support standard's benchmark on the school's support arrangement (see docs/glossary.md,
     * "ijkpunt"): a pupil discussed {@code threshold} times or more within the window
     * without a decision that changes the approach. Only discussions after the last one that did
     * change it count. Returns the day the threshold was reached.
     */
    public static Optional<LocalDate> discussedRepeatedly(List<Discussion> discussions, LocalDate today, int threshold,
            java.time.Period window) {
        LocalDate from = today.minus(window);
        List<Discussion> recent = new ArrayList<>(discussions.stream()
                .filter(d -> d.on().isAfter(from) && !d.on().isAfter(today)).toList());
        // on one day a change of approach comes last: it is what that day ended with
        recent.sort(Comparator.comparing(Discussion::on).thenComparing(Discussion::changesApproach));
        List<Discussion> counted = new ArrayList<>();
        for (Discussion d : recent) {
            if (d.changesApproach()) {
                counted.clear();
            } else {
                counted.add(d);
            }
        }
        return counted.size() >= threshold ? Optional.of(counted.get(threshold - 1).on()) : Optional.empty();
    }

    /** Overdue: not done and its due date passed. */
    public static boolean overdue(LocalDate dueOn, LocalDate doneOn, LocalDate today) {
        return doneOn == null && dueOn.isBefore(today);
    }
}
