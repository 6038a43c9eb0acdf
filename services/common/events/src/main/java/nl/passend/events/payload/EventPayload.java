package nl.passend.events.payload;

import java.time.LocalDate;

/**
 * The data of an event. Carries ids and codes only, never names, birth dates or free text about a
 * pupil, and the business date on which the fact takes effect (count dates are computed from it).
 */
public interface EventPayload {
    LocalDate effectiveDate();
}
