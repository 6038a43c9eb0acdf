package nl.passend.opp.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.domain.OppRules.ConsentEffect;
import nl.passend.opp.domain.PlanContent.Goal;
import nl.passend.opp.domain.PlanContent.GoalDomain;
import nl.passend.opp.domain.PlanContent.GoalKind;
import nl.passend.opp.domain.PlanContent.ReferenceLevel;
import nl.passend.platform.problem.RuleViolation;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The OPP's lifecycle and content rules as plain functions: no Quarkus. */
class OppRulesTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> violation(Runnable rule, RuleViolation.Kind kind,
            String slug) {
        return assertThatThrownBy(rule::run).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.kind()).isEqualTo(kind);
            assertThat(v.slug()).isEqualTo(slug);
        });
    }

    @Nested
    class Edit {

        @Test
        void aDraftMayBeEdited() {
            assertThatCode(() -> OppRules.checkEdit(OppStatus.DRAFT)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = OppStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
        void anythingPastDraftIsNeverEdited(OppStatus status) {
            violation(() -> OppRules.checkEdit(status), RuleViolation.Kind.STATE, "not-a-draft")
                    .hasMessageContaining(status.name()).hasMessageContaining("new version");
        }
    }

    @Nested
    class NewVersion {

        @ParameterizedTest
        @EnumSource(value = OppStatus.class, names = {"IN_DIALOGUE", "CONSENTED", "ESTABLISHED", "EVALUATED"})
        void followsAVersionThatLeftDraft(OppStatus status) {
            assertThatCode(() -> OppRules.checkNewVersion(status)).doesNotThrowAnyException();
        }

        @Test
        void aDraftIsEditedInstead() {
            violation(() -> OppRules.checkNewVersion(OppStatus.DRAFT), RuleViolation.Kind.STATE, "draft-open");
        }

        @Test
        void aClosedPlanStaysClosed() {
            violation(() -> OppRules.checkNewVersion(OppStatus.CLOSED), RuleViolation.Kind.STATE, "plan-closed");
        }
    }

    @Nested
    class ConsentRequest {

        @ParameterizedTest
        @NullSource
        @EnumSource(ConsentOutcome.class)
        void isAskedForADraft(ConsentOutcome lastOutcome) {
            assertThatCode(() -> OppRules.checkConsentRequest(OppStatus.DRAFT, lastOutcome)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = ConsentOutcome.class, names = {"REFUSED", "EXPIRED", "WITHDRAWN"})
        void isAskedAgainInDialogueAfterARefusalExpiryOrWithdrawal(ConsentOutcome lastOutcome) {
            assertThatCode(() -> OppRules.checkConsentRequest(OppStatus.IN_DIALOGUE, lastOutcome))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @NullSource
        @EnumSource(value = ConsentOutcome.class, names = {"OPEN", "GRANTED"})
        void isNotAskedTwiceWhileTheRequestIsOpen(ConsentOutcome lastOutcome) {
            violation(() -> OppRules.checkConsentRequest(OppStatus.IN_DIALOGUE, lastOutcome), RuleViolation.Kind.STATE,
                    "consent-not-askable").hasMessageContaining("IN_DIALOGUE");
        }

        @ParameterizedTest
        @CsvSource({
            "CONSENTED,", "CONSENTED,GRANTED",
            "ESTABLISHED,GRANTED", "ESTABLISHED,WITHDRAWN", "ESTABLISHED,REFUSED",
            "EVALUATED,GRANTED", "EVALUATED,WITHDRAWN",
            "CLOSED,", "CLOSED,REFUSED"})
        void isNotAskedForAVersionPastTheDialogue(OppStatus status, ConsentOutcome lastOutcome) {
            violation(() -> OppRules.checkConsentRequest(status, lastOutcome), RuleViolation.Kind.STATE,
                    "consent-not-askable").hasMessageContaining(status.name());
        }

        @Test
        void theRefusalShowsInTheMessage() {
            violation(() -> OppRules.checkConsentRequest(OppStatus.ESTABLISHED, ConsentOutcome.WITHDRAWN),
                    RuleViolation.Kind.STATE, "consent-not-askable").hasMessageContaining("last decision WITHDRAWN");
        }
    }

    @Nested
    class Establish {

        @Test
        void aConsentedVersionIsEstablished() {
            assertThatCode(() -> OppRules.checkEstablish(OppStatus.CONSENTED)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = OppStatus.class, names = "CONSENTED", mode = EnumSource.Mode.EXCLUDE)
        void nothingElseIs(OppStatus status) {
            violation(() -> OppRules.checkEstablish(status), RuleViolation.Kind.STATE, "not-consented")
                    .hasMessageContaining(status.name());
        }
    }

    @Nested
    class Evaluate {

        @ParameterizedTest
        @EnumSource(value = OppStatus.class, names = {"ESTABLISHED", "EVALUATED"})
        void anEstablishedVersionIsEvaluatedAgainAndAgain(OppStatus status) {
            assertThatCode(() -> OppRules.checkEvaluate(status)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = OppStatus.class, names = {"DRAFT", "IN_DIALOGUE", "CONSENTED", "CLOSED"})
        void nothingBeforeEstablishmentOrAfterClosure(OppStatus status) {
            violation(() -> OppRules.checkEvaluate(status), RuleViolation.Kind.STATE, "not-established")
                    .hasMessageContaining(status.name());
        }
    }

    @Nested
    class Close {

        @ParameterizedTest
        @EnumSource(value = OppStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
        void anyOpenPlanMayBeClosed(OppStatus status) {
            assertThatCode(() -> OppRules.checkClose(status)).doesNotThrowAnyException();
        }

        @Test
        void notTwice() {
            violation(() -> OppRules.checkClose(OppStatus.CLOSED), RuleViolation.Kind.STATE, "plan-closed");
        }
    }

    @Nested
    class Decision {

        /** status, outcome → new status, flag the withdrawal for the IB'er, clear that flag. */
        @ParameterizedTest(name = "{0} + {1} -> {2}, flag {3}, clear {4}")
        @CsvSource({
            // before establishment: a grant consents, anything else keeps (or puts) the version in dialogue
            "IN_DIALOGUE, GRANTED,   CONSENTED,   false, false",
            "IN_DIALOGUE, REFUSED,   IN_DIALOGUE, false, false",
            "IN_DIALOGUE, EXPIRED,   IN_DIALOGUE, false, false",
            "IN_DIALOGUE, WITHDRAWN, IN_DIALOGUE, false, false",
            "IN_DIALOGUE, OPEN,      IN_DIALOGUE, false, false",
            // a guardian who turns before the director established it sends the version back into dialogue
            "CONSENTED,   GRANTED,   CONSENTED,   false, false",
            "CONSENTED,   REFUSED,   IN_DIALOGUE, false, false",
            "CONSENTED,   WITHDRAWN, IN_DIALOGUE, false, false",
            "CONSENTED,   EXPIRED,   IN_DIALOGUE, false, false",
            // after establishment the version stays in force; a withdrawal or refusal flags it, a new grant clears that
            "ESTABLISHED, GRANTED,   ESTABLISHED, false, true",
            "ESTABLISHED, WITHDRAWN, ESTABLISHED, true,  false",
            "ESTABLISHED, REFUSED,   ESTABLISHED, true,  false",
            "ESTABLISHED, EXPIRED,   ESTABLISHED, false, false",
            "ESTABLISHED, OPEN,      ESTABLISHED, false, false",
            "EVALUATED,   GRANTED,   EVALUATED,   false, true",
            "EVALUATED,   WITHDRAWN, EVALUATED,   true,  false",
            "EVALUATED,   REFUSED,   EVALUATED,   true,  false",
            "EVALUATED,   EXPIRED,   EVALUATED,   false, false",
            "EVALUATED,   OPEN,      EVALUATED,   false, false",
            // a draft (no consent asked) and a closed plan are not changed by any decision
            "DRAFT,       GRANTED,   DRAFT,       false, false",
            "DRAFT,       REFUSED,   DRAFT,       false, false",
            "DRAFT,       WITHDRAWN, DRAFT,       false, false",
            "DRAFT,       EXPIRED,   DRAFT,       false, false",
            "DRAFT,       OPEN,      DRAFT,       false, false",
            "CLOSED,      GRANTED,   CLOSED,      false, false",
            "CLOSED,      REFUSED,   CLOSED,      false, false",
            "CLOSED,      WITHDRAWN, CLOSED,      false, false",
            "CLOSED,      EXPIRED,   CLOSED,      false, false",
            "CLOSED,      OPEN,      CLOSED,      false, false"})
        void onDecision(OppStatus status, ConsentOutcome outcome, OppStatus expected, boolean flag, boolean clear) {
            assertThat(OppRules.onDecision(status, outcome)).isEqualTo(new ConsentEffect(expected, flag, clear));
        }
    }

    @Nested
    class Goals {

        private static Goal goal(GoalDomain domain, ReferenceLevel level) {
            return new Goal(UUID.randomUUID(), GoalKind.INTERIM, domain, "doel", "toets", LocalDate.of(2030, 1, 1),
                    level);
        }

        @ParameterizedTest
        @EnumSource(value = GoalDomain.class,
                names = {"TECHNICAL_READING", "READING_COMPREHENSION", "SPELLING", "MATHS", "LANGUAGE"})
        void languageAndMathsGoalsNameTheirReferenceLevel(GoalDomain domain) {
            assertThat(domain.hasReferenceLevels()).isTrue();
            for (ReferenceLevel level : ReferenceLevel.values()) {
                assertThat(OppRules.goalProblems(List.of(goal(domain, level)))).isEmpty();
            }
            assertThat(OppRules.goalProblems(List.of(goal(domain, null))))
                    .containsExactly("goals[0].referenceLevel: a " + domain + " goal names its reference level (1F, 2F or 1S)");
        }

        @ParameterizedTest
        @EnumSource(value = GoalDomain.class, names = {"SOCIAL_EMOTIONAL", "WORK_ATTITUDE", "MOTOR_SKILLS"})
        void otherDomainsHaveNone(GoalDomain domain) {
            assertThat(domain.hasReferenceLevels()).isFalse();
            assertThat(OppRules.goalProblems(List.of(goal(domain, null)))).isEmpty();
            assertThat(OppRules.goalProblems(List.of(goal(domain, ReferenceLevel.LEVEL_2F))))
                    .containsExactly("goals[0].referenceLevel: " + domain + " has no reference levels");
        }

        @Test
        void oneMessagePerGoalBreakingTheRuleWithItsIndex() {
            List<Goal> goals = new ArrayList<>();
            goals.add(goal(GoalDomain.MATHS, ReferenceLevel.LEVEL_1F));
            goals.add(goal(GoalDomain.SPELLING, null));
            goals.add(goal(GoalDomain.SOCIAL_EMOTIONAL, null));
            goals.add(goal(GoalDomain.MOTOR_SKILLS, ReferenceLevel.LEVEL_1S));
            goals.add(goal(null, ReferenceLevel.LEVEL_1F)); // a missing domain is Bean Validation's to report
            assertThat(OppRules.goalProblems(goals)).hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("goals[1].referenceLevel").contains("SPELLING"))
                    .anySatisfy(p -> assertThat(p).startsWith("goals[3].referenceLevel").contains("MOTOR_SKILLS"));
        }

        @Test
        void noGoalsNoProblems() {
            assertThat(OppRules.goalProblems(List.of())).isEmpty();
        }

        @Test
        void referenceLevelsUseTheNationalCodes() {
            assertThat(ReferenceLevel.LEVEL_1F.code()).isEqualTo("1F");
            assertThat(ReferenceLevel.LEVEL_2F.code()).isEqualTo("2F");
            assertThat(ReferenceLevel.LEVEL_1S.code()).isEqualTo("1S");
        }
    }

    @Nested
    class DestinationChange {

        private static final DestinationDecision DECIDED = new DestinationDecision(LocalDate.of(2026, 3, 2), "CvB-2026-14");

        @ParameterizedTest
        @EnumSource(value = SchoolType.class, names = {"SBO", "SO"})
        void inSpecialEducationAChangeNeedsTheCommissiesDecision(SchoolType type) {
            violation(() -> OppRules.checkDestinationChange(type, ExpectedDestination.VMBO_BB, ExpectedDestination.PRO,
                    null), RuleViolation.Kind.CONTENT, "destination-decision-required")
                    .hasMessageContaining("VMBO_BB").hasMessageContaining("PRO").hasMessageContaining(type.name());
            assertThatCode(() -> OppRules.checkDestinationChange(type, ExpectedDestination.VMBO_BB,
                    ExpectedDestination.PRO, DECIDED)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = SchoolType.class, names = {"SBO", "SO"})
        void theDecisionNeedsDateAndReference(SchoolType type) {
            for (DestinationDecision incomplete : List.of(new DestinationDecision(null, "CvB-1"),
                    new DestinationDecision(LocalDate.of(2026, 3, 2), null),
                    new DestinationDecision(LocalDate.of(2026, 3, 2), "  "))) {
                violation(() -> OppRules.checkDestinationChange(type, ExpectedDestination.VSO_ARBEID,
                        ExpectedDestination.VSO_DAGBESTEDING, incomplete), RuleViolation.Kind.CONTENT,
                        "destination-decision-required");
            }
        }

        @ParameterizedTest
        @EnumSource(value = SchoolType.class, names = {"SBO", "SO"})
        void anUnchangedDestinationNeedsNoDecision(SchoolType type) {
            assertThatCode(() -> OppRules.checkDestinationChange(type, ExpectedDestination.PRO, ExpectedDestination.PRO,
                    null)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = SchoolType.class, names = {"SBO", "SO"})
        void theFirstVersionHasNothingToChange(SchoolType type) {
            assertThatCode(() -> OppRules.checkDestinationChange(type, null, ExpectedDestination.PRO, null))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = "BAO")
        void aRegularSchoolChangesItWithoutTheCommissie(SchoolType type) {
            assertThatCode(() -> OppRules.checkDestinationChange(type, ExpectedDestination.HAVO,
                    ExpectedDestination.VMBO_TL, null)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Clock {

        @Test
        void anOppIsDueSixWeeksAfterTheStart() {
            assertThat(OppRules.establishmentDue(LocalDate.of(2026, 1, 1), Period.ofDays(42)))
                    .isEqualTo(LocalDate.of(2026, 2, 12));
            assertThat(OppRules.establishmentDue(LocalDate.of(2028, 2, 1), Period.ofDays(42)))
                    .isEqualTo(LocalDate.of(2028, 3, 14)); // over a leap day
            assertThat(OppRules.establishmentDue(LocalDate.of(2026, 12, 1), Period.ofWeeks(6)))
                    .isEqualTo(LocalDate.of(2027, 1, 12));
        }

        @Test
        void onceAYearTheNextEvaluationIsDueTwelveMonthsLater() {
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 3, 15), 1)).isEqualTo(LocalDate.of(2027, 3, 15));
            assertThat(OppRules.evaluationDue(LocalDate.of(2028, 2, 29), 1)).isEqualTo(LocalDate.of(2029, 2, 28));
        }

        @Test
        void twiceAYearItIsDueSixMonthsLater() {
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 3, 15), 2)).isEqualTo(LocalDate.of(2026, 9, 15));
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 8, 31), 2)).isEqualTo(LocalDate.of(2027, 2, 28));
        }

        @Test
        void aMisconfiguredMinimumStaysWithinOncePerYearAndOncePerMonth() {
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 3, 15), 0)).isEqualTo(LocalDate.of(2027, 3, 15));
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 3, 15), -3)).isEqualTo(LocalDate.of(2027, 3, 15));
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 3, 15), 12)).isEqualTo(LocalDate.of(2026, 4, 15));
            assertThat(OppRules.evaluationDue(LocalDate.of(2026, 3, 15), 50)).isEqualTo(LocalDate.of(2026, 4, 15));
        }
    }

    @Nested
    class EvaluationClock {

        private static OppPlan plan(LocalDate inForceSince, LocalDate lastEvaluatedOn) {
            OppPlan plan = new OppPlan();
            plan.inForceSince = inForceSince;
            plan.lastEvaluatedOn = lastEvaluatedOn;
            return plan;
        }

        @Test
        void doesNotRunBeforeAnyVersionIsInForce() {
            assertThat(plan(null, null).evaluationClockSince()).isNull();
            assertThat(plan(null, LocalDate.of(2026, 5, 1)).evaluationClockSince()).isNull();
        }

        @Test
        void runsFromTheEstablishment() {
            assertThat(plan(LocalDate.of(2026, 1, 10), null).evaluationClockSince()).isEqualTo(LocalDate.of(2026, 1, 10));
        }

        @Test
        void runsFromTheLastEvaluationAfterIt() {
            assertThat(plan(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 6, 20)).evaluationClockSince())
                    .isEqualTo(LocalDate.of(2026, 6, 20));
        }

        @Test
        void aNewerEstablishmentRestartsIt() {
            // version 2 established after version 1's evaluation: the clock runs from version 2's establishment
            assertThat(plan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 6, 20)).evaluationClockSince())
                    .isEqualTo(LocalDate.of(2026, 9, 1));
            assertThat(plan(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1)).evaluationClockSince())
                    .isEqualTo(LocalDate.of(2026, 9, 1));
        }
    }
}
