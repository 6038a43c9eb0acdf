package nl.passend.opp.service;

import java.time.LocalDate;
import java.util.List;
import nl.passend.opp.domain.GoalProgress;

/** An evaluation as the authors send it: progress per goal, what changes, and the pupil's and parents' views. */
public record EvaluationDraft(LocalDate evaluatedOn, List<GoalProgress> goalProgress, String changes,
        String pupilView, String parentView) {
}
