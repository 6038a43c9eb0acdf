package nl.passend.support.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.SupportCategory;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.support.domain.GivenBy;
import nl.passend.support.service.InterventionService.Outcome;

/** Response bodies. */
public final class Responses {

    private Responses() {
    }

    /** The pupil's level now (null while none was recorded) and the entry it comes from. */
    public record CurrentLevelResponse(UUID pupilId, SupportLevel level, SupportCategory category, LocalDate since,
            LevelEntryResponse entry) {
    }

    /** One history entry; {@code correctedBy} names the entry that corrected it, if any. */
    public record LevelEntryResponse(UUID id, SupportLevel level, SupportCategory category, SupportLevel previousLevel,
            LocalDate effectiveDate, String reason, List<SupportDomain> domains, String decidedBy, UUID correctsEntryId,
            UUID correctedBy, String recordedBy, String recordedRole, Instant recordedAt) {
    }

    public record BatchResponse(List<ItemResponse> interventions, List<ItemResponse> sessions) {
    }

    public record ItemResponse(String appId, UUID id, Outcome outcome) {
    }

    /** An intervention; {@code pupilIds} are the pupils of its group the caller may see. */
    public record InterventionResponse(UUID id, String appId, String schoolCode, Set<UUID> pupilIds,
            SupportDomain domain, SupportLevel level, InterventionKind kind, LocalDate startDate, LocalDate endDate,
            int frequencyPerWeek, int minutesPerSession, GivenBy givenBy, InterventionEffect effect, String evaluationNote,
            LocalDate evaluatedOn, List<SessionResponse> sessions, Instant recordedAt) {
    }

    public record SessionResponse(UUID id, String appId, LocalDate heldOn, int minutes) {
    }

    public record ActionPlanResponse(UUID id, String schoolCode, Set<UUID> pupilIds, SupportDomain domain, String goal,
            String approach, LocalDate startDate, LocalDate endDate, String evaluation, LocalDate evaluatedOn,
            boolean ended, Instant createdAt) {
    }

    public record SignalResponse(UUID pupilId, SupportSignalKind kind, SupportDomain domain, LocalDate since) {
    }
}
