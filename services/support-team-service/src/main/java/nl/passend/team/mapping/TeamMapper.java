package nl.passend.team.mapping;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.team.api.model.Requests.DiscussedAs;
import nl.passend.team.api.model.Responses.ActionItemResponse;
import nl.passend.team.api.model.Responses.AdviceResponse;
import nl.passend.team.api.model.Responses.ArrangementResponse;
import nl.passend.team.api.model.Responses.AttendeeResponse;
import nl.passend.team.api.model.Responses.CaseResponse;
import nl.passend.team.api.model.Responses.ConsentResponse;
import nl.passend.team.api.model.Responses.MeetingResponse;
import nl.passend.team.api.model.Responses.MeetingSummaryResponse;
import nl.passend.team.api.model.Responses.ObjectionResponse;
import nl.passend.team.api.model.Responses.OutcomeResponse;
import nl.passend.team.api.model.Responses.SignalResponse;
import nl.passend.team.api.model.Responses.TlvDecisionResponse;
import nl.passend.team.api.model.Responses.TlvResponse;
import nl.passend.team.domain.ActionItem;
import nl.passend.team.domain.Arrangement;
import nl.passend.team.domain.Attendee;
import nl.passend.team.domain.Meeting;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TeamRules;
import nl.passend.team.domain.TlvAdvice;
import nl.passend.team.domain.TlvRequest;
import nl.passend.team.service.TeamSignals.Signal;
import nl.passend.team.domain.CaseAsOf;
import nl.passend.team.domain.CaseAsOf.CaseState;
import nl.passend.team.service.Views.CaseAsOfView;
import nl.passend.team.service.Views.CaseView;
import nl.passend.team.service.Views.MeetingView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entities to API records; entities never leave the service as they are. */
@Mapper
public abstract class TeamMapper {

    /** Whether an action item is overdue depends on the day it is read. */
    @Inject
    Clock clock;

    public AttendeeResponse toResponse(Attendee a) {
        return new AttendeeResponse(a.name(), a.function(), a.outsideSchool(), a.function().member());
    }

    public abstract List<AttendeeResponse> toAttendees(List<Attendee> attendees);

    @Mapping(target = "outsidersPresent", expression = "java(meeting.outsidersPresent())")
    public abstract MeetingSummaryResponse toSummary(Meeting meeting);

    public abstract List<MeetingSummaryResponse> toSummaries(List<Meeting> meetings);

    public MeetingResponse toResponse(MeetingView view) {
        Meeting m = view.meeting();
        return new MeetingResponse(m.id, m.schoolCode, m.type, m.date, m.title, toAttendees(m.attendees),
                m.outsidersPresent(), m.held, view.cases().stream().map(this::toResponse).toList());
    }

    public CaseResponse toResponse(CaseView view) {
        TeamCase c = view.teamCase();
        Meeting m = view.meeting();
        ConsentResponse consent = c.consentOutcome == null ? null : new ConsentResponse(c.consentOutcome, c.consentOutcomeOn);
        OutcomeResponse outcome = !c.discussed() ? null : outcome(c, view.named(), c.assessmentOutcome);
        return caseResponse(c, m, view.showPupil(), view.named(), consent, outcome, toActionItems(view.actionItems()));
    }

    public abstract List<CaseResponse> toCaseResponses(List<CaseView> views);

    /** A case as it stood at the end of a day: the consents, outcome and action items of then. */
    public CaseResponse toResponse(CaseAsOfView view) {
        TeamCase c = view.teamCase();
        Meeting m = view.meeting();
        CaseState state = view.state();
        ConsentResponse consent = state.consent() == null ? null : new ConsentResponse(state.consent(), state.consentOn());
        OutcomeResponse outcome = !state.discussed() ? null : outcome(c, view.named(), state.assessmentConsent());
        List<ActionItemResponse> items = view.actionItems().stream().map(item -> {
            CaseAsOf.ItemState at = CaseAsOf.item(item, view.asOf());
            return new ActionItemResponse(item.id, item.caseId, item.description, item.ownerFunction, item.dueOn,
                    at.doneOn(), at.overdue(), item.version);
        }).toList();
        return caseResponse(c, m, view.showPupil(), view.named(), consent, outcome, items);
    }

    private static OutcomeResponse outcome(TeamCase c, boolean named, ConsentOutcome assessmentConsent) {
        return new OutcomeResponse(c.discussedOn, named ? DiscussedAs.NAMED : DiscussedAs.ANONYMOUS, c.discussion,
                c.advice, c.decisions, assessmentConsent);
    }

    private static CaseResponse caseResponse(TeamCase c, Meeting m, boolean showPupil, boolean named,
            ConsentResponse consent, OutcomeResponse outcome, List<ActionItemResponse> items) {
        return new CaseResponse(c.id, m.id, m.type, m.date, c.schoolCode, showPupil ? c.pupilId : null, c.question,
                c.byName, named, consent, outcome, items);
    }

    public ActionItemResponse toResponse(ActionItem item) {
        return new ActionItemResponse(item.id, item.caseId, item.description, item.ownerFunction, item.dueOn, item.doneOn,
                TeamRules.overdue(item.dueOn, item.doneOn, LocalDate.now(clock)), item.version);
    }

    public abstract List<ActionItemResponse> toActionItems(List<ActionItem> items);

    @Mapping(target = "startDate", source = "startsOn")
    @Mapping(target = "endDate", source = "endsOn")
    public abstract ArrangementResponse toResponse(Arrangement arrangement);

    public abstract List<ArrangementResponse> toArrangements(List<Arrangement> arrangements);

    public abstract AdviceResponse toResponse(TlvAdvice advice);

    public TlvResponse toResponse(TlvRequest t, Period objectionPeriod) {
        TlvDecisionResponse decision = t.decidedOn == null ? null : new TlvDecisionResponse(t.status, t.category,
                t.startsOn, t.endsOn, t.refusalReason, t.issuingSwvCode, t.decidedOn, t.decidedOn.plus(objectionPeriod));
        ObjectionResponse objection = t.objectionOn == null ? null : new ObjectionResponse(t.objectionOn, t.objectionGrounds);
        return new TlvResponse(t.id, t.pupilId, t.schoolCode, t.swvCode, t.target, t.motivation,
                t.advices.stream().map(this::toResponse).toList(), t.status, t.submittedOn, decision, objection);
    }

    public abstract SignalResponse toResponse(Signal signal);

    public abstract List<SignalResponse> toSignals(List<Signal> signals);
}
