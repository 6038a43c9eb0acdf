package nl.passend.pupil.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import nl.passend.events.codes.LeavingDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RetentionPolicyTest {

    private final RetentionPolicy policy = new RetentionPolicy(Period.ofYears(2), Period.ofYears(3));
    private final LocalDate leftOn = LocalDate.of(2024, 7, 12);

    @ParameterizedTest
    @EnumSource(value = LeavingDestination.class, names = {"SBO", "SO"})
    void aReferralIsKeptThreeYears(LeavingDestination referral) {
        assertThat(referral.isReferral()).isTrue();
        assertThat(policy.erasableFrom(leftOn, referral)).isEqualTo(LocalDate.of(2027, 7, 12));
        assertThat(policy.isErasable(leftOn, referral, LocalDate.of(2027, 7, 11))).isFalse();
        assertThat(policy.isErasable(leftOn, referral, LocalDate.of(2027, 7, 12))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = LeavingDestination.class, names = {"SBO", "SO"}, mode = EnumSource.Mode.EXCLUDE)
    void anyOtherLeaverIsKeptTwoYears(LeavingDestination destination) {
        assertThat(destination.isReferral()).isFalse();
        assertThat(policy.isErasable(leftOn, destination, LocalDate.of(2026, 7, 11))).isFalse();
        assertThat(policy.isErasable(leftOn, destination, LocalDate.of(2026, 7, 12))).isTrue();
    }

    @Test
    void aLeaverWithoutKnownDestinationGetsTheOrdinaryPeriod() {
        assertThat(policy.erasableFrom(leftOn, null)).isEqualTo(LocalDate.of(2026, 7, 12));
    }
}
