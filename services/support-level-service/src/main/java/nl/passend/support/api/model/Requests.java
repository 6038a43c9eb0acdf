package nl.passend.support.api.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.support.domain.GivenBy;

/** Request bodies. Bean Validation answers 400 listing each field; the support rules answer 409 or 422. */
public final class Requests {

    private Requests() {
    }

    /** A change of the pupil's level, or (with correctsEntryId) a correction of the current entry. */
    public record LevelChangeInput(
            @NotNull SupportLevel level,
            @NotNull LocalDate effectiveDate,
            @NotBlank @Size(max = 2000) String reason,
            @NotNull @Size(max = 8) List<@NotNull SupportDomain> domains,
            @NotBlank @Size(max = 200) String decidedBy,
            UUID correctsEntryId) {
    }

    /** What a teacher's app sends: new interventions and sessions held of existing ones, at most 500 together. */
    public record BatchInput(
            @NotNull @Size(max = 500) List<@NotNull @Valid InterventionInput> interventions,
            @Size(max = 500) List<@NotNull @Valid SessionInput> sessions) {
    }

    public record InterventionInput(
            @NotBlank @Size(max = 100) String appId,
            @NotNull @Size(min = 1, max = 12) List<@NotNull UUID> pupilIds,
            @NotNull SupportDomain domain,
            @NotNull SupportLevel level,
            @NotNull InterventionKind kind,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @NotNull @Min(1) @Max(35) Integer frequencyPerWeek,
            @NotNull @Min(1) @Max(480) Integer minutesPerSession,
            @NotNull GivenBy givenBy) {
    }

    public record SessionInput(
            @NotBlank @Size(max = 100) String appId,
            @NotBlank @Size(max = 100) String interventionAppId,
            @NotNull LocalDate heldOn,
            @NotNull @Min(1) @Max(480) Integer minutes) {
    }

    /** The evaluation afterwards; the note is short and stays in this service. */
    public record InterventionEvaluationInput(
            @NotNull InterventionEffect effect,
            @Size(max = 500) String note,
            @NotNull LocalDate evaluatedOn) {
    }

    public record ActionPlanInput(
            @NotNull @Size(min = 1, max = 12) List<@NotNull UUID> pupilIds,
            @NotNull SupportDomain domain,
            @NotBlank @Size(max = 2000) String goal,
            @NotBlank @Size(max = 4000) String approach,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate) {
    }

    public record ActionPlanEvaluationInput(
            @NotBlank @Size(max = 4000) String evaluation,
            @NotNull LocalDate evaluatedOn,
            boolean end) {
    }
}
