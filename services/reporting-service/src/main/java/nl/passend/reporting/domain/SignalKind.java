package nl.passend.reporting.domain;

import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.events.codes.TeamSignalKind;

/**
 * The signals other services own and publish per pupil, as this service counts them per school:
 * opp-service's overdue OPPs, support-level-service's and support-team-service's signals.
 */
public enum SignalKind {
    OPP_NOT_ESTABLISHED_IN_TIME,
    OPP_NOT_EVALUATED_IN_TIME,
    LEVEL_4_WITHOUT_OPP,
    NO_CHANGE_OF_COURSE,
    DISCUSSED_REPEATEDLY,
    ACTION_ITEM_OVERDUE;

    public static SignalKind of(OppDueKind kind) {
        return kind == OppDueKind.ESTABLISHMENT ? OPP_NOT_ESTABLISHED_IN_TIME : OPP_NOT_EVALUATED_IN_TIME;
    }

    public static SignalKind of(SupportSignalKind kind) {
        return valueOf(kind.name());
    }

    public static SignalKind of(TeamSignalKind kind) {
        return valueOf(kind.name());
    }
}
