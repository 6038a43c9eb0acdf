package nl.passend.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import nl.passend.events.codes.SchoolType;

/** Rates as fractions with four decimals (0.0125 = 1.25 %); null when there is nothing to divide by. */
public final class Rates {

    private Rates() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /**
     * The SWV's referral rate: referrals from its regular (BAO) schools during the school year over
     * their pupils on the count date, so that big schools weigh as much as their pupils.
     */
    public static BigDecimal referralRate(List<SchoolFigures> schools) {
        List<SchoolFigures> regular = schools.stream().filter(s -> s.schoolType() == SchoolType.BAO).toList();
        return of(regular.stream().mapToInt(SchoolFigures::referrals).sum(),
                regular.stream().mapToInt(SchoolFigures::pupils).sum());
    }
}
