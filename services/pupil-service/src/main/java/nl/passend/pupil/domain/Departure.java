package nl.passend.pupil.domain;

import java.time.LocalDate;
import java.util.Objects;
import nl.passend.events.codes.LeavingDestination;

/** A pupil's leaving of a school: the leaving day, where to, and the destination school when known. */
public record Departure(LocalDate leftOn, LeavingDestination destination, String destinationSchoolCode) {

    /** Whether the enrolment was closed with exactly this leaving already (then there is nothing to record). */
    public boolean closed(Enrolment enrolment) {
        return Objects.equals(enrolment.endDate, leftOn) && enrolment.destination == destination
                && Objects.equals(enrolment.destinationSchoolCode, destinationSchoolCode);
    }
}
