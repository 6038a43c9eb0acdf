package nl.passend.events.pupil;

import java.time.LocalDate;
import nl.passend.events.payload.EventPayload;

/** A school board registered or changed. Key: the board code. */
public record BoardChanged(String boardCode, LocalDate effectiveDate) implements EventPayload {
}
