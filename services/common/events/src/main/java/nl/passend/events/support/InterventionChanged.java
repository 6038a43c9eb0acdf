package nl.passend.events.support;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;

/**
 * An intervention recorded for, or evaluated for, one pupil (a group intervention gives one event per
 * pupil); {@code effect} only once evaluated, {@code endDate} null while open-ended. Key: the pupil id.
 */
public record InterventionChanged(UUID interventionId, UUID pupilId, String schoolCode, SupportDomain domain,
        SupportLevel level, InterventionKind kind, LocalDate startDate, LocalDate endDate, InterventionEffect effect,
        LocalDate effectiveDate) implements EventPayload {
}
