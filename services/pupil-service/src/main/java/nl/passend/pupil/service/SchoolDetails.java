package nl.passend.pupil.service;

import nl.passend.events.codes.SchoolType;

/** What the admin registers about a school besides its code. */
public record SchoolDetails(String name, SchoolType schoolType, String boardCode, String swvCode) {
}
