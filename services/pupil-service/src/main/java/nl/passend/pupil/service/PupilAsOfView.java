package nl.passend.pupil.service;

import nl.passend.pupil.domain.PupilAsOf.EnrolmentAsOf;
import nl.passend.pupil.domain.Pupil;

/** A pupil as of a day: the record as it is now, and the enrolment the pupil was at on that day. */
public record PupilAsOfView(Pupil pupil, EnrolmentAsOf enrolment) {
}
