package nl.passend.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.TlvCategory;
import org.junit.jupiter.api.Test;

/** Rates are fractions with four decimals, rounded half up; null when there is nothing to divide by. */
class RatesTest {

    @Test
    void fourDecimalsRoundedHalfUp() {
        assertThat(Rates.of(1, 3)).isEqualTo(new BigDecimal("0.3333"));
        assertThat(Rates.of(2, 3)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(Rates.of(6, 300)).isEqualTo(new BigDecimal("0.0200"));
        assertThat(Rates.of(10, 310)).isEqualTo(new BigDecimal("0.0323"));
        assertThat(Rates.of(6, 310)).isEqualTo(new BigDecimal("0.0194"));
        // exactly half a ten-thousandth rounds up
        assertThat(Rates.of(1, 20_000)).isEqualTo(new BigDecimal("0.0001"));
        assertThat(Rates.of(1, 20_001)).isEqualTo(new BigDecimal("0.0000"));
        assertThat(Rates.of(3, 40_000)).isEqualTo(new BigDecimal("0.0001")); // 0.000075
        assertThat(Rates.of(5, 40_000)).isEqualTo(new BigDecimal("0.0001")); // 0.000125
        assertThat(Rates.of(1, 1)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(Rates.of(0, 7)).isEqualTo(new BigDecimal("0.0000"));
        assertThat(Rates.of(16_000, 1_470_000)).isEqualTo(new BigDecimal("0.0109"));
        assertThat(Rates.of(1, 3).scale()).isEqualTo(4);
    }

    @Test
    void nullWhenThereIsNothingToDivideBy() {
        assertThat(Rates.of(0, 0)).isNull();
        assertThat(Rates.of(5, 0)).isNull();
        assertThat(Rates.of(1, -1)).isNull();
    }

    @Test
    void theSwvsReferralRateIsOverItsRegularSchoolsTogether() {
        // weighted by pupils: (4 + 1) / (100 + 400), not the mean of 4 % and 0.25 %
        List<SchoolFigures> schools = List.of(school("A", SchoolType.BAO, 100, 4), school("B", SchoolType.BAO, 400, 1),
                // SBO and SO schools neither add pupils nor referrals
                school("S", SchoolType.SBO, 50, 9), school("O", SchoolType.SO, 30, 3));
        assertThat(Rates.referralRate(schools)).isEqualTo(new BigDecimal("0.0100"));
    }

    @Test
    void theSwvsReferralRateIsNullWithoutRegularPupils() {
        assertThat(Rates.referralRate(List.of())).isNull();
        assertThat(Rates.referralRate(List.of(school("S", SchoolType.SBO, 50, 2)))).isNull();
        assertThat(Rates.referralRate(List.of(school("A", SchoolType.BAO, 0, 0)))).isNull();
        assertThat(Rates.referralRate(List.of(school("A", SchoolType.BAO, 10, 0)))).isEqualTo(new BigDecimal("0.0000"));
    }

    private static SchoolFigures school(String code, SchoolType type, int pupils, int referrals) {
        return new SchoolFigures(code, type, "B1", "PO1", pupils, referrals, 0, referrals,
                new EnumMap<>(SupportLevel.class), 0, Map.of(), 0, 0, 0,
                new EnumMap<>(TlvCategory.class), 0, 0, 0, 0, 0, 0);
    }
}
