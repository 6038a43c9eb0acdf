package nl.passend.pupil.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import nl.passend.platform.security.Roles;

/**
 * Who may see one pupil, decided from the pupil's enrolments, guardians and professional links and
 * the caller's role, schools and subject. Returns the role under which access is granted (for the
 * audit), or empty: then the pupil is not visible at all and the API answers 404.
 */
public final class PupilAccess {

    /** What is known about the caller, taken from the verified token. */
    public record CallerFacts(String subject, Set<String> roles, Set<String> schools) {
    }

    private PupilAccess() {
    }

    public static Optional<String> grantedRole(CallerFacts caller, Collection<Enrolment> enrolments,
            Collection<Guardian> guardians, Collection<ProfessionalLink> links, LocalDate today) {
        if (caller.roles().contains(Roles.ADMIN)) {
            return Optional.of(Roles.ADMIN);
        }
        if (caller.roles().contains(Roles.SIS_CLIENT)
                && enrolments.stream().anyMatch(e -> caller.schools().contains(e.schoolCode))) {
            return Optional.of(Roles.SIS_CLIENT);
        }
        for (String staffRole : new String[] {Roles.IB, Roles.DIRECTOR, Roles.TEACHER}) {
            if (caller.roles().contains(staffRole)
                    && enrolments.stream().anyMatch(e -> caller.schools().contains(e.schoolCode)
                            && isCurrent(e, today))) {
                return Optional.of(staffRole);
            }
        }
        if (caller.roles().contains(Roles.CARE_PROFESSIONAL)
                && links.stream().anyMatch(l -> l.accountId.equals(caller.subject()))) {
            return Optional.of(Roles.CARE_PROFESSIONAL);
        }
        if (caller.roles().contains(Roles.PARENT)
                && guardians.stream().anyMatch(g -> caller.subject().equals(g.accountId))) {
            return Optional.of(Roles.PARENT);
        }
        return Optional.empty();
    }

    /** A school's staff see a pupil until the leaving date; from that day on, no longer. */
    public static boolean isCurrent(Enrolment enrolment, LocalDate today) {
        return enrolment.endDate == null || today.isBefore(enrolment.endDate);
    }
}
