package nl.passend.events.codes;

/** The signals support-team-service owns. */
public enum TeamSignalKind {
    /** Discussed three or more times within twelve months without a decision that changes the approach (ijkpunt 9). */
    DISCUSSED_REPEATEDLY,
    /** An action item of a case past its due date and not done. */
    ACTION_ITEM_OVERDUE
}
