package nl.passend.pupil.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.ProfessionalDiscipline;
import nl.passend.pupil.domain.PupilAccess.CallerFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure rule of who sees one pupil, without Quarkus. */
class PupilAccessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String OWN = "11AA00";
    private static final String OTHER = "22BB00";
    private static final UUID PUPIL = UUID.randomUUID();

    private static CallerFacts caller(String subject, Set<String> roles, String... schools) {
        return new CallerFacts(subject, roles, Set.of(schools));
    }

    private static Enrolment enrolment(String school, LocalDate endDate) {
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.pupilId = PUPIL;
        e.schoolCode = school;
        e.externalId = "x-" + school;
        e.startDate = LocalDate.of(2021, 9, 1);
        e.endDate = endDate;
        return e;
    }

    private static Guardian guardian(String accountId, boolean authority) {
        Guardian g = new Guardian();
        g.id = UUID.randomUUID();
        g.pupilId = PUPIL;
        g.externalId = "g-" + accountId;
        g.givenName = "Ans";
        g.familyName = "de Vries";
        g.hasParentalAuthority = authority;
        g.accountId = accountId;
        return g;
    }

    private static ProfessionalLink link(String accountId) {
        ProfessionalLink l = new ProfessionalLink();
        l.id = UUID.randomUUID();
        l.pupilId = PUPIL;
        l.accountId = accountId;
        l.discipline = ProfessionalDiscipline.ORTHOPEDAGOOG;
        l.linkedBy = "ib-1";
        return l;
    }

    /** A pupil currently at school OWN, with one guardian (account "mother") and one linked professional "ortho". */
    private static Optional<String> access(CallerFacts caller) {
        return access(caller, List.of(enrolment(OWN, null)));
    }

    private static Optional<String> access(CallerFacts caller, List<Enrolment> enrolments) {
        return PupilAccess.grantedRole(caller, enrolments, List.of(guardian("mother", true)), List.of(link("ortho")),
                TODAY);
    }

    @Test
    void adminSeesEveryPupil() {
        assertThat(access(caller("admin-1", Set.of("admin")), List.of(enrolment(OTHER, null)))).contains("admin");
    }

    @Test
    void sisClientSeesThePupilsOfItsOwnSchoolOnly() {
        assertThat(access(caller("sis", Set.of("sis-client"), OWN))).contains("sis-client");
        assertThat(access(caller("sis", Set.of("sis-client"), OTHER))).isEmpty();
        assertThat(access(caller("sis", Set.of("sis-client")))).isEmpty();
    }

    @Test
    void sisClientStillSeesAPupilWhoLeftItsSchoolToSyncTheLeaving() {
        assertThat(access(caller("sis", Set.of("sis-client"), OWN), List.of(enrolment(OWN, TODAY.minusYears(1)))))
                .contains("sis-client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffSeeThePupilsOfTheirOwnSchool(String role) {
        assertThat(access(caller(role + "-1", Set.of(role), OWN))).contains(role);
        assertThat(access(caller(role + "-1", Set.of(role), OTHER, OWN))).contains(role);
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffOfAnotherSchoolSeeNothing(String role) {
        assertThat(access(caller(role + "-1", Set.of(role), OTHER))).isEmpty();
        assertThat(access(caller(role + "-1", Set.of(role)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ib", "director"})
    void staffLoseAccessFromTheLeavingDate(String role) {
        CallerFacts staff = caller(role + "-1", Set.of(role), OWN);
        assertThat(access(staff, List.of(enrolment(OWN, TODAY.plusDays(1))))).contains(role);
        assertThat(access(staff, List.of(enrolment(OWN, TODAY)))).isEmpty();
        assertThat(access(staff, List.of(enrolment(OWN, TODAY.minusDays(1))))).isEmpty();
    }

    @Test
    void aPupilWhoMovedIsSeenByTheNewSchoolOnly() {
        List<Enrolment> moved = List.of(enrolment(OWN, TODAY.minusDays(3)), enrolment(OTHER, null));
        assertThat(access(caller("t-old", Set.of("teacher"), OWN), moved)).isEmpty();
        assertThat(access(caller("t-new", Set.of("teacher"), OTHER), moved)).contains("teacher");
    }

    @Test
    void isCurrentEndsOnTheLeavingDate() {
        assertThat(PupilAccess.isCurrent(enrolment(OWN, null), TODAY)).isTrue();
        assertThat(PupilAccess.isCurrent(enrolment(OWN, TODAY.plusDays(1)), TODAY)).isTrue();
        assertThat(PupilAccess.isCurrent(enrolment(OWN, TODAY), TODAY)).isFalse();
    }

    @Test
    void careProfessionalSeesOnlyPupilsLinkedToThem() {
        assertThat(access(caller("ortho", Set.of("care-professional")))).contains("care-professional");
        assertThat(access(caller("psych", Set.of("care-professional")))).isEmpty();
        // working for the school is not a need to know
        assertThat(access(caller("psych", Set.of("care-professional"), OWN))).isEmpty();
    }

    @Test
    void aLinkCountsOnlyForTheCareProfessionalRole() {
        assertThat(access(caller("ortho", Set.of("teacher")))).isEmpty();
        assertThat(access(caller("ortho", Set.of("parent")))).isEmpty();
    }

    @Test
    void parentSeesOnlyTheirOwnChild() {
        assertThat(access(caller("mother", Set.of("parent")))).contains("parent");
        assertThat(access(caller("stranger", Set.of("parent")))).isEmpty();
        // the school in a parent's token does not matter
        assertThat(access(caller("stranger", Set.of("parent"), OWN))).isEmpty();
    }

    @Test
    void aGuardianWithoutParentalAuthoritySeesTheChild() {
        // only consent is limited to guardians with parental authority (gezag); reading the child's file is not
        Optional<String> role = PupilAccess.grantedRole(caller("father", Set.of("parent")),
                List.of(enrolment(OWN, null)), List.of(guardian("father", false)), List.of(), TODAY);
        assertThat(role).contains("parent");
    }

    @Test
    void aGuardianWithoutALoginMatchesNoParent() {
        Optional<String> role = PupilAccess.grantedRole(caller("mother", Set.of("parent")),
                List.of(enrolment(OWN, null)), List.of(guardian(null, true)), List.of(), TODAY);
        assertThat(role).isEmpty();
    }

    @Test
    void aParentSeesTheirChildAfterItLeftSchool() {
        assertThat(access(caller("mother", Set.of("parent")), List.of(enrolment(OWN, TODAY.minusYears(1)))))
                .contains("parent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"board", "swv-consultant", "swv-analyst", "unknown-role"})
    void otherRolesSeeNoPupilHere(String role) {
        assertThat(access(caller("mother", Set.of(role), OWN))).isEmpty();
        assertThat(access(caller("ortho", Set.of(role), OWN))).isEmpty();
    }

    @Test
    void noRoleSeesNothing() {
        assertThat(access(caller("mother", Set.of(), OWN))).isEmpty();
    }

    @Test
    void aStaffMemberWhoIsAlsoAParentSeesTheirChildAtAnotherSchoolAsParent() {
        assertThat(access(caller("mother", Set.of("teacher", "parent"), OTHER))).contains("parent");
        assertThat(access(caller("mother", Set.of("teacher", "parent"), OWN))).contains("teacher");
    }

    @Test
    void theStrongestStaffRoleIsTheOneGranted() {
        assertThat(access(caller("x", Set.of("teacher", "ib"), OWN))).contains("ib");
        assertThat(access(caller("x", Set.of("teacher", "director"), OWN))).contains("director");
    }
}
