package nl.passend.events.support;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.SupportDomain;

/**
 * A handelingsplan (level 3) started or ended for one pupil of its group (one event per pupil).
 * Key: the pupil id.
 */
public record ActionPlanChanged(UUID actionPlanId, UUID pupilId, String schoolCode, SupportDomain domain,
        LocalDate startDate, LocalDate endDate, LocalDate effectiveDate) implements EventPayload {
}
