package nl.passend.consent.domain;

import static nl.passend.consent.domain.EntryKind.GIVEN;
import static nl.passend.consent.domain.EntryKind.REFUSED;
import static nl.passend.consent.domain.EntryKind.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.consent.domain.ConsentOutcomes.Entry;
import nl.passend.consent.domain.ConsentOutcomes.RuleViolation;
import nl.passend.consent.domain.ConsentOutcomes.Violation;
import nl.passend.events.codes.ConsentOutcome;
import org.junit.jupiter.api.Test;

class ConsentOutcomesTest {

    private final UUID mother = UUID.randomUUID();
    private final UUID father = UUID.randomUUID();
    private final Set<UUID> both = Set.of(mother, father);

    private static Entry e(UUID g, EntryKind k) {
        return new Entry(g, k);
    }

    @Test
    void grantedOnlyWhenEveryRequiredGuardianHasGivenConsent() {
        assertThat(ConsentOutcomes.derive(both, List.of(), false)).isEqualTo(ConsentOutcome.OPEN);
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, GIVEN)), false)).isEqualTo(ConsentOutcome.OPEN);
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, GIVEN), e(father, GIVEN)), false))
                .isEqualTo(ConsentOutcome.GRANTED);
    }

    @Test
    void withoutAnyRequiredGuardianTheRequestStaysOpen() {
        assertThat(ConsentOutcomes.derive(Set.of(), List.of(), false)).isEqualTo(ConsentOutcome.OPEN);
        assertThat(ConsentOutcomes.derive(Set.of(), List.of(e(mother, GIVEN)), false)).isEqualTo(ConsentOutcome.OPEN);
    }

    @Test
    void refusedAsSoonAsOneRefuses() {
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, REFUSED)), false)).isEqualTo(ConsentOutcome.REFUSED);
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, GIVEN), e(father, REFUSED)), false))
                .isEqualTo(ConsentOutcome.REFUSED);
    }

    @Test
    void theLatestAnswerOfAGuardianCounts() {
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, REFUSED), e(father, GIVEN), e(mother, GIVEN)), false))
                .isEqualTo(ConsentOutcome.GRANTED);
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, GIVEN), e(father, GIVEN), e(mother, REFUSED)), false))
                .isEqualTo(ConsentOutcome.REFUSED);
    }

    @Test
    void withdrawnWhenAGivenConsentIsWithdrawn() {
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, GIVEN), e(father, GIVEN), e(father, WITHDRAWN)),
                false)).isEqualTo(ConsentOutcome.WITHDRAWN);
    }

    @Test
    void answersOfGuardiansWhoAreNotRequiredDoNotCount() {
        UUID other = UUID.randomUUID();
        assertThat(ConsentOutcomes.derive(Set.of(mother), List.of(e(other, REFUSED), e(mother, GIVEN)), false))
                .isEqualTo(ConsentOutcome.GRANTED);
    }

    @Test
    void anExpiredRequestStaysExpired() {
        assertThat(ConsentOutcomes.derive(both, List.of(e(mother, GIVEN), e(father, GIVEN)), true))
                .isEqualTo(ConsentOutcome.EXPIRED);
        assertThat(ConsentOutcomes.expires(ConsentOutcome.OPEN)).isTrue();
        assertThat(ConsentOutcomes.expires(ConsentOutcome.GRANTED)).isFalse();
        assertThat(ConsentOutcomes.expires(ConsentOutcome.REFUSED)).isFalse();
    }

    @Test
    void onlyRequiredGuardiansAnswer() {
        assertThatThrownBy(() -> ConsentOutcomes.check(ConsentOutcome.OPEN, Set.of(mother), List.of(), father, GIVEN))
                .isInstanceOf(RuleViolation.class).extracting(t -> ((RuleViolation) t).violation())
                .isEqualTo(Violation.NOT_REQUIRED);
    }

    @Test
    void anExpiredRequestTakesNoAnswers() {
        assertThatThrownBy(() -> ConsentOutcomes.check(ConsentOutcome.EXPIRED, both, List.of(), mother, GIVEN))
                .extracting(t -> ((RuleViolation) t).violation()).isEqualTo(Violation.EXPIRED);
    }

    @Test
    void onlyAGivenConsentCanBeWithdrawn() {
        assertThatThrownBy(() -> ConsentOutcomes.check(ConsentOutcome.OPEN, both, List.of(), mother, WITHDRAWN))
                .extracting(t -> ((RuleViolation) t).violation()).isEqualTo(Violation.NOT_GIVEN);
        assertThatThrownBy(() -> ConsentOutcomes.check(ConsentOutcome.REFUSED, both,
                List.of(e(mother, GIVEN), e(mother, REFUSED)), mother, WITHDRAWN))
                .extracting(t -> ((RuleViolation) t).violation()).isEqualTo(Violation.NOT_GIVEN);
        ConsentOutcomes.check(ConsentOutcome.OPEN, both, List.of(e(mother, GIVEN)), mother, WITHDRAWN);
    }

    @Test
    void aGuardianMayChangeAnAnswerOnADecidedRequest() {
        ConsentOutcomes.check(ConsentOutcome.REFUSED, both, List.of(e(mother, REFUSED)), mother, GIVEN);
        ConsentOutcomes.check(ConsentOutcome.WITHDRAWN, both, List.of(e(mother, GIVEN), e(mother, WITHDRAWN)),
                mother, GIVEN);
    }
}
