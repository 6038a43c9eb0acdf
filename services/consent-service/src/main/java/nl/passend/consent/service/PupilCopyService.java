package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.domain.KnownGuardian;
import nl.passend.consent.domain.KnownPupil;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.consent.persistence.KnownGuardianRepository;
import nl.passend.consent.persistence.KnownPupilRepository;
import nl.passend.platform.audit.AuditLog;

/**
 * The local copy of pupils (school) and guardians (parental authority, login) kept from
 * passend.pupil, and what a change of parental authority means for open requests: a guardian who
 * gains it must answer them too; one who loses it (or is removed) no longer counts.
 */
@ApplicationScoped
public class PupilCopyService {

    @Inject
    KnownPupilRepository pupils;

    @Inject
    KnownGuardianRepository guardians;

    @Inject
    ConsentRequestRepository requests;

    @Inject
    ConsentEntryRepository entries;

    @Inject
    ConsentService consents;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void pupilAt(UUID pupilId, String schoolCode) {
        KnownPupil pupil = pupils.findById(pupilId);
        if (pupil == null) {
            pupil = new KnownPupil();
            pupil.id = pupilId;
            pupil.schoolCode = schoolCode;
            pupils.persist(pupil);
        } else if (schoolCode != null) {
            pupil.schoolCode = schoolCode;
        }
    }

    /** A guardian added or changed; {@code source} is the event's source, for the audit trail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void guardian(UUID pupilId, UUID guardianId, String accountId, boolean authority, String schoolCode,
            String source) {
        if (schoolCode != null) {
            pupilAt(pupilId, schoolCode);
        }
        KnownGuardian guardian = guardians.findById(guardianId);
        boolean had = guardian != null && guardian.hasParentalAuthority;
        if (guardian == null) {
            guardian = new KnownGuardian();
            guardian.id = guardianId;
            guardian.pupilId = pupilId;
            guardians.persist(guardian);
        }
        guardian.accountId = accountId;
        guardian.hasParentalAuthority = authority;
        if (authority && !had) {
            changeRequired(pupilId, guardianId, true, source);
        } else if (!authority && had) {
            changeRequired(pupilId, guardianId, false, source);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void guardianRemoved(UUID pupilId, UUID guardianId, String source) {
        KnownGuardian guardian = guardians.findById(guardianId);
        if (guardian != null) {
            guardians.delete(guardian);
        }
        changeRequired(pupilId, guardianId, false, source);
    }

    /** Erasure after the retention period: everything held about the pupil goes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID pupilId) {
        em.createNativeQuery("delete from consent_entry where request_id in (select id from consent_request where pupil_id = ?1)")
                .setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("delete from consent_required_guardian where request_id in (select id from consent_request where pupil_id = ?1)")
                .setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("delete from consent_request where pupil_id = ?1").setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("delete from guardian where pupil_id = ?1").setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("delete from pupil where id = ?1").setParameter(1, pupilId).executeUpdate();
        em.createNativeQuery("delete from audit_log where pupil_id = ?1").setParameter(1, pupilId).executeUpdate();
    }

    private void changeRequired(UUID pupilId, UUID guardianId, boolean required, String source) {
        for (ConsentRequest request : requests.openOfPupilLocked(pupilId)) {
            boolean changed = required ? request.requiredGuardians.add(guardianId)
                    : request.requiredGuardians.remove(guardianId);
            if (changed) {
                consents.rederive(request, entries.ofRequest(request.id));
                audit.recordSystem(pupilId, source, required ? "consent.guardian.add" : "consent.guardian.remove",
                        request.id.toString());
            }
        }
    }
}
