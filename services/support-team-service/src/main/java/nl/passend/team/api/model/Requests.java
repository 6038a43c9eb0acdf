package nl.passend.team.api.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.team.domain.AttendeeFunction;
import nl.passend.team.domain.ExpertDiscipline;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies. Bean Validation answers 400 listing each field; the team rules answer 409 or 422. */
public final class Requests {

    private Requests() {
    }

    /** A member or participant; {@code outsideSchool} marks everyone from outside the school (the SWV consultant always). */
    public record AttendeeInput(
            @NotBlank @Size(max = 200) String name,
            @NotNull AttendeeFunction function,
            @NotNull Boolean outsideSchool) {
    }

    public record MeetingInput(
            @Schema(description = "Fixed once planned") @NotNull MeetingType type,
            @NotNull LocalDate date,
            @Size(max = 200) String title,
            @NotNull @Size(min = 1, max = 40) List<@NotNull @Valid AttendeeInput> attendees) {
    }

    public record CaseInput(
            @NotNull UUID pupilId,
            @NotBlank @Size(max = 2000) String question,
            @Schema(description = "Discuss the pupil by name; with anyone from outside the school taking part this asks the parents' consent, and until it is GRANTED the case is anonymous")
            @NotNull Boolean byName) {
    }

    public record ActionItemInput(
            @NotBlank @Size(max = 1000) String description,
            @NotNull AttendeeFunction ownerFunction,
            @NotNull LocalDate dueOn) {
    }

    public enum DiscussedAs {
        NAMED,
        ANONYMOUS
    }

    public record OutcomeInput(
            @NotNull DiscussedAs discussedAs,
            @Size(max = 8000) String discussion,
            @NotBlank @Size(max = 8000) String advice,
            @NotNull @Size(min = 1, max = 8) List<@NotNull CaseDecision> decisions,
            @Size(max = 20) List<@NotNull @Valid ActionItemInput> actionItems) {
    }

    public record DoneInput(@NotNull LocalDate doneOn) {
    }

    public record ArrangementInput(
            @NotNull ArrangementKind kind,
            @NotNull FundingSource fundingSource,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @Size(max = 4000) String description,
            @Schema(description = "The case whose outcome started it, if any") UUID caseId) {
    }

    public record EndInput(@NotNull LocalDate endDate) {
    }

    public record AdviceInput(
            @NotBlank @Size(max = 200) String expertName,
            @NotNull ExpertDiscipline discipline,
            @Schema(description = "BIG, NIP or NVO registration; identifies the expert when given") @Size(max = 50) String registration,
            @NotNull LocalDate givenOn,
            @NotBlank @Size(max = 8000) String summary) {
    }

    public record TlvInput(
            @NotNull TlvTarget target,
            @NotBlank @Size(max = 8000) String motivation,
            @Size(max = 6) List<@NotNull @Valid AdviceInput> advices) {
    }

    public record DecisionInput(
            @NotNull TlvOutcome outcome,
            @Schema(description = "For GRANTED: SBO for an SBO request, SO_LOW, SO_MEDIUM or SO_HIGH for an SO request") TlvCategory category,
            LocalDate startDate,
            LocalDate endDate,
            @Schema(description = "For REFUSED") @Size(max = 4000) String reason,
            @Schema(description = "Default today") LocalDate decidedOn) {
    }

    public record ObjectionInput(
            @NotNull LocalDate lodgedOn,
            @NotBlank @Size(max = 4000) String grounds) {
    }
}
