package nl.passend.support.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.problem.RuleViolation;
import nl.passend.support.domain.SupportRules.Evaluated;
import org.junit.jupiter.api.Test;

class SupportRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aLevelChangeNeedsANewLevel() {
        assertThatThrownBy(() -> SupportRules.checkLevelChange(SupportLevel.LEVEL_2, SupportLevel.LEVEL_2, TODAY, null,
                TODAY, false)).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("level-unchanged"))
                .satisfies(e -> assertThat(((RuleViolation) e).kind()).isEqualTo(RuleViolation.Kind.STATE));
        assertThatCode(() -> SupportRules.checkLevelChange(SupportLevel.LEVEL_2, SupportLevel.LEVEL_3, TODAY, null,
                TODAY, false)).doesNotThrowAnyException();
        assertThatCode(() -> SupportRules.checkLevelChange(null, SupportLevel.LEVEL_1, TODAY, null, TODAY, false))
                .doesNotThrowAnyException();
    }

    @Test
    void aCorrectionMayRepeatTheLevelAndDateItCorrects() {
        assertThatCode(() -> SupportRules.checkLevelChange(SupportLevel.LEVEL_4, SupportLevel.LEVEL_4,
                TODAY.minusDays(10), TODAY.minusDays(5), TODAY, true)).doesNotThrowAnyException();
    }

    @Test
    void aChangeIsNotInTheFutureNorBeforeTheLastOne() {
        assertThatThrownBy(() -> SupportRules.checkLevelChange(SupportLevel.LEVEL_1, SupportLevel.LEVEL_2,
                TODAY.plusDays(1), null, TODAY, false))
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("effective-in-future"))
                .satisfies(e -> assertThat(((RuleViolation) e).kind()).isEqualTo(RuleViolation.Kind.CONTENT));
        assertThatThrownBy(() -> SupportRules.checkLevelChange(SupportLevel.LEVEL_1, SupportLevel.LEVEL_2,
                TODAY.minusDays(10), TODAY.minusDays(5), TODAY, false))
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("effective-before-last"));
        assertThatCode(() -> SupportRules.checkLevelChange(SupportLevel.LEVEL_1, SupportLevel.LEVEL_2,
                TODAY.minusDays(5), TODAY.minusDays(5), TODAY, false)).doesNotThrowAnyException();
    }

    @Test
    void anInterventionEndsAfterItStartsWithAPositiveDosage() {
        assertThatThrownBy(() -> SupportRules.checkIntervention(TODAY, TODAY.minusDays(1), 2, 20))
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("end-before-start"));
        assertThatThrownBy(() -> SupportRules.checkIntervention(TODAY, null, 0, 20))
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("invalid-dosage"));
        assertThatThrownBy(() -> SupportRules.checkIntervention(TODAY, null, 2, -5))
                .satisfies(e -> assertThat(((RuleViolation) e).slug()).isEqualTo("invalid-dosage"));
        assertThatCode(() -> SupportRules.checkIntervention(TODAY, TODAY, 1, 1)).doesNotThrowAnyException();
        assertThatCode(() -> SupportRules.checkIntervention(TODAY, null, 5, 45)).doesNotThrowAnyException();
    }

    @Test
    void theSchoolYearStartsOnTheFirstOfAugust() {
        assertThat(SupportRules.schoolYearStart(LocalDate.of(2026, 7, 31))).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(SupportRules.schoolYearStart(LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(SupportRules.schoolYearStart(LocalDate.of(2027, 2, 1))).isEqualTo(LocalDate.of(2026, 8, 1));
    }

    @Test
    void threeNotAchievedInOneDomainThisSchoolYearWithoutALevelChangeIsASignal() {
        List<Evaluated> three = List.of(
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 9, 20)),
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 10, 20)),
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 11, 20)),
                new Evaluated(SupportDomain.MATHS, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 11, 20)));
        assertThat(SupportRules.noChangeOfCourse(three, LocalDate.of(2025, 3, 1), TODAY, 3))
                .containsExactly(SupportDomain.READING);
    }

    @Test
    void partlyAchievedLastYearsOrBeforeTheLastLevelChangeDoNotCount() {
        List<Evaluated> evaluated = List.of(
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 6, 20)),
                new Evaluated(SupportDomain.READING, InterventionEffect.PARTLY_ACHIEVED, LocalDate.of(2026, 9, 20)),
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 10, 1)),
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 10, 20)),
                new Evaluated(SupportDomain.READING, InterventionEffect.NOT_ACHIEVED, LocalDate.of(2026, 11, 20)));
        // three NOT_ACHIEVED since August: a signal
        assertThat(SupportRules.noChangeOfCourse(evaluated, null, TODAY, 3)).containsExactly(SupportDomain.READING);
        // a level change on 15 October: only one counts after it
        assertThat(SupportRules.noChangeOfCourse(evaluated, LocalDate.of(2026, 10, 15), TODAY, 3)).isEmpty();
        // the threshold is configuration
        assertThat(SupportRules.noChangeOfCourse(evaluated, LocalDate.of(2026, 10, 15), TODAY, 1))
                .containsExactly(SupportDomain.READING);
    }

    @Test
    void level4WithoutAnOppIsASignalAfterSixWeeks() {
        Period sixWeeks = Period.ofDays(42);
        assertThat(SupportRules.level4WithoutOpp(TODAY.minusDays(43), false, TODAY, sixWeeks)).isTrue();
        assertThat(SupportRules.level4WithoutOpp(TODAY.minusDays(42), false, TODAY, sixWeeks)).isFalse();
        assertThat(SupportRules.level4WithoutOpp(TODAY.minusDays(100), true, TODAY, sixWeeks)).isFalse();
        assertThat(SupportRules.level4WithoutOpp(null, false, TODAY, sixWeeks)).isFalse();
    }
}
