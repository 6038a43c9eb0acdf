package nl.passend.pupil.service;

/** The group (class) a pupil is in, by its name at the school, with its year 1–8; created when new. */
public record GroupPlacement(String name, int year) {
}
