package nl.passend.pupil.domain;

public enum PupilStatus {
    ACTIVE,
    LEFT
}
