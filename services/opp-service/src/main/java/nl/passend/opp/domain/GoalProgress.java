package nl.passend.opp.domain;

import java.util.UUID;

/** Progress on one goal at an evaluation. */
public record GoalProgress(UUID goalId, Progress progress, String note) {

    public enum Progress {
        ACHIEVED,
        ON_TRACK,
        BEHIND,
        NOT_ACHIEVED
    }
}
