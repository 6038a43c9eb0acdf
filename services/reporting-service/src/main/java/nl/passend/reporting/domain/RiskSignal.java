package nl.passend.reporting.domain;

import java.util.Map;

/** A risk signal for a school, with the figures behind it (names to numbers, in a fixed order). */
public record RiskSignal(String schoolCode, RiskKind kind, Map<String, Number> figures) {
}
