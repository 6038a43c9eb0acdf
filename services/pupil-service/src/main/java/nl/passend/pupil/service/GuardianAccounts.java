package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.GuardianRepository;

/**
 * The IB'er links a guardian to their login (the identity provider's subject), so that the parent's
 * app can act for them, and removes that link again. Against the guardian's version, audited.
 */
@ApplicationScoped
public class GuardianAccounts {

    @Inject
    PupilGuard guard;

    @Inject
    GuardianRepository guardians;

    @Inject
    PupilEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public Guardian link(UUID pupilId, UUID guardianId, String accountId, ExpectedVersion expected) {
        Pupil pupil = guard.access(pupilId, "guardian.link", Roles.IB).pupil();
        return setAccount(pupil, guardianId, accountId, expected);
    }

    @Transactional
    public Guardian unlink(UUID pupilId, UUID guardianId, ExpectedVersion expected) {
        Pupil pupil = guard.access(pupilId, "guardian.unlink", Roles.IB).pupil();
        return setAccount(pupil, guardianId, null, expected);
    }

    /** A change of login is published (consent and the directories follow it); setting the same one changes nothing. */
    private Guardian setAccount(Pupil pupil, UUID guardianId, String accountId, ExpectedVersion expected) {
        Guardian guardian = guardians.findById(guardianId);
        if (guardian == null || !guardian.pupilId.equals(pupil.id)) {
            throw Problems.notFound("guardian " + guardianId);
        }
        expected.require(guardian.version);
        if (!Objects.equals(accountId, guardian.accountId)) {
            guardian.accountId = accountId;
            em.flush();
            events.guardian(EventType.GUARDIAN_CHANGED, pupil, guardian);
        }
        return guardian;
    }
}
