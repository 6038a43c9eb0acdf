package nl.passend.opp.api.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.opp.domain.DueReason;
import nl.passend.opp.domain.GoalProgress.Progress;
import nl.passend.opp.domain.PlanContent.GoalDomain;
import nl.passend.opp.domain.PlanContent.GoalKind;
import nl.passend.opp.domain.PlanContent.ReferenceLevel;
import nl.passend.opp.domain.ViewKind;

/** Request bodies. Bean Validation answers 400 listing each field; the OPP's own rules answer 409 or 422. */
public final class Requests {

    private Requests() {
    }

    /** One version's content: a new plan, an edit of the draft, or a new version. */
    public record PlanInput(
            @NotNull @Valid PerspectiveInput perspective,
            @NotNull @Valid ActionPartInput actionPart,
            @NotNull @Size(min = 1, max = 40) List<@NotNull @Valid GoalInput> goals,
            @Valid DestinationDecisionInput destinationDecision) {
    }

    public record PerspectiveInput(
            @NotNull ExpectedDestination expectedDestination,
            @NotBlank @Size(max = 4000) String rationale,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 1000) String> supportingFactors,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 1000) String> hinderingFactors,
            @Valid AgreementDialogueInput agreementDialogue) {
    }

    /** The OOGO with the parents; needed before consent is asked. */
    public record AgreementDialogueInput(@NotNull LocalDate date, @NotBlank @Size(max = 4000) String summary) {
    }

    public record ActionPartInput(
            @NotBlank @Size(max = 4000) String support,
            @NotBlank @Size(max = 4000) String deviations,
            @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid TaskInput> tasks,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ScenarioInput> scenarios,
            @NotNull @Valid ArrangementSpecificationInput arrangement) {
    }

    public record TaskInput(
            @NotBlank @Size(max = 200) String who,
            @NotBlank @Size(max = 2000) String what,
            @NotBlank @Size(max = 2000) String why,
            @NotBlank @Size(max = 2000) String how,
            @NotBlank @Size(max = 200) String when) {
    }

    public record ScenarioInput(
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 500) String timePath,
            @NotNull LocalDate effectVisibleBy) {
    }

    public record ArrangementSpecificationInput(
            @NotBlank @Size(max = 2000) String instructionNeeds,
            @Size(max = 2000) String tasks,
            @Size(max = 2000) String materials,
            @NotBlank @Size(max = 2000) String learningEnvironment,
            @Size(max = 2000) String learningActivities,
            @Size(max = 2000) String guidanceAndFeedback,
            @Size(max = 2000) String cooperationWithClassmates,
            @Size(max = 2000) String behaviouralSupportSituations) {
    }

    /** A SMART goal: what, measured how, by when; language and maths goals name their reference level. */
    public record GoalInput(
            UUID id,
            @NotNull GoalKind kind,
            @NotNull GoalDomain domain,
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 2000) String measure,
            @NotNull LocalDate targetDate,
            ReferenceLevel referenceLevel) {
    }

    public record DestinationDecisionInput(@NotNull LocalDate date, @NotBlank @Size(max = 200) String reference) {
    }

    public record EvaluationInput(
            @NotNull LocalDate evaluatedOn,
            @NotNull @Size(min = 1, max = 40) List<@NotNull @Valid GoalProgressInput> goalProgress,
            @Size(max = 4000) String changes,
            @Size(max = 4000) String pupilView,
            @Size(max = 4000) String parentView) {
    }

    public record GoalProgressInput(@NotNull UUID goalId, @NotNull Progress progress, @Size(max = 2000) String note) {
    }

    public record ViewInput(@NotNull ViewKind kind, @NotBlank @Size(max = 4000) String text) {
    }

    public record DocumentInput(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100) String kind,
            @NotNull @Size(max = 2000) @Pattern(regexp = "^(https?|urn):\\S+$", message = "must be an http(s) or urn URI")
            @LinkableUri String uri) {
    }

    public record ClosureInput(@NotNull OppCloseReason reason) {
    }

    /** A start of extra support that the school records itself: the OPP is due 6 weeks later. */
    public record DueInput(@NotNull DueReason reason, @NotNull LocalDate startDate) {
    }
}
