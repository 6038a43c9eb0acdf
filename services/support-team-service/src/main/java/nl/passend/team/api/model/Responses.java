package nl.passend.team.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvTarget;
import nl.passend.team.api.model.Requests.DiscussedAs;
import nl.passend.team.domain.AttendeeFunction;
import nl.passend.team.domain.ExpertDiscipline;
import nl.passend.team.domain.TlvStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies. A case shows its pupil only when it may be named (or to the pupil's parents). */
public final class Responses {

    private Responses() {
    }

    public record AttendeeResponse(String name, AttendeeFunction function, boolean outsideSchool, boolean member) {
    }

    public record MeetingSummaryResponse(UUID id, String schoolCode, MeetingType type, LocalDate date, String title,
            List<AttendeeResponse> attendees, boolean outsidersPresent, boolean held, Instant updatedAt) {
    }

    public record MeetingResponse(UUID id, String schoolCode, MeetingType type, LocalDate date, String title,
            List<AttendeeResponse> attendees, boolean outsidersPresent, boolean held,
            @Schema(description = "The cases the caller may see") List<CaseResponse> cases) {
    }

    public record ConsentResponse(ConsentOutcome outcome, LocalDate decidedOn) {
    }

    public record OutcomeResponse(LocalDate discussedOn, DiscussedAs discussedAs, String discussion, String advice,
            List<CaseDecision> decisions,
            @Schema(description = "The parents' ASSESSMENT consent, asked with an ASSESS decision") ConsentOutcome assessmentConsent) {
    }

    public record CaseResponse(UUID id, UUID meetingId, MeetingType meetingType, LocalDate meetingDate, String schoolCode,
            @Schema(description = "Only when the case may be named, and to the pupil's parents; absent for an anonymous case")
            UUID pupilId,
            String question,
            @Schema(description = "Put on the agenda by name") boolean byName,
            @Schema(description = "Whether the case is discussed and shown by name now") boolean named,
            @Schema(description = "The parents' DISCUSS_IN_SUPPORT_TEAM consent; absent while none is needed") ConsentResponse consent,
            @Schema(description = "Absent until discussed") OutcomeResponse outcome,
            List<ActionItemResponse> actionItems) {
    }

    public record ActionItemResponse(UUID id, UUID caseId, String description, AttendeeFunction ownerFunction,
            LocalDate dueOn, LocalDate doneOn, boolean overdue,
            @Schema(description = "Marking it done sends this as If-Match: \"<version>\"") long version) {
    }

    public record ArrangementResponse(UUID id, UUID pupilId, String schoolCode, UUID caseId, ArrangementKind kind,
            FundingSource fundingSource, LocalDate startDate, LocalDate endDate, String description, boolean ended) {
    }

    public record AdviceResponse(UUID id, String expertName, ExpertDiscipline discipline, String registration,
            LocalDate givenOn, String summary) {
    }

    public record TlvDecisionResponse(TlvStatus outcome, TlvCategory category, LocalDate startDate, LocalDate endDate,
            String reason, String issuingSwvCode, LocalDate decidedOn,
            @Schema(description = "The last day an objection can be lodged") LocalDate objectionUntil) {
    }

    public record ObjectionResponse(LocalDate lodgedOn, String grounds) {
    }

    public record TlvResponse(UUID id, UUID pupilId, String schoolCode, String swvCode, TlvTarget target,
            String motivation, List<AdviceResponse> advices, TlvStatus status, LocalDate submittedOn,
            @Schema(description = "Absent until the SWV decided") TlvDecisionResponse decision,
            ObjectionResponse objection) {
    }

    public record SignalResponse(UUID pupilId, String schoolCode, TeamSignalKind kind, UUID actionItemId, LocalDate since) {
    }
}
