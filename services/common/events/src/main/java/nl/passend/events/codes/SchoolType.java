package nl.passend.events.codes;

/** Regular primary school, special primary school (SBO), or special school (SO). */
public enum SchoolType {
    BAO,
    SBO,
    SO
}
