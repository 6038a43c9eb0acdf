package nl.passend.events.codes;

/** What a meeting decided about a case (a pupil on its agenda). */
public enum CaseDecision {
    OBSERVE,
    /** A psychological or educational assessment: needs the parents' ASSESSMENT consent. */
    ASSESS,
    START_ARRANGEMENT,
    CHANGE_ARRANGEMENT,
    RAISE_SUPPORT_LEVEL,
    REQUEST_TLV,
    REFER,
    NO_ACTION;

    /** Whether the decision changes the approach: observing, assessing or doing nothing does not. */
    public boolean changesApproach() {
        return switch (this) {
            case START_ARRANGEMENT, CHANGE_ARRANGEMENT, RAISE_SUPPORT_LEVEL, REQUEST_TLV, REFER -> true;
            case OBSERVE, ASSESS, NO_ACTION -> false;
        };
    }
}
