package nl.passend.events.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.SupportCategory;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;

/**
 * A pupil's support level changed, effective {@code effectiveDate}; {@code previousLevel} is null for
 * the first entry, {@code correctsChangeId} names the entry a correction corrects. Key: the pupil id.
 */
public record SupportLevelChanged(UUID changeId, UUID pupilId, String schoolCode, SupportLevel level,
        SupportCategory category, SupportLevel previousLevel, List<SupportDomain> domains, UUID correctsChangeId,
        LocalDate effectiveDate) implements EventPayload {
}
