package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryGuardian;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;

/**
 * The object-level check: staff only for pupils of their own schools, a parent only for their own
 * child (a guardian whose accountId is the token's subject). Anything else is answered 404.
 */
@ApplicationScoped
public class ConsentGuard {

    /** Staff roles that see a school's consents, strongest first. */
    static final String[] STAFF = {Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SIS_CLIENT};

    @Inject
    Caller caller;

    @Inject
    PupilDirectory directory;

    /** The role under which the caller may act on the pupil's consents, taken from {@code allowed}; 404 otherwise. */
    public String pupil(UUID pupilId, String schoolCode, String... allowed) {
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

    /** The role under which the caller may see a school's consents, from {@code allowed}; 404 otherwise. */
    public String school(String schoolCode, String... allowed) {
        for (String role : allowed) {
            if (caller.hasRole(role) && (role.equals(Roles.ADMIN) || caller.worksAt(schoolCode))) {
                return role;
            }
        }
        throw Problems.notFound("school " + schoolCode);
    }

    /** The school of a pupil known from passend.pupil; 404 for a pupil consent-service has never heard of. */
    public DirectoryPupil knownPupil(UUID pupilId) {
        return directory.pupil(pupilId).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
    }

    /** The caller's own guardianship of the pupil. */
    public Optional<DirectoryGuardian> ownGuardianship(UUID pupilId) {
        return directory.guardianship(pupilId, caller.subject());
    }

    public String subject() {
        return caller.subject();
    }
}
