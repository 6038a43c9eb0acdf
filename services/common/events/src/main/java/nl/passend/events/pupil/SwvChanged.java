package nl.passend.events.pupil;

import java.time.LocalDate;
import nl.passend.events.payload.EventPayload;

/** An SWV (samenwerkingsverband) registered or changed. Key: the SWV code. */
public record SwvChanged(String swvCode, LocalDate effectiveDate) implements EventPayload {
}
