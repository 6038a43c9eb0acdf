package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.MeetingType;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.http.Cursor;
import nl.passend.platform.http.SyncHorizon;
import nl.passend.platform.problem.Problems;
import nl.passend.team.domain.Attendee;
import nl.passend.team.domain.Meeting;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.messaging.TeamEvents;
import nl.passend.team.persistence.MeetingRepository;
import nl.passend.team.persistence.TeamCaseRepository;
import nl.passend.team.service.Views.CaseView;
import nl.passend.team.service.Views.MeetingView;

/**
 * Meetings of a school: planned with their members and participants, changed with If-Match until
 * held, then marked held. Adding someone from outside the school asks consent for every case put on
 * the agenda by name.
 */
@ApplicationScoped
public class MeetingService {

    @Inject
    Clock clock;

    @Inject
    MeetingRepository meetings;

    @Inject
    TeamCaseRepository cases;

    @Inject
    CaseService caseService;

    @Inject
    TeamGuard guard;

    @Inject
    TeamEvents events;

    @Inject
    AuditLog audit;

    @Inject
    SyncHorizon horizon;

    public record MeetingInput(MeetingType type, LocalDate date, String title, List<Attendee> attendees) {
    }

    public record Page(List<Meeting> items, Cursor next, boolean hasMore) {
    }

    @Transactional
    public MeetingView plan(String schoolCode, MeetingInput in) {
        String role = guard.newMeeting(schoolCode, in.type());
        TeamRules.checkAttendees(in.type(), in.attendees());
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.schoolCode = schoolCode;
        meeting.type = in.type();
        meeting.date = in.date();
        meeting.title = in.title();
        meeting.attendees = List.copyOf(in.attendees());
        meeting.createdBy = guard.subject();
        meeting.createdRole = role;
        meeting.createdAt = Instant.now(clock);
        meetings.persist(meeting);
        return new MeetingView(meeting, List.of());
    }

    @Transactional
    public MeetingView get(UUID id) {
        Meeting meeting = meetings.findByIdOptional(id).orElseThrow(() -> Problems.notFound("meeting " + id));
        guard.meeting(meeting);
        return view(meeting, "team.case.read");
    }

    /**
     * A page of the school's meetings: all of them for its staff, the BOTs for the SWV consultant. The
     * type is filtered in the query, so that a page is full whenever more follow.
     */
    @Transactional
    public Page page(String schoolCode, Cursor after, Instant updatedSince, int size) {
        boolean staff = guard.schoolRole(schoolCode, TeamGuard.STAFF).isPresent();
        if (!staff && !guard.swvConsultantOf(schoolCode)) {
            guard.school(schoolCode, TeamGuard.STAFF);
        }
        List<Meeting> page = meetings.pageOfSchool(schoolCode, staff ? null : MeetingType.BOT, after, updatedSince,
                horizon.now(), size);
        Cursor next = Cursor.after(after, page, m -> m.updatedAt, m -> m.id);
        return new Page(page, next, page.size() == size);
    }

    /** Date, title and attendees; the type stays. Someone from outside the school makes named cases need consent. */
    @Transactional
    public MeetingView change(UUID id, ExpectedVersion expected, MeetingInput in) {
        LockedMeeting locked = lockNotHeld(id, expected, "the meeting was held; it is not changed afterwards");
        Meeting meeting = locked.meeting();
        String role = locked.role();
        if (in.type() != meeting.type) {
            throw Problems.unprocessable("type-fixed", "a meeting's type is fixed; plan a new meeting instead");
        }
        TeamRules.checkAttendees(meeting.type, in.attendees());
        meeting.date = in.date();
        meeting.title = in.title();
        meeting.attendees = List.copyOf(in.attendees());
        meetings.flush(); // the new version is the ETag answered
        if (meeting.outsidersPresent()) {
            for (TeamCase c : cases.ofMeeting(id)) {
                if (c.byName && !c.discussed() && c.consentRequestId == null) {
                    caseService.askToDiscuss(c, role);
                }
            }
        }
        return view(meeting, "team.case.read");
    }

    /** Marks the meeting held, on or after its day; publishes it with how many cases it discussed by name and anonymously. */
    @Transactional
    public MeetingView held(UUID id, ExpectedVersion expected) {
        LockedMeeting locked = lockNotHeld(id, expected, "the meeting was already marked held");
        Meeting meeting = locked.meeting();
        String role = locked.role();
        TeamRules.checkMeetingHeld(meeting.date, LocalDate.now(clock));
        meeting.held = true;
        meeting.heldAt = Instant.now(clock);
        meetings.flush(); // the new version is the ETag answered
        int named = 0;
        int anonymous = 0;
        for (TeamCase c : cases.ofMeeting(id)) {
            if (c.discussed()) {
                if (Boolean.TRUE.equals(c.discussedNamed)) {
                    named++;
                } else {
                    anonymous++;
                }
            }
        }
        events.meetingHeld(meeting, named, anonymous);
        return view(meeting, "team.case.read");
    }

    private record LockedMeeting(Meeting meeting, String role) {
    }

    /** Locks a meeting not held yet for a change: authorized (404 otherwise) and at the version the caller saw. */
    private LockedMeeting lockNotHeld(UUID id, ExpectedVersion expected, String heldMessage) {
        Meeting meeting = meetings.lock(id).orElseThrow(() -> Problems.notFound("meeting " + id));
        String role = guard.meeting(meeting);
        expected.require(meeting.version);
        if (meeting.held) {
            throw Problems.conflict("meeting-held", heldMessage);
        }
        return new LockedMeeting(meeting, role);
    }

    /** The meeting with the cases the caller may see, each read audited. */
    MeetingView view(Meeting meeting, String action) {
        List<CaseView> views = new ArrayList<>();
        for (TeamCase c : cases.ofMeeting(meeting.id)) {
            guard.caseRole(c, meeting).ifPresent(role -> {
                views.add(caseService.view(c, meeting, role));
                audit.record(c.pupilId, role, action);
            });
        }
        return new MeetingView(meeting, views);
    }
}
