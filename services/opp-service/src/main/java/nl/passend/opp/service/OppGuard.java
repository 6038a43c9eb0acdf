package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import nl.passend.opp.domain.OppPlan;
import nl.passend.opp.persistence.ShareConsentRepository;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.AccessGuard;
import nl.passend.platform.security.Roles;

/**
 * Who may do what with one pupil's OPP. Staff act for pupils of their own school (until the pupil
 * left it); a parent for their own child; a care professional for a pupil they were linked to; an
 * SWV consultant of the school's SWV only with a valid SHARE_WITH_SWV consent. Anything else is
 * answered 404, as if the plan did not exist.
 */
@ApplicationScoped
public class OppGuard extends AccessGuard {

    /** Everyone who may read a plan, strongest role first (the role the access is audited under). */
    static final String[] READERS = {Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SIS_CLIENT, Roles.CARE_PROFESSIONAL,
            Roles.SWV_CONSULTANT, Roles.PARENT};
    /** The authors: the teacher with the IB'er. */
    static final String[] AUTHORS = {Roles.IB, Roles.TEACHER};

    @Inject
    ShareConsentRepository shareConsents;

    /** The role under which the caller may act on the pupil's OPP, taken from {@code allowed}; 404 otherwise. */
    @Override
    public String pupil(UUID pupilId, String... allowed) {
        return role(pupilId, null, allowed).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
    }

    /**
     * The role under which the caller may act on the plan, taken from {@code allowed}; otherwise the
     * same 404 as for a plan that does not exist, which names neither the plan's existence nor its pupil.
     */
    public String plan(OppPlan plan, String... allowed) {
        return role(plan.pupilId, plan.schoolCode, allowed).orElseThrow(() -> Problems.notFound("OPP " + plan.id));
    }

    /**
     * {@code planSchool}: the school a plan was drawn up at. Its staff act on it while the pupil is
     * there; a school the pupil moved to does not see the old school's plans (a warm transfer needs
     * the parents' agreement).
     */
    private Optional<String> role(UUID pupilId, String planSchool, String... allowed) {
        DirectoryPupil pupil = directory.pupil(pupilId).orElse(null);
        if (pupil != null) {
            boolean sameSchool = planSchool == null || planSchool.equals(pupil.schoolCode);
            for (String role : allowed) {
                if (caller.hasRole(role) && may(role, pupil) && (sameSchool || !isStaff(role))) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    /** The role under which the caller sees a school's lists (overdue plans, ROD export), from {@code allowed}. */
    @Override
    public String school(String schoolCode, String... allowed) {
        if (caller.hasRole(Roles.BOARD) && Arrays.asList(allowed).contains(Roles.BOARD) && ownBoard(schoolCode)) {
            return Roles.BOARD;
        }
        // a board user acts for its board's schools only, whatever schools its token lists
        String[] staff = Arrays.stream(allowed).filter(r -> !r.equals(Roles.BOARD)).toArray(String[]::new);
        return super.school(schoolCode, staff);
    }

    private boolean may(String role, DirectoryPupil pupil) {
        return role.equals(Roles.SWV_CONSULTANT) ? ownSwv(pupil.schoolCode) && shareConsents.validFor(pupil.id)
                : access.may(role, pupil);
    }
}
