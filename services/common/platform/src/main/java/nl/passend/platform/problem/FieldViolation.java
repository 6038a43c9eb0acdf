package nl.passend.platform.problem;

/**
 * One field of the input that is wrong: {@code field} is its path in the body (names joined by '.', list
 * positions in brackets: {@code pupils[500].birthDate}) or the name of the query or path parameter.
 */
public record FieldViolation(String field, String message) {
}
