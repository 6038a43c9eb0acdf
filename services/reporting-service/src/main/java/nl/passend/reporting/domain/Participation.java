package nl.passend.reporting.domain;

import java.math.BigDecimal;

/** Participation on the count date (stocks): SBO = sbo / (bao + sbo), SO = so / (bao + sbo). */
public record Participation(int bao, int sbo, int so, int soWithoutKnownTlv, BigDecimal sboRate,
        BigDecimal soRate, BigDecimal nationalSboRate, BigDecimal nationalSoRate) {
}
