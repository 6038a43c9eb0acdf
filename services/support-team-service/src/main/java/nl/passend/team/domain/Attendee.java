package nl.passend.team.domain;

/** Someone taking part in a meeting, from inside the school or from outside it. Stored with the meeting. */
public record Attendee(String name, AttendeeFunction function, boolean outsideSchool) {
}
