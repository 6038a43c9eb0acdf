package nl.passend.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;

/**
 * The object-level check every service makes for one pupil, from the pupil directory: a parent for
 * their own child, a care professional the IB'er linked to the pupil, and the school's staff (and
 * its systems) for a pupil of their school until the day it left. A service adds its own cases (an
 * SWV consultant with consent) around it.
 */
@ApplicationScoped
public class PupilAccess {

    @Inject
    Caller caller;

    @Inject
    PupilDirectory directory;

    @Inject
    Clock clock;

    /** Whether the caller, acting as {@code role} (which it has), may see the pupil. */
    public boolean may(String role, DirectoryPupil pupil) {
        return switch (role) {
            case Roles.PARENT -> directory.isGuardian(pupil.id, caller.subject());
            case Roles.CARE_PROFESSIONAL -> directory.isLinkedProfessional(pupil.id, caller.subject());
            default -> caller.worksAt(pupil.schoolCode) && stillThere(pupil);
        };
    }

    /** The first role of {@code allowed} the caller has and may see the pupil under; empty for a pupil not known here. */
    public Optional<String> roleFor(java.util.UUID pupilId, String... allowed) {
        DirectoryPupil pupil = directory.pupil(pupilId).orElse(null);
        if (pupil != null) {
            for (String role : allowed) {
                if (caller.hasRole(role) && may(role, pupil)) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    /** The first role of {@code allowed} under which the caller acts for the school. */
    public Optional<String> schoolRole(String schoolCode, String... allowed) {
        for (String role : allowed) {
            if (caller.hasRole(role) && caller.worksAt(schoolCode)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Whether the role acts for a school (staff, its systems) rather than for one child (parent, care professional). */
    public static boolean forSchool(String role) {
        return !role.equals(Roles.PARENT) && !role.equals(Roles.CARE_PROFESSIONAL);
    }

    /** Not left, or leaving after today: the school's staff lose access from the leaving date. */
    public boolean stillThere(DirectoryPupil pupil) {
        return pupil.leftOn == null || pupil.leftOn.isAfter(LocalDate.now(clock));
    }
}
