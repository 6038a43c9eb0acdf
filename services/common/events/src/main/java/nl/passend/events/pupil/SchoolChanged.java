package nl.passend.events.pupil;

import java.time.LocalDate;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.codes.SchoolType;

/** A school registered or changed. Key: the school code (BRIN + vestiging). */
public record SchoolChanged(String schoolCode, SchoolType schoolType, String boardCode, String swvCode,
        LocalDate effectiveDate) implements EventPayload {
}
