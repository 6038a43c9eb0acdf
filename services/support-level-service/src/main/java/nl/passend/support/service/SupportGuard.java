package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.AccessGuard;
import nl.passend.platform.security.Roles;

/**
 * Who may do what with one pupil's support data: staff of the pupil's school (until the pupil left
 * it), a parent for their own child, a care professional linked to the pupil. SWV roles see nothing
 * pupil-level here. Anything else is answered 404.
 */
@ApplicationScoped
public class SupportGuard extends AccessGuard {

    /** Who reads a pupil's level and interventions, strongest role first (the role the access is audited under). */
    static final String[] READERS = {Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.CARE_PROFESSIONAL, Roles.PARENT};

    /**
     * The role under which the caller acts on something of a school that holds pupils (an intervention,
     * an action plan): besides, at least one of its pupils is still at that school. Once they all left,
     * the school's staff lose access to it as to the pupils themselves.
     */
    public String schoolOf(String what, String schoolCode, Collection<UUID> pupilIds, String... allowed) {
        String role = schoolOf(what, schoolCode, allowed);
        for (UUID pupilId : pupilIds) {
            DirectoryPupil pupil = directory.pupil(pupilId).orElse(null);
            if (pupil != null && pupil.schoolCode.equals(schoolCode) && access.stillThere(pupil)) {
                return role;
            }
        }
        throw Problems.notFound(what);
    }
}
