package nl.passend.platform.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's local copy of schools, pupils, guardians and linked professionals, kept from
 * passend.pupil by {@link PupilDirectoryHandler}: what object-level authorization and the service's
 * rules need to know about a pupil without asking pupil-service.
 */
@ApplicationScoped
public class PupilDirectory {

    @Inject
    EntityManager em;

    public Optional<DirectoryPupil> pupil(UUID pupilId) {
        return Optional.ofNullable(em.find(DirectoryPupil.class, pupilId));
    }

    public Optional<DirectorySchool> school(String schoolCode) {
        return schoolCode == null ? Optional.empty() : Optional.ofNullable(em.find(DirectorySchool.class, schoolCode));
    }

    /** Whether the login is one of the pupil's guardians (with or without parental authority). */
    public boolean isGuardian(UUID pupilId, String accountId) {
        return guardianship(pupilId, accountId).isPresent();
    }

    /** The login's guardianship of the pupil, if it has one. */
    public Optional<DirectoryGuardian> guardianship(UUID pupilId, String accountId) {
        return em.createQuery("from DirectoryGuardian where pupilId = ?1 and accountId = ?2", DirectoryGuardian.class)
                .setParameter(1, pupilId).setParameter(2, accountId).getResultStream().findFirst();
    }

    public List<DirectoryGuardian> guardiansWithAuthority(UUID pupilId) {
        return em.createQuery("from DirectoryGuardian where pupilId = ?1 and hasParentalAuthority = true order by id",
                DirectoryGuardian.class).setParameter(1, pupilId).getResultList();
    }

    public List<DirectoryGuardian> guardiansOfAccount(String accountId) {
        return em.createQuery("from DirectoryGuardian where accountId = ?1", DirectoryGuardian.class)
                .setParameter(1, accountId).getResultList();
    }

    /** Whether the login is a care professional the IB'er linked to the pupil. */
    public boolean isLinkedProfessional(UUID pupilId, String accountId) {
        return !em.createQuery("select p.linkId from DirectoryProfessional p where p.pupilId = ?1 and p.accountId = ?2")
                .setParameter(1, pupilId).setParameter(2, accountId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The active pupils of a school. */
    public List<DirectoryPupil> activePupils(String schoolCode) {
        return em.createQuery("from DirectoryPupil where schoolCode = ?1 and leftOn is null order by id",
                DirectoryPupil.class).setParameter(1, schoolCode).getResultList();
    }
}
