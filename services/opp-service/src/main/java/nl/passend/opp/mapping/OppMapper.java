package nl.passend.opp.mapping;

import java.util.List;
import nl.passend.opp.api.model.Requests.DestinationDecisionInput;
import nl.passend.opp.api.model.Requests.EvaluationInput;
import nl.passend.opp.api.model.Requests.PlanInput;
import nl.passend.opp.api.model.Responses.ConsentResponse;
import nl.passend.opp.api.model.Responses.DecisionResponse;
import nl.passend.opp.api.model.Responses.DocumentResponse;
import nl.passend.opp.api.model.Responses.DueResponse;
import nl.passend.opp.api.model.Responses.EvaluationResponse;
import nl.passend.opp.api.model.Responses.OverdueResponse;
import nl.passend.opp.api.model.Responses.PlanResponse;
import nl.passend.opp.api.model.Responses.PlanSummary;
import nl.passend.opp.api.model.Responses.RodResponse;
import nl.passend.opp.api.model.Responses.VersionResponse;
import nl.passend.opp.api.model.Responses.VersionSummary;
import nl.passend.opp.api.model.Responses.ViewResponse;
import nl.passend.opp.domain.DestinationDecision;
import nl.passend.opp.domain.OppAsOf.PlanAsOf;
import nl.passend.opp.domain.OppAsOf.VersionAsOf;
import nl.passend.opp.domain.OppConsentDecision;
import nl.passend.opp.domain.OppDocument;
import nl.passend.opp.domain.OppDue;
import nl.passend.opp.domain.OppEvaluation;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.domain.OppVersion;
import nl.passend.opp.domain.OppView;
import nl.passend.opp.domain.PlanContent;
import nl.passend.opp.service.Draft;
import nl.passend.opp.service.EvaluationDraft;
import nl.passend.opp.service.PlanView;
import nl.passend.opp.service.VersionView;
import nl.passend.opp.service.OverdueSignals.Overdue;
import nl.passend.opp.service.RodExport.RodRecord;
import org.mapstruct.Mapper;

/** Requests to domain values, entities to API records; entities never leave the service as they are. */
@Mapper
public interface OppMapper {

    PlanContent toContent(PlanInput input);

    DestinationDecision toDecision(DestinationDecisionInput input);

    default Draft toDraft(PlanInput input) {
        return new Draft(toContent(input), toDecision(input.destinationDecision()));
    }

    EvaluationDraft toDraft(EvaluationInput input);

    PlanSummary toSummary(OppPlan plan);

    List<PlanSummary> toSummaries(List<OppPlan> plans);

    VersionSummary toSummary(OppVersion version);

    DocumentResponse toResponse(OppDocument document);

    ViewResponse toResponse(OppView view);

    EvaluationResponse toResponse(OppEvaluation evaluation);

    DecisionResponse toResponse(OppConsentDecision decision);

    DueResponse toResponse(OppDue due);

    List<DueResponse> toDueResponses(List<OppDue> dues);

    OverdueResponse toResponse(Overdue overdue);

    List<OverdueResponse> toOverdueResponses(List<Overdue> overdue);

    RodResponse toResponse(RodRecord record);

    List<RodResponse> toRodResponses(List<RodRecord> records);

    default PlanResponse toResponse(PlanView view) {
        OppPlan p = view.plan();
        return new PlanResponse(p.id, p.pupilId, p.schoolCode, p.status, p.currentVersion, p.inForceVersion,
                p.firstEstablishedOn, p.lastEvaluatedOn, p.closedOn, p.closeReason, p.attention, p.createdAt,
                p.updatedAt, toResponse(view.current()), view.versions().stream().map(this::toSummary).toList(),
                view.documents().stream().map(this::toResponse).toList());
    }

    default VersionResponse toResponse(VersionView view) {
        OppVersion v = view.version();
        ConsentResponse consent = new ConsentResponse(v.consentRequestId, v.consentOutcome, v.consentOutcomeOn,
                view.decisions().stream().map(this::toResponse).toList());
        return new VersionResponse(v.number, v.status, v.content, v.destinationDecision(), consent, v.establishedBy,
                v.establishedRole, v.establishedAt, v.supersededAt, v.createdBy, v.createdAt,
                view.evaluations().stream().map(this::toResponse).toList(),
                view.views().stream().map(this::toResponse).toList());
    }

    // ---- as of a day: the standing replayed by OppAsOf, never the fields of the entities now ----

    default PlanSummary toSummary(PlanAsOf p) {
        OppPlan plan = p.plan();
        return new PlanSummary(plan.id, plan.pupilId, plan.schoolCode, p.status(), p.currentVersion(),
                p.inForceVersion(), p.firstEstablishedOn(), p.closedOn(), p.attention(), null);
    }

    default PlanResponse toResponse(PlanAsOf p) {
        OppPlan plan = p.plan();
        return new PlanResponse(plan.id, plan.pupilId, plan.schoolCode, p.status(), p.currentVersion(),
                p.inForceVersion(), p.firstEstablishedOn(), p.lastEvaluatedOn(), p.closedOn(), p.closeReason(),
                p.attention(), plan.createdAt, null, toResponse(p.current()),
                p.versions().stream().map(this::toSummary).toList(),
                p.documents().stream().map(this::toResponse).toList());
    }

    default VersionSummary toSummary(VersionAsOf v) {
        OppVersion version = v.version();
        return new VersionSummary(version.number, v.status(), version.expectedDestination, v.consentOutcome(),
                v.established() ? version.establishedAt : null, v.superseded() ? version.supersededAt : null);
    }

    default VersionResponse toResponse(VersionAsOf v) {
        OppVersion version = v.version();
        ConsentResponse consent = new ConsentResponse(v.consentRequestId(), v.consentOutcome(), v.consentOutcomeOn(),
                v.decisions().stream().map(this::toResponse).toList());
        boolean established = v.established();
        return new VersionResponse(version.number, v.status(), version.content, version.destinationDecision(), consent,
                established ? version.establishedBy : null, established ? version.establishedRole : null,
                established ? version.establishedAt : null, v.superseded() ? version.supersededAt : null,
                version.createdBy, version.createdAt, v.evaluations().stream().map(this::toResponse).toList(),
                v.views().stream().map(this::toResponse).toList());
    }
}
