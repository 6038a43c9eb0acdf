package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import nl.passend.platform.problem.Problems;
import nl.passend.pupil.domain.Departure;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilStatus;
import nl.passend.pupil.messaging.PupilEvents;

/**
 * Records that a pupil left a school: the enrolment ends with the leaving day and destination, and
 * pupil.left is published. Used by the batch upsert, by a single leave, and when a pupil moves to
 * another school.
 */
@ApplicationScoped
public class Departures {

    @Inject
    PupilEvents events;

    @Inject
    EntityManager em;

    /** The enrolment ends; the pupil is LEFT when it was the pupil's current school. */
    public void record(Pupil pupil, Enrolment enrolment, Departure departure) {
        close(enrolment, departure);
        if (pupil.schoolCode.equals(enrolment.schoolCode)) {
            pupil.status = PupilStatus.LEFT;
        }
        em.flush();
        events.left(pupil, enrolment);
    }

    /** Closes the enrolment without changing the pupil: a pupil cannot leave before arriving. */
    public void close(Enrolment enrolment, Departure departure) {
        if (departure.leftOn().isBefore(enrolment.startDate)) {
            throw Problems.unprocessable("left-before-enrolment", "leftOn " + departure.leftOn()
                    + " is before the enrolment's start " + enrolment.startDate);
        }
        enrolment.endDate = departure.leftOn();
        enrolment.destination = departure.destination();
        enrolment.destinationSchoolCode = departure.destinationSchoolCode();
    }
}
