package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;

/**
 * Who may do what with one pupil's support data: staff of the pupil's school (until the pupil left
 * it), a parent for their own child, a care professional linked to the pupil. SWV roles see nothing
 * pupil-level here. Anything else is answered 404.
 */
@ApplicationScoped
public class SupportGuard {

    /** Who reads a pupil's level and interventions, strongest role first (the role the access is audited under). */
    static final String[] READERS = {Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT};

    @Inject
    Caller caller;

    @Inject
    PupilDirectory directory;

    @Inject
    PupilAccess access;

    /** The pupil as the directory knows it; 404 for a pupil this service has never heard of. */
    public DirectoryPupil knownPupil(UUID pupilId) {
        return directory.pupil(pupilId).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
    }

    /** The role under which the caller may act on the pupil, taken from {@code allowed}; 404 otherwise. */
    public String pupil(UUID pupilId, String... allowed) {
        return access.roleFor(pupilId, allowed).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
    }

    /** The role under which the caller acts for a school, from {@code allowed}; 404 otherwise. */
    public String school(String schoolCode, String... allowed) {
        return schoolRole(schoolCode, allowed).orElseThrow(() -> Problems.notFound("school " + schoolCode));
    }

    /**
     * The same for something of a school addressed by its own id: 404 names only {@code what}, as for
     * one that does not exist, so that neither its existence nor its school is revealed.
     */
    public String schoolOf(String what, String schoolCode, String... allowed) {
        return schoolRole(schoolCode, allowed).orElseThrow(() -> Problems.notFound(what));
    }

    /**
     * The same for something of a school that holds pupils (an intervention, an action plan): besides,
     * at least one of its pupils is still at that school. Once they all left, the school's staff lose
     * access to it as to the pupils themselves.
     */
    public String schoolOf(String what, String schoolCode, java.util.Collection<UUID> pupilIds, String... allowed) {
        String role = schoolOf(what, schoolCode, allowed);
        for (UUID pupilId : pupilIds) {
            DirectoryPupil pupil = directory.pupil(pupilId).orElse(null);
            if (pupil != null && pupil.schoolCode.equals(schoolCode) && access.stillThere(pupil)) {
                return role;
            }
        }
        throw Problems.notFound(what);
    }

    private java.util.Optional<String> schoolRole(String schoolCode, String... allowed) {
        return access.schoolRole(schoolCode, allowed);
    }

    /** Staff of the school see a whole group; a parent or care professional only their pupil. */
    public static boolean isStaff(String role) {
        return PupilAccess.forSchool(role);
    }

    public String subject() {
        return caller.subject();
    }
}
