package nl.passend.opp.domain;

import java.time.LocalDate;

/** The commissie van begeleiding's decision to change an SO/SBO pupil's expected destination. */
public record DestinationDecision(LocalDate date, String reference) {
}
