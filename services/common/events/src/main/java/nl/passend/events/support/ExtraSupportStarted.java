package nl.passend.events.support;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;

/**
 * A pupil moved to LEVEL_4 (extra support) on {@code effectiveDate}, by the level change
 * {@code changeId}: the OPP is due within 6 weeks. Key: the pupil id.
 */
public record ExtraSupportStarted(UUID pupilId, String schoolCode, UUID changeId, LocalDate effectiveDate)
        implements EventPayload {
}
