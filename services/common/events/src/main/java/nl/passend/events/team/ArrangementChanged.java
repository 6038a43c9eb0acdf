package nl.passend.events.team;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.FundingSource;

/**
 * An arrangement (extra support granted for a pupil) started or ended; {@code endDate} is null while
 * open-ended. Its start starts the OPP clock. Key: the pupil id.
 */
public record ArrangementChanged(UUID arrangementId, UUID pupilId, String schoolCode, ArrangementKind kind,
        FundingSource fundingSource, LocalDate startDate, LocalDate endDate, LocalDate effectiveDate)
        implements EventPayload {
}
