package nl.passend.reporting.domain;

/** The risk signals per school, computed here from the figures or counted from their owners' events. */
public enum RiskKind {
    /** Refers clearly more than the SWV's average (rate above the configured multiple of it). */
    REFERS_ABOVE_SWV_AVERAGE,
    /** Referred no pupil in the last school years while the SWV's other schools do. */
    NEVER_REFERS,
    /** Brings cases to the BOT and starts arrangements significantly more often than comparable schools. */
    CALLS_ON_SWV_MORE,
    /** Pupils with a TLV still without a place in SBO or SO. */
    TLV_WITHOUT_PLACE,
    /** Pupils who left for no school (thuiszitters). */
    THUISZITTERS,
    /** Counted from opp-service's signal: OPPs not established within 6 weeks. */
    OPP_NOT_ESTABLISHED_IN_TIME,
    /** Counted from opp-service's signal: OPPs not evaluated in time. */
    OPP_NOT_EVALUATED_IN_TIME,
    /** Counted from support-level-service's signal: pupils at level 4 without an established OPP. */
    LEVEL_4_WITHOUT_OPP,
    /** Counted from support-level-service's signal: interventions without a change of course. */
    NO_CHANGE_OF_COURSE,
    /** Counted from support-team-service's signal: pupils discussed repeatedly without a change of approach. */
    DISCUSSED_REPEATEDLY,
    /** Counted from support-team-service's signal: action items past their due date. */
    ACTION_ITEM_OVERDUE
}
