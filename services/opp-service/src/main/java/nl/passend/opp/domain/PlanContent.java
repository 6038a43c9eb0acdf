package nl.passend.opp.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ExpectedDestination;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one OPP version says (WPO art. 40a; docs/rules.md, "The OPP: lifecycle and content"): the
 * perspective part, the action part and the SMART goals. Stored as one document per version; frozen once the version leaves DRAFT.
 */
public record PlanContent(Perspective perspective, ActionPart actionPart, List<Goal> goals) {

    /** The perspective part: expected destination and its rationale, and the OOGO with the parents. */
    public record Perspective(ExpectedDestination expectedDestination, String rationale,
            List<String> supportingFactors, List<String> hinderingFactors, AgreementDialogue agreementDialogue) {
    }

    /** The op overeenstemming gericht overleg (OOGO) with the parents on the perspective part. */
    public record AgreementDialogue(LocalDate date, String summary) {
    }

    /** The action part (handelingsdeel): what the parents consent to. */
    public record ActionPart(String support, String deviations, List<Task> tasks, List<Scenario> scenarios,
            ArrangementSpecification arrangement) {
    }

    /** Who does what, why, how and when. */
    public record Task(String who, String what, String why, String how, String when) {
    }

    /** A scenario with the time path within which its effects must be visible. */
    public record Scenario(String description, String timePath, LocalDate effectVisibleBy) {
    }

    /** The arrangement's specification: instruction needs, tasks, materials, learning environment and activities, guidance, cooperation with classmates, behavioural support. */
    public record ArrangementSpecification(String instructionNeeds, String tasks, String materials,
            String learningEnvironment, String learningActivities, String guidanceAndFeedback,
            String cooperationWithClassmates, String behaviouralSupportSituations) {
    }

    /** A SMART interim or final goal in one domain, with its measure and target date. */
    public record Goal(UUID id, GoalKind kind, GoalDomain domain, String description, String measure,
            LocalDate targetDate, ReferenceLevel referenceLevel) {
    }

    public enum GoalKind {
        INTERIM,
        FINAL
    }

    /** The goal domains of a learning line; the first five are tied to the reference levels. */
    public enum GoalDomain {
        TECHNICAL_READING(true),
        READING_COMPREHENSION(true),
        SPELLING(true),
        MATHS(true),
        LANGUAGE(true),
        SOCIAL_EMOTIONAL(false),
        WORK_ATTITUDE(false),
        MOTOR_SKILLS(false);

        private final boolean referenceLevels;

        GoalDomain(boolean referenceLevels) {
            this.referenceLevels = referenceLevels;
        }

        /** Language and maths goals follow a learning line tied to the reference levels 1F, 2F, 1S. */
        public boolean hasReferenceLevels() {
            return referenceLevels;
        }
    }

    /** The national reference levels for language and maths. */
    @Schema(enumeration = {"1F", "2F", "1S"})
    public enum ReferenceLevel {
        LEVEL_1F("1F"),
        LEVEL_2F("2F"),
        LEVEL_1S("1S");

        private final String code;

        ReferenceLevel(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
