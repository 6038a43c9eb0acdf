package nl.passend.platform.security;

import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.problem.Problems;

/**
 * What every service's guard starts from (a service's guard extends it with its own objects): the
 * pupil as the directory knows it, the role under which the caller acts on a pupil or for a school,
 * and the caller's own SWV or board. Whatever the caller may not see is answered 404, as if it did not
 * exist.
 */
public abstract class AccessGuard {

    @Inject
    protected Caller caller;

    @Inject
    protected PupilDirectory directory;

    @Inject
    protected PupilAccess access;

    /** The pupil as the directory knows it; 404 for a pupil this service has never heard of. */
    public DirectoryPupil knownPupil(UUID pupilId) {
        return directory.pupil(pupilId).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
    }

    /** The role under which the caller may act on the pupil, taken from {@code allowed}; 404 otherwise. */
    public String pupil(UUID pupilId, String... allowed) {
        return pupilRole(pupilId, allowed).orElseThrow(() -> Problems.notFound("pupil " + pupilId));
    }

    /** The first role of {@code allowed} under which the caller may act on the pupil, if any. */
    public Optional<String> pupilRole(UUID pupilId, String... allowed) {
        return access.roleFor(pupilId, allowed);
    }

    /** The role under which the caller acts for the school, from {@code allowed}; 404 otherwise. */
    public String school(String schoolCode, String... allowed) {
        return schoolRole(schoolCode, allowed).orElseThrow(() -> Problems.notFound("school " + schoolCode));
    }

    /** The first role of {@code allowed} under which the caller acts for the school, if any. */
    public Optional<String> schoolRole(String schoolCode, String... allowed) {
        return access.schoolRole(schoolCode, allowed);
    }

    /**
     * The same for something of a school addressed by its own id: the 404 names only {@code what}, as
     * for one that does not exist, so that neither its existence nor its school is revealed.
     */
    public String schoolOf(String what, String schoolCode, String... allowed) {
        return schoolRole(schoolCode, allowed).orElseThrow(() -> Problems.notFound(what));
    }

    /** Whether the school belongs to the SWV of the caller's {@code swv} claim. */
    public boolean ownSwv(String schoolCode) {
        return directory.school(schoolCode).map(s -> s.swvCode)
                .filter(swv -> caller.swv().filter(swv::equals).isPresent()).isPresent();
    }

    /** Whether the school belongs to the board of the caller's {@code board} claim. */
    public boolean ownBoard(String schoolCode) {
        return directory.school(schoolCode).map(s -> s.boardCode)
                .filter(board -> caller.board().filter(board::equals).isPresent()).isPresent();
    }

    /** Whether the role acts for a school (staff, its systems) rather than for one child. */
    public static boolean isStaff(String role) {
        return PupilAccess.forSchool(role);
    }

    /** The caller's subject: who the audit names. */
    public String subject() {
        return caller.subject();
    }
}
