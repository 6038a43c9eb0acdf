package nl.passend.events.opp;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppStatus;

/**
 * A change of an OPP version's status: drafted, in dialogue, consented, established, evaluated,
 * consent withdrawn after establishment, closed ({@code closeReason} only then). Ids and codes only:
 * the plan's content stays in opp-service. Key: the pupil id.
 */
public record OppChanged(UUID planId, UUID pupilId, String schoolCode, int version, OppStatus status,
        ExpectedDestination expectedDestination, OppCloseReason closeReason, LocalDate effectiveDate)
        implements EventPayload {
}
