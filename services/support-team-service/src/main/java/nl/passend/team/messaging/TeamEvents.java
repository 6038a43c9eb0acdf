package nl.passend.team.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.events.consent.SubjectRef;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDecisionRecorded;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.MeetingHeld;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;
import nl.passend.platform.consent.ConsentRequests;
import nl.passend.platform.outbox.Outbox;
import nl.passend.team.domain.Arrangement;
import nl.passend.team.domain.Meeting;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TlvRequest;

/**
 * The events of passend.team, written to the outbox in the caller's transaction: ids, codes and
 * dates only. A case discussed anonymously carries no pupil id and is keyed by its own id.
 */
@ApplicationScoped
public class TeamEvents {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ConsentRequests consents;

    /**
     * A consent request about a case: subject (MEETING_CASE, case id, 1); consent-service answers on
     * passend.consent. An ASSESSMENT asked for a case discussed anonymously is about the pupil
     * (PUPIL, pupil id, 1), so that the request does not tie the anonymous case to the pupil.
     */
    public void consentRequested(TeamCase teamCase, UUID requestId, ConsentPurpose purpose, LocalDate effectiveDate) {
        boolean anonymous = purpose == ConsentPurpose.ASSESSMENT && !Boolean.TRUE.equals(teamCase.discussedNamed);
        SubjectRef subject = anonymous ? new SubjectRef(ConsentSubjectType.PUPIL, teamCase.pupilId, 1)
                : new SubjectRef(ConsentSubjectType.MEETING_CASE, teamCase.id, 1);
        consents.ask(EventType.TEAM_CONSENT_REQUESTED, requestId, purpose, teamCase.pupilId, teamCase.schoolCode,
                subject, effectiveDate);
    }

    public void meetingHeld(Meeting meeting, int namedCases, int anonymousCases) {
        outbox.publish(EventType.MEETING_HELD, meeting.id.toString(), meeting.schoolCode,
                new MeetingHeld(meeting.id, meeting.schoolCode, meeting.type, namedCases, anonymousCases, meeting.date));
    }

    public void caseDiscussed(Meeting meeting, TeamCase teamCase) {
        boolean named = Boolean.TRUE.equals(teamCase.discussedNamed);
        outbox.publish(EventType.CASE_DISCUSSED, key(teamCase, named), meeting.schoolCode,
                new CaseDiscussed(teamCase.id, meeting.id, named ? teamCase.pupilId : null, meeting.schoolCode,
                        meeting.type, named, teamCase.discussedOn));
        for (CaseDecision decision : teamCase.decisions) {
            outbox.publish(EventType.CASE_DECISION_RECORDED, key(teamCase, named), meeting.schoolCode,
                    new CaseDecisionRecorded(teamCase.id, meeting.id, named ? teamCase.pupilId : null, meeting.schoolCode,
                            meeting.type, decision, teamCase.discussedOn));
        }
    }

    public void arrangement(EventType type, Arrangement a, LocalDate effectiveDate) {
        outbox.publish(type, a.pupilId.toString(), a.schoolCode, new ArrangementChanged(a.id, a.pupilId, a.schoolCode,
                a.kind, a.fundingSource, a.startsOn, a.endsOn, effectiveDate));
    }

    public void tlvRequested(TlvRequest t) {
        outbox.publish(EventType.TLV_REQUESTED, t.pupilId.toString(), t.schoolCode, new TlvChanged(t.id, t.pupilId,
                t.schoolCode, t.swvCode, t.target, null, null, null, null, null, t.submittedOn));
    }

    public void tlvDecided(TlvRequest t, nl.passend.events.codes.TlvOutcome outcome) {
        outbox.publish(EventType.TLV_DECIDED, t.pupilId.toString(), t.schoolCode, new TlvChanged(t.id, t.pupilId,
                t.schoolCode, t.swvCode, t.target, outcome, t.category, t.issuingSwvCode, t.startsOn, t.endsOn,
                t.decidedOn));
    }

    public void signal(boolean raised, UUID pupilId, String schoolCode, TeamSignalKind kind, UUID actionItemId,
            LocalDate since) {
        outbox.publish(raised ? EventType.TEAM_SIGNAL_RAISED : EventType.TEAM_SIGNAL_RESOLVED, pupilId.toString(),
                schoolCode, new TeamSignal(pupilId, schoolCode, kind, actionItemId, since, LocalDate.now(clock)));
    }

    private static String key(TeamCase teamCase, boolean named) {
        return (named ? teamCase.pupilId : teamCase.id).toString();
    }
}
