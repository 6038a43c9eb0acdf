package nl.passend.opp.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.Attention;
import nl.passend.opp.domain.DestinationDecision;
import nl.passend.opp.domain.DueReason;
import nl.passend.opp.domain.GoalProgress;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.domain.ViewKind;

/** Response bodies. The plan's content is shown as the version holds it. */
public final class Responses {

    private Responses() {
    }

    /** A plan: its standing, its current version whole, a line per version, and its documents. */
    public record PlanResponse(UUID id, UUID pupilId, String schoolCode, OppStatus status, int currentVersion,
            Integer inForceVersion, LocalDate firstEstablishedOn, LocalDate lastEvaluatedOn, LocalDate closedOn,
            OppCloseReason closeReason, Attention attention, Instant createdAt, Instant updatedAt,
            VersionResponse current, List<VersionSummary> versions, List<DocumentResponse> documents) {
    }

    /** A plan in a list: no content. */
    public record PlanSummary(UUID id, UUID pupilId, String schoolCode, OppStatus status, int currentVersion,
            Integer inForceVersion, LocalDate firstEstablishedOn, LocalDate closedOn, Attention attention,
            Instant updatedAt) {
    }

    public record VersionSummary(int number, OppStatus status, ExpectedDestination expectedDestination,
            ConsentOutcome consentOutcome, Instant establishedAt, Instant supersededAt) {
    }

    public record VersionResponse(int number, OppStatus status, PlanContent content,
            DestinationDecision destinationDecision, ConsentResponse consent, String establishedBy,
            String establishedRole, Instant establishedAt, Instant supersededAt, String createdBy, Instant createdAt,
            List<EvaluationResponse> evaluations, List<ViewResponse> views) {
    }

    /** The consent asked for this version: the request that counts, its outcome, and every decision received. */
    public record ConsentResponse(UUID requestId, ConsentOutcome outcome, LocalDate decidedOn,
            List<DecisionResponse> decisions) {
    }

    public record DecisionResponse(UUID requestId, ConsentOutcome outcome, LocalDate decidedOn, boolean applied,
            Instant receivedAt) {
    }

    public record EvaluationResponse(UUID id, LocalDate evaluatedOn, List<GoalProgress> goalProgress, String changes,
            String recordedBy, String recordedRole, Instant recordedAt) {
    }

    /** A view; {@code evaluationId} when it was given at an evaluation. */
    public record ViewResponse(UUID id, ViewKind kind, String text, UUID evaluationId, String recordedRole,
            Instant recordedAt) {
    }

    public record DocumentResponse(UUID id, String title, String kind, String uri, Instant addedAt) {
    }

    public record DueResponse(UUID id, UUID pupilId, DueReason reason, LocalDate startDate, LocalDate dueDate,
            LocalDate fulfilledOn, LocalDate droppedOn) {
    }

    public record OverdueResponse(UUID pupilId, UUID planId, OppDueKind kind, DueReason reason, LocalDate dueDate) {
    }

    public record RodResponse(UUID pupilId, UUID planId, String schoolCode, LocalDate startDate, LocalDate endDate) {
    }
}
