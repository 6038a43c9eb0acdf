package nl.passend.team.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.platform.http.AsOf;

/**
 * A case about a pupil as it stood at the end of a day. A case belongs to the file of the day when
 * it was put on the agenda by then (known) and its meeting's day had come (held on or before it).
 * Its outcome, with the action items it made, counts from when it was recorded; the parents'
 * consents from when their decisions were received; an action item is done from the day it was done.
 */
public final class CaseAsOf {

    private CaseAsOf() {
    }

    /** What a case was at the end of the day: the consents then, and whether it had been discussed by then. */
    public record CaseState(ConsentOutcome consent, LocalDate consentOn, boolean discussed,
            ConsentOutcome assessmentConsent) {
    }

    /** Whether the case belongs to the file of the day: on the agenda by then, its meeting held on or before it. */
    public static boolean shows(TeamCase teamCase, Meeting meeting, AsOf asOf) {
        return asOf.known(teamCase.createdAt) && asOf.reached(meeting.date);
    }

    /**
     * The case's standing at the end of the day. A consent asked is OPEN until a decision about it
     * that changed the case (applied) was received; then that decision's outcome, the latest by then.
     */
    public static CaseState state(TeamCase teamCase, List<CaseConsentDecision> decisions, AsOf asOf) {
        List<CaseConsentDecision> applied = decisions.stream()
                .filter(d -> d.applied && asOf.known(d.receivedAt))
                .sorted(Comparator.comparing((CaseConsentDecision d) -> d.receivedAt)).toList();
        ConsentOutcome consent = null;
        LocalDate consentOn = null;
        if (teamCase.consentRequestId != null) {
            consent = ConsentOutcome.OPEN;
            for (CaseConsentDecision d : applied) {
                if (d.purpose == ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM) {
                    consent = d.outcome;
                    consentOn = d.decidedOn;
                }
            }
        }
        boolean discussed = teamCase.discussed() && asOf.known(teamCase.outcomeAt);
        ConsentOutcome assessment = null;
        if (discussed && teamCase.assessmentRequestId != null) {
            assessment = ConsentOutcome.OPEN;
            for (CaseConsentDecision d : applied) {
                if (d.purpose == ConsentPurpose.ASSESSMENT) {
                    assessment = d.outcome;
                }
            }
        }
        return new CaseState(consent, consentOn, discussed, assessment);
    }

    /** Whether the case was shown by name then: as {@link TeamRules#mayBeNamed}, with the consent and outcome of then. */
    public static boolean named(TeamCase teamCase, Meeting meeting, CaseState state) {
        return TeamRules.mayBeNamed(teamCase.byName, meeting.outsidersPresent(), state.consent())
                && (!state.discussed() || Boolean.TRUE.equals(teamCase.discussedNamed));
    }

    /** An action item as of the day: its done day only once come, and overdue by the day's measure. */
    public record ItemState(LocalDate doneOn, boolean overdue) {
    }

    public static ItemState item(ActionItem item, AsOf asOf) {
        LocalDate doneOn = asOf.reached(item.doneOn) ? item.doneOn : null;
        return new ItemState(doneOn, TeamRules.overdue(item.dueOn, doneOn, asOf.date()));
    }
}
