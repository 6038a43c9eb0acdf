package nl.passend.support.mapping;

import java.util.List;
import java.util.UUID;
import nl.passend.support.api.model.Responses.ActionPlanResponse;
import nl.passend.support.api.model.Responses.BatchResponse;
import nl.passend.support.api.model.Responses.CurrentLevelResponse;
import nl.passend.support.api.model.Responses.InterventionResponse;
import nl.passend.support.api.model.Responses.LevelEntryResponse;
import nl.passend.support.api.model.Responses.SessionResponse;
import nl.passend.support.api.model.Responses.SignalResponse;
import nl.passend.support.domain.ActionPlan;
import nl.passend.support.domain.InterventionSession;
import nl.passend.support.domain.LevelEntry;
import nl.passend.support.service.InterventionService.BatchResult;
import nl.passend.support.service.InterventionService.InterventionView;
import nl.passend.support.service.LevelService.Current;
import nl.passend.support.service.SupportSignals.Signal;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entities to API records; entities never leave the service as they are. */
@Mapper
public interface SupportMapper {

    BatchResponse toResponse(BatchResult result);

    SessionResponse toResponse(InterventionSession session);

    @Mapping(target = "pupilIds", source = "pupils")
    @Mapping(target = "startDate", source = "startsOn")
    @Mapping(target = "endDate", source = "endsOn")
    ActionPlanResponse toResponse(ActionPlan plan);

    List<ActionPlanResponse> toActionPlanResponses(List<ActionPlan> plans);

    SignalResponse toResponse(Signal signal);

    List<SignalResponse> toSignalResponses(List<Signal> signals);

    default CurrentLevelResponse toResponse(Current current) {
        LevelEntry e = current.entry();
        return new CurrentLevelResponse(current.pupilId(), e == null ? null : e.level,
                e == null ? null : e.level.category(), e == null ? null : e.effectiveDate,
                e == null ? null : toResponse(e, null));
    }

    default LevelEntryResponse toResponse(LevelEntry e, UUID correctedBy) {
        return new LevelEntryResponse(e.id, e.level, e.level.category(), e.previousLevel, e.effectiveDate, e.reason,
                e.domains, e.decidedBy, e.correctsEntryId, correctedBy, e.recordedBy, e.recordedRole, e.recordedAt);
    }

    /** The history, each entry with the entry that corrected it. */
    default List<LevelEntryResponse> toHistory(List<LevelEntry> entries) {
        return entries.stream().map(e -> toResponse(e, entries.stream()
                .filter(c -> e.id.equals(c.correctsEntryId)).map(c -> c.id).findFirst().orElse(null))).toList();
    }

    default InterventionResponse toResponse(InterventionView view) {
        var i = view.intervention();
        boolean evaluated = view.showsEvaluation();
        return new InterventionResponse(i.id, i.appId, i.schoolCode, view.visiblePupils(), i.domain, i.level, i.kind,
                i.startsOn, i.endsOn, i.frequencyPerWeek, i.minutesPerSession, i.givenBy, evaluated ? i.effect : null,
                evaluated ? i.evaluationNote : null, evaluated ? i.evaluatedOn : null,
                view.sessions().stream().map(this::toResponse).toList(), i.recordedAt);
    }

    default List<InterventionResponse> toInterventionResponses(List<InterventionView> views) {
        return views.stream().map(this::toResponse).toList();
    }
}
