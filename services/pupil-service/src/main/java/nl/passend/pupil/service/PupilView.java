package nl.passend.pupil.service;

import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.SchoolGroup;

/** A pupil and its group (null when it has none), as the caller may see it. */
public record PupilView(Pupil pupil, SchoolGroup group) {
}
