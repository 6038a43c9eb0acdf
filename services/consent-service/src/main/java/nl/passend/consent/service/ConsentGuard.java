package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.platform.directory.DirectoryGuardian;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.AccessGuard;
import nl.passend.platform.security.Roles;

/**
 * The object-level check of consents, on the platform's {@link AccessGuard} (the pupil as the
 * directory knows it, the caller's schools, the audit's subject). Consent's own rule for a pupil: an
 * admin for any pupil, a parent only for their own child (a guardian whose accountId is the token's
 * subject), staff for a pupil of one of their schools; unlike the platform's pupil check, the
 * pupil's leaving does not end the staff's access. Anything else is answered 404.
 */
@ApplicationScoped
public class ConsentGuard extends AccessGuard {

    /** The role under which the caller may act on the consents of a pupil at {@code schoolCode}, from {@code allowed}; 404 otherwise. */
    public String consentRole(UUID pupilId, String schoolCode, String... allowed) {
        for (String role : allowed) {
            if (!caller.hasRole(role)) {
                continue;
            }
            if (role.equals(Roles.ADMIN)) {
                return role;
            }
            if (role.equals(Roles.PARENT)) {
                if (ownGuardianship(pupilId).isPresent()) {
                    return role;
                }
            } else if (caller.worksAt(schoolCode)) {
                return role;
            }
        }
        throw Problems.notFound("pupil " + pupilId);
    }

    /** As {@link #consentRole}, for the pupil of a request: at its current school when known, else the school the request named. */
    public String requestRole(ConsentRequest request, String... allowed) {
        String schoolCode = directory.pupil(request.pupilId).map(p -> p.schoolCode).orElse(request.schoolCode);
        return consentRole(request.pupilId, schoolCode, allowed);
    }

    /** An admin sees every school's consents; anyone else only those of a school they work at. */
    @Override
    public Optional<String> schoolRole(String schoolCode, String... allowed) {
        Optional<String> atSchool = super.schoolRole(schoolCode, allowed);
        if (atSchool.isEmpty() && caller.hasRole(Roles.ADMIN) && Arrays.asList(allowed).contains(Roles.ADMIN)) {
            return Optional.of(Roles.ADMIN);
        }
        return atSchool;
    }

    /** The caller's own guardianship of the pupil. */
    public Optional<DirectoryGuardian> ownGuardianship(UUID pupilId) {
        return directory.guardianship(pupilId, caller.subject());
    }
}
