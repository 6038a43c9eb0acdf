package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;
import nl.passend.team.domain.ActionItem;
import nl.passend.team.domain.AttendeeFunction;
import nl.passend.team.domain.CaseAsOf;
import nl.passend.team.domain.CaseAsOf.CaseState;
import nl.passend.team.domain.Meeting;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.messaging.TeamEvents;
import nl.passend.team.persistence.ActionItemRepository;
import nl.passend.team.persistence.CaseConsentDecisionRepository;
import nl.passend.team.persistence.MeetingRepository;
import nl.passend.team.persistence.TeamCaseRepository;
import nl.passend.team.service.Views.CaseAsOfView;
import nl.passend.team.service.Views.CaseView;

/**
 * Cases on a meeting's agenda and their outcome. A case put on the agenda by name while anyone from
 * outside the school takes part asks the parents' DISCUSS_IN_SUPPORT_TEAM consent; until it is
 * GRANTED the case is discussed and shown anonymously. An ASSESS decision asks ASSESSMENT consent.
 */
@ApplicationScoped
public class CaseService {

    @Inject
    PupilAccess access;

    @Inject
    Clock clock;

    @Inject
    TeamCaseRepository cases;

    @Inject
    MeetingRepository meetings;

    @Inject
    ActionItemRepository actionItems;

    @Inject
    CaseConsentDecisionRepository consentDecisions;

    @Inject
    TeamGuard guard;

    @Inject
    TeamEvents events;

    @Inject
    AuditLog audit;

    public record NewCase(UUID pupilId, String question, boolean byName) {
    }

    public record NewActionItem(String description, AttendeeFunction ownerFunction, LocalDate dueOn) {
    }

    public record Outcome(boolean named, String discussion, String advice, List<CaseDecision> decisions,
            List<NewActionItem> actionItems) {
    }

    /** Puts a pupil of the meeting's school on its agenda (the school's staff). */
    @Transactional
    public CaseView add(UUID meetingId, NewCase in) {
        Meeting meeting = meetings.lock(meetingId).orElseThrow(() -> Problems.notFound("meeting " + meetingId));
        guard.meeting(meeting);
        String role = guard.pupil(in.pupilId(), TeamGuard.STAFF);
        DirectoryPupil pupil = guard.knownPupil(in.pupilId());
        if (!pupil.schoolCode.equals(meeting.schoolCode) || !access.stillThere(pupil)) {
            throw Problems.unprocessable("pupil-not-at-school",
                    "the pupil is not a pupil of " + meeting.schoolCode + ", whose meeting this is");
        }
        if (meeting.held) {
            throw Problems.conflict("meeting-held", "the meeting was held; put the pupil on the agenda of another one");
        }
        if (cases.onAgenda(meetingId, in.pupilId())) {
            throw Problems.conflict("already-on-agenda", "the pupil is already on this meeting's agenda");
        }
        TeamCase c = new TeamCase();
        c.id = UUID.randomUUID();
        c.meetingId = meetingId;
        c.schoolCode = meeting.schoolCode;
        c.pupilId = in.pupilId();
        c.question = in.question();
        c.byName = in.byName();
        c.createdBy = guard.subject();
        c.createdRole = role;
        c.createdAt = Instant.now(clock);
        if (c.byName && meeting.outsidersPresent()) {
            c.consentRequestId = UUID.randomUUID();
            c.consentOutcome = ConsentOutcome.OPEN;
        }
        cases.persist(c); // after every field: an assigned-id entity is inserted as it is at persist
        if (c.consentRequestId != null) {
            events.consentRequested(c, c.consentRequestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, LocalDate.now(clock));
        }
        audit.record(c.pupilId, role, "team.case.create", c.byName ? "by name" : "anonymous");
        return view(c, meeting, role);
    }

    /**
     * Asks the parents' consent for a named case now that someone from outside the school takes part;
     * audited under the role in which the caller changed the meeting.
     */
    void askToDiscuss(TeamCase c, String role) {
        c.consentRequestId = UUID.randomUUID();
        c.consentOutcome = ConsentOutcome.OPEN;
        c.consentOutcomeOn = null;
        events.consentRequested(c, c.consentRequestId, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, LocalDate.now(clock));
        audit.record(c.pupilId, role, "team.case.consent-requested", "someone from outside the school takes part");
    }

    @Transactional
    public CaseView get(UUID caseId) {
        TeamCase c = cases.findByIdOptional(caseId).orElseThrow(() -> Problems.notFound("case " + caseId));
        Meeting meeting = meetings.findById(c.meetingId);
        String role = guard.caseRole(c, meeting).orElseThrow(() -> Problems.notFound("case " + caseId));
        audit.record(c.pupilId, role, "team.case.read");
        return view(c, meeting, role);
    }

    /**
     * The cases about one pupil: the school's staff see those of their school, the parents those
     * discussed, the SWV consultant only those named in a BOT of their SWV.
     */
    @Transactional
    public List<CaseView> ofPupil(UUID pupilId) {
        guard.knownPupil(pupilId);
        List<CaseView> views = new ArrayList<>();
        Optional<String> reader = guard.pupilRole(pupilId, TeamGuard.STAFF).or(() -> guard.pupilRole(pupilId, Roles.PARENT));
        boolean any = reader.isPresent();
        for (TeamCase c : cases.ofPupil(pupilId)) {
            Meeting meeting = meetings.findById(c.meetingId);
            String role = guard.caseRole(c, meeting).orElse(null);
            if (role == null) {
                continue;
            }
            CaseView view = view(c, meeting, role);
            if (role.equals(Roles.SWV_CONSULTANT) && !view.named()) {
                continue; // an anonymous case is never linked to the pupil for someone from outside the school
            }
            views.add(view);
            audit.record(pupilId, role, "team.case.read");
            any = true;
        }
        if (!any) {
            throw Problems.notFound("pupil " + pupilId);
        }
        if (views.isEmpty()) {
            audit.record(pupilId, reader.orElseThrow(), "team.case.list"); // that there are none is about the pupil too
        }
        return views;
    }

    /**
     * The cases about one pupil as they stood at the end of the day: those on the agenda of a
     * meeting held on or before it, put there by then; each with the consents, outcome and action
     * items of then. Who sees which case is decided as now (the school's staff, the SWV consultant
     * for a BOT of their SWV, the parents); besides, the SWV consultant sees only cases named then,
     * and the parents only cases discussed by then. Audited with the day.
     */
    @Transactional
    public List<CaseAsOfView> ofPupil(UUID pupilId, AsOf asOf) {
        guard.knownPupil(pupilId);
        List<CaseAsOfView> views = new ArrayList<>();
        Optional<String> reader = guard.pupilRole(pupilId, TeamGuard.STAFF).or(() -> guard.pupilRole(pupilId, Roles.PARENT));
        String visibleAs = reader.orElse(null);
        for (TeamCase c : cases.ofPupil(pupilId)) {
            Meeting meeting = meetings.findById(c.meetingId);
            String role = guard.caseRole(c, meeting).orElse(null);
            if (role == null || role.equals(Roles.SWV_CONSULTANT) && !view(c, meeting, role).named()) {
                continue; // not visible now, as in the read without asOf
            }
            visibleAs = visibleAs == null ? role : visibleAs;
            if (!CaseAsOf.shows(c, meeting, asOf)) {
                continue;
            }
            CaseState state = CaseAsOf.state(c, consentDecisions.ofCase(c.id), asOf);
            boolean named = CaseAsOf.named(c, meeting, state);
            if (role.equals(Roles.SWV_CONSULTANT) && !named) {
                continue; // an anonymous case is never linked to the pupil for someone from outside the school
            }
            if (role.equals(Roles.PARENT) && !state.discussed()) {
                continue; // the parents read a case once it was discussed
            }
            views.add(new CaseAsOfView(c, meeting, state.discussed() ? actionItems.ofCase(c.id) : List.of(), state,
                    named, named || role.equals(Roles.PARENT), asOf));
            audit.record(pupilId, role, "team.case.read", asOf.audit());
        }
        if (visibleAs == null) {
            throw Problems.notFound("pupil " + pupilId);
        }
        if (views.isEmpty()) {
            audit.record(pupilId, visibleAs, "team.case.list", asOf.audit()); // that there were none is about the pupil too
        }
        return views;
    }

    /** Records what the meeting discussed, advised and decided, once, on or after the meeting's day. */
    @Transactional
    public CaseView recordOutcome(UUID caseId, ExpectedVersion expected, Outcome in) {
        TeamCase c = cases.lock(caseId).orElseThrow(() -> Problems.notFound("case " + caseId));
        Meeting meeting = meetings.findById(c.meetingId);
        String role = guard.manageCase(c, meeting);
        expected.require(c.version);
        if (c.discussed()) {
            throw Problems.conflict("outcome-recorded", "the case's outcome was recorded on " + c.discussedOn);
        }
        TeamRules.checkMeetingHeld(meeting.date, LocalDate.now(clock));
        TeamRules.checkDiscussedAs(in.named(), c.byName, meeting.outsidersPresent(), c.consentOutcome);
        TeamRules.checkDecisions(in.decisions());
        for (NewActionItem item : in.actionItems()) {
            TeamRules.checkDue(item.dueOn(), meeting.date);
        }
        c.discussedOn = meeting.date;
        c.discussedNamed = in.named();
        c.discussion = in.discussion();
        c.advice = in.advice();
        c.decisions = List.copyOf(in.decisions());
        c.outcomeBy = guard.subject();
        c.outcomeRole = role;
        c.outcomeAt = Instant.now(clock);
        if (c.decisions.contains(CaseDecision.ASSESS)) {
            c.assessmentRequestId = UUID.randomUUID();
            c.assessmentOutcome = ConsentOutcome.OPEN;
            events.consentRequested(c, c.assessmentRequestId, ConsentPurpose.ASSESSMENT, meeting.date);
        }
        for (NewActionItem in2 : in.actionItems()) {
            ActionItem item = new ActionItem();
            item.id = UUID.randomUUID();
            item.caseId = c.id;
            item.pupilId = c.pupilId;
            item.schoolCode = c.schoolCode;
            item.description = in2.description();
            item.ownerFunction = in2.ownerFunction();
            item.dueOn = in2.dueOn();
            actionItems.persist(item);
        }
        cases.flush();
        events.caseDiscussed(meeting, c);
        audit.record(c.pupilId, role, "team.case.outcome", (in.named() ? "named: " : "anonymous: ") + c.decisions);
        return view(c, meeting, role);
    }

    /** Marks an action item done (whoever manages the case). */
    @Transactional
    public ActionItem done(UUID itemId, ExpectedVersion expected, LocalDate doneOn) {
        ActionItem item = actionItems.lock(itemId).orElseThrow(() -> Problems.notFound("action item " + itemId));
        TeamCase c = cases.findById(item.caseId);
        Meeting meeting = meetings.findById(c.meetingId);
        String role = guard.caseRole(c, meeting).filter(r -> !r.equals(Roles.PARENT))
                .orElseThrow(() -> Problems.notFound("action item " + itemId));
        expected.require(item.version);
        if (item.doneOn != null) {
            throw Problems.conflict("already-done", "the action item was done on " + item.doneOn);
        }
        if (doneOn.isAfter(LocalDate.now(clock))) {
            throw Problems.unprocessable("done-in-future", "an action item is marked done on or after the day it was done");
        }
        item.doneOn = doneOn;
        item.doneBy = guard.subject();
        actionItems.flush();
        audit.record(item.pupilId, role, "team.action-item.done");
        return item;
    }

    /** A school's action items past their due date and not done, for its staff; pupils who left are not the school's any more. */
    @Transactional
    public List<ActionItem> overdue(String schoolCode) {
        String role = guard.school(schoolCode, TeamGuard.STAFF);
        List<ActionItem> overdue = actionItems.overdue(schoolCode, LocalDate.now(clock)).stream()
                .filter(i -> guard.pupilRole(i.pupilId, role).isPresent()).toList();
        overdue.stream().map(i -> i.pupilId).distinct().forEach(p -> audit.record(p, role, "team.action-item.overdue"));
        return overdue;
    }

    CaseView view(TeamCase c, Meeting meeting, String role) {
        boolean named = TeamRules.mayBeNamed(c.byName, meeting.outsidersPresent(), c.consentOutcome)
                && (!c.discussed() || Boolean.TRUE.equals(c.discussedNamed));
        return new CaseView(c, meeting, actionItems.ofCase(c.id), named, named || role.equals(Roles.PARENT));
    }
}
