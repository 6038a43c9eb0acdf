package nl.passend.team.domain;

import static nl.passend.platform.problem.RuleViolation.Kind.CONTENT;
import static nl.passend.platform.problem.RuleViolation.Kind.STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.platform.problem.RuleViolation;
import nl.passend.platform.problem.RuleViolation.Kind;
import nl.passend.team.domain.TeamRules.Discussion;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

/** The pure rules of support-team-service: meetings, cases, TLVs and referrals. */
class TeamRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static void assertViolation(ThrowingCallable call, Kind kind, String slug) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.kind()).as("kind of %s", v.slug()).isEqualTo(kind);
            assertThat(v.slug()).isEqualTo(slug);
            assertThat(v.getMessage()).isNotBlank();
        });
    }

    static void assertAccepted(ThrowingCallable call) {
        assertThatCode(call).doesNotThrowAnyException();
    }

    static Attendee attendee(AttendeeFunction function, boolean outsideSchool) {
        return new Attendee(function.name().toLowerCase(), function, outsideSchool);
    }

    static TlvAdvice advice(String name, ExpertDiscipline discipline, String registration) {
        return new TlvAdvice(UUID.randomUUID(), name, discipline, registration, TODAY.minusDays(7), "advies");
    }

    @Nested
    class Codes {

        @ParameterizedTest
        @EnumSource(value = AttendeeFunction.class, names = {"PARENT", "PUPIL"}, mode = EnumSource.Mode.EXCLUDE)
        void everyoneButParentsAndThePupilIsAMember(AttendeeFunction function) {
            assertThat(function.member()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = AttendeeFunction.class, names = {"PARENT", "PUPIL"})
        void parentsAndThePupilTakePartWithoutBeingMembers(AttendeeFunction function) {
            assertThat(function.member()).isFalse();
        }

        @Test
        void onlyAnOrthopedagoogOrPsycholoogCountsAsTheRequiredExpert() {
            assertThat(Arrays.stream(ExpertDiscipline.values()).filter(ExpertDiscipline::orthopedagoogOrPsycholoog))
                    .containsExactlyInAnyOrder(ExpertDiscipline.ORTHOPEDAGOOG, ExpertDiscipline.PSYCHOLOOG);
            // a kinder- en jeugdpsycholoog is a possible second expert, not the required one
            assertThat(ExpertDiscipline.CHILD_AND_YOUTH_PSYCHOLOGIST.orthopedagoogOrPsycholoog()).isFalse();
        }

        @Test
        void arrangementsSupportLevelsTlvsAndReferralsChangeTheApproach() {
            assertThat(Arrays.stream(CaseDecision.values()).filter(CaseDecision::changesApproach))
                    .containsExactlyInAnyOrder(CaseDecision.START_ARRANGEMENT, CaseDecision.CHANGE_ARRANGEMENT,
                            CaseDecision.RAISE_SUPPORT_LEVEL, CaseDecision.REQUEST_TLV, CaseDecision.REFER);
        }

        @ParameterizedTest
        @EnumSource(value = CaseDecision.class, names = {"OBSERVE", "ASSESS", "NO_ACTION"})
        void observingAssessingOrDoingNothingDoesNotChangeTheApproach(CaseDecision decision) {
            assertThat(decision.changesApproach()).isFalse();
        }

        @Test
        void theSboCategoryIsForSboAndTheFundingCategoriesAreForSo() {
            assertThat(TlvCategory.SBO.target()).isEqualTo(TlvTarget.SBO);
            assertThat(TlvCategory.SO_LOW.target()).isEqualTo(TlvTarget.SO);
            assertThat(TlvCategory.SO_MEDIUM.target()).isEqualTo(TlvTarget.SO);
            assertThat(TlvCategory.SO_HIGH.target()).isEqualTo(TlvTarget.SO);
        }
    }

    @Nested
    class Attendees {

        @Test
        void aSupportTeamWithOneMemberIsAccepted() {
            assertAccepted(() -> TeamRules.checkAttendees(MeetingType.SCHOOL_SUPPORT_TEAM,
                    List.of(attendee(AttendeeFunction.IB, false))));
            assertAccepted(() -> TeamRules.checkAttendees(MeetingType.SCHOOL_SUPPORT_TEAM,
                    List.of(attendee(AttendeeFunction.IB, false), attendee(AttendeeFunction.TEACHER, false),
                            attendee(AttendeeFunction.PARENT, true), attendee(AttendeeFunction.PUPIL, false))));
        }

        @Test
        void aMeetingWithoutAnyoneHasNoMembers() {
            assertViolation(() -> TeamRules.checkAttendees(MeetingType.SCHOOL_SUPPORT_TEAM, List.of()), CONTENT,
                    "no-members");
        }

        @Test
        void parentsAndThePupilAloneAreNoTeam() {
            assertViolation(() -> TeamRules.checkAttendees(MeetingType.SCHOOL_SUPPORT_TEAM,
                    List.of(attendee(AttendeeFunction.PARENT, false), attendee(AttendeeFunction.PUPIL, false))),
                    CONTENT, "no-members");
            assertViolation(() -> TeamRules.checkAttendees(MeetingType.MULTIDISCIPLINARY,
                    List.of(attendee(AttendeeFunction.PARENT, true))), CONTENT, "no-members");
        }

        @Test
        void aBotMeetsWithTheSwvConsultant() {
            assertViolation(() -> TeamRules.checkAttendees(MeetingType.BOT,
                    List.of(attendee(AttendeeFunction.IB, false), attendee(AttendeeFunction.DIRECTOR, false),
                            attendee(AttendeeFunction.YOUTH_DOCTOR, true))),
                    CONTENT, "bot-without-swv");
            assertAccepted(() -> TeamRules.checkAttendees(MeetingType.BOT,
                    List.of(attendee(AttendeeFunction.IB, false), attendee(AttendeeFunction.SWV_CONSULTANT, true))));
        }

        @Test
        void theSwvConsultantIsAMemberOfItself() {
            assertAccepted(() -> TeamRules.checkAttendees(MeetingType.BOT,
                    List.of(attendee(AttendeeFunction.SWV_CONSULTANT, true), attendee(AttendeeFunction.PARENT, true))));
        }

        @Test
        void onlyABotNeedsTheSwvConsultant() {
            assertAccepted(() -> TeamRules.checkAttendees(MeetingType.MULTIDISCIPLINARY,
                    List.of(attendee(AttendeeFunction.CARE_COORDINATOR, false),
                            attendee(AttendeeFunction.SCHOOL_SOCIAL_WORK, true))));
        }

        @ParameterizedTest
        @EnumSource(MeetingType.class)
        void theSwvConsultantComesFromOutsideTheSchool(MeetingType type) {
            assertViolation(() -> TeamRules.checkAttendees(type,
                    List.of(attendee(AttendeeFunction.IB, false), attendee(AttendeeFunction.SWV_CONSULTANT, false))),
                    CONTENT, "swv-consultant-inside-school");
        }

        @Test
        void outsidersArePresentWhenAnyoneComesFromOutsideTheSchool() {
            assertThat(TeamRules.outsidersPresent(List.of())).isFalse();
            assertThat(TeamRules.outsidersPresent(List.of(attendee(AttendeeFunction.IB, false),
                    attendee(AttendeeFunction.TEACHER, false)))).isFalse();
            assertThat(TeamRules.outsidersPresent(List.of(attendee(AttendeeFunction.IB, false),
                    attendee(AttendeeFunction.YOUTH_NURSE, true)))).isTrue();
        }
    }

    @Nested
    class Naming {

        static Stream<Arguments> everyCombination() {
            List<ConsentOutcome> consents = new ArrayList<>(Arrays.asList(ConsentOutcome.values()));
            consents.add(null);
            List<Arguments> combinations = new ArrayList<>();
            for (boolean byName : new boolean[] {false, true}) {
                for (boolean outsiders : new boolean[] {false, true}) {
                    for (ConsentOutcome consent : consents) {
                        combinations.add(Arguments.of(byName, outsiders, consent));
                    }
                }
            }
            return combinations.stream();
        }

        @ParameterizedTest(name = "byName={0}, outsiders={1}, consent={2}")
        @MethodSource("everyCombination")
        void mayBeNamed(boolean byName, boolean outsiders, ConsentOutcome consent) {
            boolean expected;
            if (!byName) {
                expected = false; // an anonymous case stays anonymous, whatever the consent
            } else if (!outsiders) {
                expected = true; // among the school's own people no consent is needed
            } else {
                expected = consent == ConsentOutcome.GRANTED; // outsiders: only with GRANTED consent
            }
            assertThat(TeamRules.mayBeNamed(byName, outsiders, consent)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "byName={0}, outsiders={1}, consent={2}")
        @MethodSource("everyCombination")
        void recordingAsAnonymousIsAlwaysAccepted(boolean byName, boolean outsiders, ConsentOutcome consent) {
            assertAccepted(() -> TeamRules.checkDiscussedAs(false, byName, outsiders, consent));
        }

        @ParameterizedTest
        @EnumSource(ConsentOutcome.class)
        @NullSource
        void anAnonymousCaseCannotBeRecordedByName(ConsentOutcome consent) {
            assertViolation(() -> TeamRules.checkDiscussedAs(true, false, false, consent), STATE, "case-is-anonymous");
            assertViolation(() -> TeamRules.checkDiscussedAs(true, false, true, consent), STATE, "case-is-anonymous");
        }

        @ParameterizedTest
        @EnumSource(value = ConsentOutcome.class, names = "GRANTED", mode = EnumSource.Mode.EXCLUDE)
        @NullSource
        void withOutsidersANamedCaseNeedsGrantedConsent(ConsentOutcome consent) {
            assertViolation(() -> TeamRules.checkDiscussedAs(true, true, true, consent), STATE, "consent-required");
        }

        @Test
        void aCaseByNameIsNamedWithGrantedConsentOrWithoutOutsiders() {
            assertAccepted(() -> TeamRules.checkDiscussedAs(true, true, true, ConsentOutcome.GRANTED));
            assertAccepted(() -> TeamRules.checkDiscussedAs(true, true, false, null));
            assertAccepted(() -> TeamRules.checkDiscussedAs(true, true, false, ConsentOutcome.REFUSED));
        }
    }

    @Nested
    class Outcomes {

        @Test
        void anOutcomeHasAtLeastOneDecision() {
            assertViolation(() -> TeamRules.checkDecisions(List.of()), CONTENT, "no-decision");
        }

        @Test
        void eachDecisionIsListedOnce() {
            assertViolation(() -> TeamRules.checkDecisions(List.of(CaseDecision.OBSERVE, CaseDecision.ASSESS,
                    CaseDecision.OBSERVE)), CONTENT, "duplicate-decision");
            assertViolation(() -> TeamRules.checkDecisions(List.of(CaseDecision.NO_ACTION, CaseDecision.NO_ACTION)),
                    CONTENT, "duplicate-decision");
        }

        @Test
        void noActionStandsAlone() {
            assertViolation(() -> TeamRules.checkDecisions(List.of(CaseDecision.NO_ACTION, CaseDecision.OBSERVE)),
                    CONTENT, "no-action-with-others");
            assertViolation(() -> TeamRules.checkDecisions(List.of(CaseDecision.REFER, CaseDecision.NO_ACTION)),
                    CONTENT, "no-action-with-others");
            assertAccepted(() -> TeamRules.checkDecisions(List.of(CaseDecision.NO_ACTION)));
        }

        @Test
        void distinctDecisionsAreAccepted() {
            assertAccepted(() -> TeamRules.checkDecisions(List.of(CaseDecision.OBSERVE)));
            assertAccepted(() -> TeamRules.checkDecisions(List.of(CaseDecision.ASSESS, CaseDecision.START_ARRANGEMENT,
                    CaseDecision.REQUEST_TLV)));
            List<CaseDecision> allButNoAction = List.copyOf(EnumSet.complementOf(EnumSet.of(CaseDecision.NO_ACTION)));
            assertAccepted(() -> TeamRules.checkDecisions(allButNoAction));
        }

        @Test
        void anActionItemFallsDueOnOrAfterTheMeeting() {
            assertViolation(() -> TeamRules.checkDue(TODAY.minusDays(1), TODAY), CONTENT, "due-before-meeting");
            assertAccepted(() -> TeamRules.checkDue(TODAY, TODAY));
            assertAccepted(() -> TeamRules.checkDue(TODAY.plusWeeks(4), TODAY));
        }

        @Test
        void theOutcomeIsRecordedFromTheMeetingsDay() {
            assertViolation(() -> TeamRules.checkMeetingHeld(TODAY.plusDays(1), TODAY), STATE, "meeting-not-yet-held");
            assertAccepted(() -> TeamRules.checkMeetingHeld(TODAY, TODAY));
            assertAccepted(() -> TeamRules.checkMeetingHeld(TODAY.minusMonths(2), TODAY));
        }

        @Test
        void anActionItemIsOverdueTheDayAfterItsDueDateUntilDone() {
            assertThat(TeamRules.overdue(TODAY, null, TODAY)).isFalse();
            assertThat(TeamRules.overdue(TODAY.minusDays(1), null, TODAY)).isTrue();
            assertThat(TeamRules.overdue(TODAY.minusDays(1), TODAY.minusDays(3), TODAY)).isFalse();
            assertThat(TeamRules.overdue(TODAY.minusDays(1), TODAY, TODAY)).isFalse();
        }

        @Test
        void anArrangementEndsOnOrAfterItsStart() {
            assertViolation(() -> TeamRules.checkPeriod(TODAY, TODAY.minusDays(1)), CONTENT, "end-before-start");
            assertAccepted(() -> TeamRules.checkPeriod(TODAY, TODAY));
            assertAccepted(() -> TeamRules.checkPeriod(TODAY, TODAY.plusMonths(6)));
            assertAccepted(() -> TeamRules.checkPeriod(TODAY, null));
        }
    }

    @Nested
    class SameExpert {

        @Test
        void theSameRegistrationIsTheSameExpertRegardlessOfCaseAndSpaces() {
            TlvAdvice a = advice("J. de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "NVO 12345");
            TlvAdvice b = advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "  nvo   12345 ");
            assertThat(a.sameExpert(b)).isTrue();
            assertThat(b.sameExpert(a)).isTrue();
        }

        @Test
        void differentRegistrationsAreDifferentExpertsEvenWithTheSameName() {
            TlvAdvice a = advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "NVO 12345");
            TlvAdvice b = advice("Jan de Vries", ExpertDiscipline.PSYCHOLOOG, "NIP 67890");
            assertThat(a.sameExpert(b)).isFalse();
            assertThat(b.sameExpert(a)).isFalse();
        }

        @Test
        void withoutRegistrationTheNameIdentifiesTheExpertRegardlessOfCaseAndSpaces() {
            TlvAdvice a = advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, null);
            TlvAdvice b = advice("  jan  DE vries ", ExpertDiscipline.PEDAGOGUE, null);
            assertThat(a.sameExpert(b)).isTrue();
            assertThat(b.sameExpert(a)).isTrue();
            assertThat(a.sameExpert(advice("Jan de Groot", ExpertDiscipline.ORTHOPEDAGOOG, null))).isFalse();
        }

        @Test
        void whenOnlyOneHasARegistrationTheNamesAreCompared() {
            TlvAdvice registered = advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "NVO 12345");
            assertThat(registered.sameExpert(advice("jan de vries", ExpertDiscipline.ORTHOPEDAGOOG, null))).isTrue();
            assertThat(advice("jan de vries", ExpertDiscipline.ORTHOPEDAGOOG, null).sameExpert(registered)).isTrue();
            assertThat(registered.sameExpert(advice("Piet Jansen", ExpertDiscipline.PHYSICIAN, null))).isFalse();
        }

        @Test
        void aNewAdviceIsByAnotherExpertThanEveryExistingOne() {
            List<TlvAdvice> existing = List.of(advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "NVO 12345"),
                    advice("Els Bakker", ExpertDiscipline.SOCIAL_WORKER, null));
            assertViolation(() -> TeamRules.checkNewAdvice(existing,
                    advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "nvo 12345")), CONTENT, "same-expert");
            assertViolation(() -> TeamRules.checkNewAdvice(existing,
                    advice("ELS BAKKER", ExpertDiscipline.SOCIAL_WORKER, null)), CONTENT, "same-expert");
            assertAccepted(() -> TeamRules.checkNewAdvice(existing,
                    advice("Jan de Vries", ExpertDiscipline.PSYCHOLOOG, "NIP 67890")));
            assertAccepted(() -> TeamRules.checkNewAdvice(List.of(),
                    advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, null)));
        }
    }

    @Nested
    class Advices {

        final TlvAdvice orthopedagoog = advice("Jan de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "NVO 12345");
        final TlvAdvice psycholoog = advice("Anna Smit", ExpertDiscipline.PSYCHOLOOG, "NIP 67890");
        final TlvAdvice arts = advice("Piet Jansen", ExpertDiscipline.PHYSICIAN, "BIG 19012345601");
        final TlvAdvice pedagoog = advice("Els Bakker", ExpertDiscipline.PEDAGOGUE, null);

        @Test
        void aTlvNeedsTwoAdvices() {
            assertViolation(() -> TeamRules.checkAdvices(List.of()), CONTENT, "too-few-advices");
            assertViolation(() -> TeamRules.checkAdvices(List.of(orthopedagoog)), CONTENT, "too-few-advices");
        }

        @Test
        void exactlyTwoAdvicesByDifferentExpertsOneOfThemOrthopedagoogOrPsycholoogAreEnough() {
            assertAccepted(() -> TeamRules.checkAdvices(List.of(orthopedagoog, arts)));
            assertAccepted(() -> TeamRules.checkAdvices(List.of(pedagoog, psycholoog)));
            assertAccepted(() -> TeamRules.checkAdvices(List.of(orthopedagoog, psycholoog)));
            assertAccepted(() -> TeamRules.checkAdvices(List.of(orthopedagoog, psycholoog, arts)));
        }

        @Test
        void theTwoAdvicesAreByTwoDifferentExperts() {
            TlvAdvice again = advice("J. de Vries", ExpertDiscipline.ORTHOPEDAGOOG, "nvo 12345");
            assertViolation(() -> TeamRules.checkAdvices(List.of(orthopedagoog, again)), CONTENT, "same-expert");
            TlvAdvice byNameAgain = advice("ELS  BAKKER", ExpertDiscipline.PEDAGOGUE, null);
            assertViolation(() -> TeamRules.checkAdvices(List.of(psycholoog, pedagoog, byNameAgain)), CONTENT,
                    "same-expert");
        }

        @Test
        void atLeastOneAdviceIsByAnOrthopedagoogOrPsycholoog() {
            TlvAdvice jeugdpsycholoog = advice("Kees Mol", ExpertDiscipline.CHILD_AND_YOUTH_PSYCHOLOGIST, null);
            assertViolation(() -> TeamRules.checkAdvices(List.of(arts, pedagoog)), CONTENT,
                    "no-orthopedagoog-or-psycholoog");
            assertViolation(() -> TeamRules.checkAdvices(List.of(jeugdpsycholoog, arts)), CONTENT,
                    "no-orthopedagoog-or-psycholoog");
        }
    }

    @Nested
    class TlvDecision {

        static final LocalDate START = LocalDate.of(2027, 1, 1);
        static final LocalDate END = LocalDate.of(2028, 7, 31);

        @Test
        void aGrantedTlvHasACategoryFittingTheRequestAndAPeriod() {
            assertAccepted(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SO_MEDIUM,
                    START, END, null));
            assertAccepted(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SO_LOW,
                    START, START.plusDays(1), null));
            assertAccepted(() -> TeamRules.checkTlvDecision(TlvTarget.SBO, TlvOutcome.GRANTED, TlvCategory.SBO,
                    START, END, null));
        }

        @Test
        void aGrantedTlvIsComplete() {
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, null, START, END, null),
                    CONTENT, "incomplete-decision");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SO_HIGH,
                    null, END, null), CONTENT, "incomplete-decision");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SO_HIGH,
                    START, null, null), CONTENT, "incomplete-decision");
        }

        @Test
        void theCategoryFollowsTheTarget() {
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SBO,
                    START, END, null), CONTENT, "category-mismatch");
            for (TlvCategory so : List.of(TlvCategory.SO_LOW, TlvCategory.SO_MEDIUM, TlvCategory.SO_HIGH)) {
                assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SBO, TlvOutcome.GRANTED, so, START, END,
                        null), CONTENT, "category-mismatch");
            }
        }

        @Test
        void aTlvEndsAfterItsStart() {
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.GRANTED, TlvCategory.SO_LOW,
                    START, START, null), CONTENT, "end-before-start");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SBO, TlvOutcome.GRANTED, TlvCategory.SBO,
                    START, START.minusDays(1), null), CONTENT, "end-before-start");
        }

        @Test
        void aRefusalStatesItsReason() {
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.REFUSED, null, null, null, null),
                    CONTENT, "reason-required");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.REFUSED, null, null, null, "  "),
                    CONTENT, "reason-required");
            assertAccepted(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.REFUSED, null, null, null,
                    "de basisondersteuning is nog niet benut"));
        }

        @Test
        void aRefusalHasNoCategoryNorPeriod() {
            String reason = "de basisondersteuning is nog niet benut";
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SO, TlvOutcome.REFUSED, TlvCategory.SO_LOW,
                    null, null, reason), CONTENT, "refusal-with-category");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SBO, TlvOutcome.REFUSED, TlvCategory.SBO,
                    START, END, reason), CONTENT, "refusal-with-category");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SBO, TlvOutcome.REFUSED, null, START, null,
                    reason), CONTENT, "refusal-with-category");
            assertViolation(() -> TeamRules.checkTlvDecision(TlvTarget.SBO, TlvOutcome.REFUSED, null, null, END,
                    reason), CONTENT, "refusal-with-category");
        }
    }

    @Nested
    class Objection {

        static final Period SIX_WEEKS = Period.ofDays(42); // as the service passes it (objection-period=42d)
        static final LocalDate DECIDED = LocalDate.of(2026, 10, 1);

        @Test
        void anObjectionIsPossibleUpToAndIncludingTheLastDayOfSixWeeks() {
            assertAccepted(() -> TeamRules.checkObjection(DECIDED, DECIDED, SIX_WEEKS));
            assertAccepted(() -> TeamRules.checkObjection(DECIDED, DECIDED.plusWeeks(6), SIX_WEEKS));
            assertAccepted(() -> TeamRules.checkObjection(DECIDED, DECIDED.plusWeeks(6), Period.ofWeeks(6)));
        }

        @Test
        void theDayAfterThePeriodItIsOver() {
            assertViolation(() -> TeamRules.checkObjection(DECIDED, DECIDED.plusWeeks(6).plusDays(1), SIX_WEEKS), STATE,
                    "objection-period-over");
        }

        @Test
        void anObjectionComesAfterTheDecision() {
            assertViolation(() -> TeamRules.checkObjection(DECIDED, DECIDED.minusDays(1), SIX_WEEKS), CONTENT,
                    "objection-before-decision");
        }
    }

    @Nested
    class DiscussedRepeatedly {

        static final int THRESHOLD = 3;
        static final Period WINDOW = Period.ofDays(365); // as the service passes it (repeated-window=365d)

        static Discussion without(LocalDate on) {
            return new Discussion(on, EnumSet.of(CaseDecision.OBSERVE));
        }

        static Discussion changing(LocalDate on) {
            return new Discussion(on, EnumSet.of(CaseDecision.OBSERVE, CaseDecision.CHANGE_ARRANGEMENT));
        }

        static Optional<LocalDate> check(Discussion... discussions) {
            return TeamRules.discussedRepeatedly(List.of(discussions), TODAY, THRESHOLD, WINDOW);
        }

        @Test
        void twoDiscussionsAreNoSignal() {
            assertThat(check()).isEmpty();
            assertThat(check(without(TODAY.minusMonths(3)), without(TODAY))).isEmpty();
        }

        @Test
        void theThirdDiscussionWithoutAChangeReachesTheThreshold() {
            LocalDate third = TODAY.minusMonths(1);
            assertThat(check(without(TODAY.minusMonths(5)), without(TODAY.minusMonths(3)), without(third)))
                    .contains(third);
        }

        @Test
        void theSignalDatesFromTheThirdDiscussionAlsoWithMore() {
            LocalDate third = TODAY.minusMonths(4);
            assertThat(check(without(TODAY.minusMonths(8)), without(TODAY.minusMonths(6)), without(third),
                    without(TODAY.minusMonths(2)), without(TODAY))).contains(third);
        }

        @Test
        void theOrderOfTheDiscussionsDoesNotMatter() {
            LocalDate third = TODAY.minusDays(10);
            assertThat(check(without(third), without(TODAY.minusDays(30)), without(TODAY.minusDays(20))))
                    .contains(third);
            assertThat(check(without(TODAY.minusDays(30)), changing(TODAY.minusDays(20)), without(TODAY.minusDays(40)),
                    without(TODAY.minusDays(10)))).isEmpty();
        }

        @Test
        void observingAssessingDoingNothingOrNoDecisionsDoNotChangeTheApproach() {
            LocalDate third = TODAY.minusMonths(1);
            assertThat(check(new Discussion(TODAY.minusMonths(5), EnumSet.of(CaseDecision.ASSESS)),
                    new Discussion(TODAY.minusMonths(3), EnumSet.of(CaseDecision.NO_ACTION)),
                    new Discussion(third, Set.of()))).contains(third);
        }

        @Test
        void aChangeOfApproachResetsTheCount() {
            Discussion a = without(TODAY.minusMonths(10));
            Discussion b = without(TODAY.minusMonths(9));
            Discussion change = changing(TODAY.minusMonths(8));
            Discussion c = without(TODAY.minusMonths(6));
            Discussion d = without(TODAY.minusMonths(4));
            assertThat(check(a, b, change, c, d)).isEmpty();
            LocalDate third = TODAY.minusMonths(2);
            assertThat(check(a, b, change, c, d, without(third))).contains(third);
        }

        @Test
        void aChangeAtTheLatestDiscussionEndsTheSignal() {
            assertThat(check(without(TODAY.minusMonths(6)), without(TODAY.minusMonths(4)),
                    without(TODAY.minusMonths(2)), changing(TODAY))).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = CaseDecision.class, names = {"START_ARRANGEMENT", "CHANGE_ARRANGEMENT",
            "RAISE_SUPPORT_LEVEL", "REQUEST_TLV", "REFER"})
        void everyDecisionThatChangesTheApproachResets(CaseDecision decision) {
            assertThat(check(without(TODAY.minusMonths(6)), without(TODAY.minusMonths(4)),
                    new Discussion(TODAY.minusMonths(3), EnumSet.of(decision)), without(TODAY.minusMonths(2))))
                    .isEmpty();
        }

        @Test
        void aDiscussionExactlyAWindowAgoNoLongerCounts() {
            LocalDate edge = TODAY.minus(WINDOW);
            assertThat(check(without(edge), without(TODAY.minusMonths(6)), without(TODAY))).isEmpty();
            assertThat(check(without(edge.plusDays(1)), without(TODAY.minusMonths(6)), without(TODAY)))
                    .contains(TODAY);
        }

        @Test
        void theWindowEdgeWithATwelveMonthPeriod() {
            Period twelveMonths = Period.ofMonths(12);
            LocalDate edge = TODAY.minusMonths(12);
            assertThat(TeamRules.discussedRepeatedly(
                    List.of(without(edge), without(TODAY.minusMonths(6)), without(TODAY)), TODAY, THRESHOLD,
                    twelveMonths)).isEmpty();
            assertThat(TeamRules.discussedRepeatedly(
                    List.of(without(edge.plusDays(1)), without(TODAY.minusMonths(6)), without(TODAY)), TODAY, THRESHOLD,
                    twelveMonths)).contains(TODAY);
        }

        @Test
        void discussionsAfterTodayDoNotCount() {
            assertThat(check(without(TODAY.minusMonths(2)), without(TODAY), without(TODAY.plusDays(1)))).isEmpty();
        }
    }
}
