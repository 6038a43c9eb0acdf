package nl.passend.pupil.service;

import java.time.LocalDate;
import java.util.Objects;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.platform.problem.Problems;
import nl.passend.pupil.api.Requests.Leaving;
import nl.passend.pupil.domain.Enrolment;

/** Closing an enrolment: a pupil cannot leave before arriving. */
final class LeavingRules {

    private LeavingRules() {
    }

    static void close(Enrolment enrolment, LocalDate leftOn, LeavingDestination destination,
            String destinationSchoolCode) {
        if (leftOn.isBefore(enrolment.startDate)) {
            throw Problems.unprocessable("left-before-enrolment", "leftOn " + leftOn
                    + " is before the enrolment's start " + enrolment.startDate);
        }
        enrolment.endDate = leftOn;
        enrolment.destination = destination;
        enrolment.destinationSchoolCode = destinationSchoolCode;
    }

    static boolean sameLeaving(Enrolment enrolment, Leaving leaving) {
        return Objects.equals(enrolment.endDate, leaving.leftOn()) && enrolment.destination == leaving.destination()
                && Objects.equals(enrolment.destinationSchoolCode, leaving.destinationSchoolCode());
    }
}
