package nl.passend.team.service;

import java.util.List;
import nl.passend.platform.http.AsOf;
import nl.passend.team.domain.ActionItem;
import nl.passend.team.domain.CaseAsOf.CaseState;
import nl.passend.team.domain.Meeting;
import nl.passend.team.domain.TeamCase;

/** What the services hand to the API: entities with what the caller may see of them. */
public final class Views {

    private Views() {
    }

    /**
     * A case as the caller may see it: {@code named} when it may be discussed and shown by name (the
     * pupil id is shown then, and to the pupil's parents); anonymous otherwise.
     */
    public record CaseView(TeamCase teamCase, Meeting meeting, List<ActionItem> actionItems, boolean named,
            boolean showPupil) {
    }

    public record MeetingView(Meeting meeting, List<CaseView> cases) {
    }

    /** A case as it stood at the end of a day, as the caller may see it: named by the consent and outcome of then. */
    public record CaseAsOfView(TeamCase teamCase, Meeting meeting, List<ActionItem> actionItems, CaseState state,
            boolean named, boolean showPupil, AsOf asOf) {
    }
}
