package nl.passend.pupil.domain;

import java.time.LocalDate;
import java.time.Period;
import nl.passend.events.codes.LeavingDestination;

/**
 * When a pupil who left may be erased: a retention period after leaving, longer for a pupil referred
 * to special education (the file may be needed for the TLV and its objection period).
 */
public record RetentionPolicy(Period afterLeaving, Period afterReferral) {

    public LocalDate erasableFrom(LocalDate leftOn, LeavingDestination destination) {
        return leftOn.plus(destination != null && destination.isReferral() ? afterReferral : afterLeaving);
    }

    public boolean isErasable(LocalDate leftOn, LeavingDestination destination, LocalDate today) {
        return !today.isBefore(erasableFrom(leftOn, destination));
    }
}
