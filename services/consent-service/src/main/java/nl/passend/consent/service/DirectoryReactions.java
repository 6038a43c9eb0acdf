package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;

/**
 * What changes in the pupil directory (kept from passend.pupil by the platform) mean for consents:
 * a guardian who gains parental authority must answer the open requests too; one who loses it (or is
 * removed) no longer counts. Erasure deletes everything held about the pupil.
 */
@ApplicationScoped
public class DirectoryReactions {

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

    void authorityChanged(@Observes DirectoryChange.GuardianAuthority change) {
        boolean required = change.hasParentalAuthority();
        for (ConsentRequest request : requests.openOfPupilLocked(change.pupilId())) {
            boolean changed = required ? request.requiredGuardians.add(change.guardianId())
                    : request.requiredGuardians.remove(change.guardianId());
            if (changed) {
                consents.rederive(request, entries.ofRequest(request.id));
                audit.recordSystem(change.pupilId(), change.source(),
                        required ? "consent.guardian.add" : "consent.guardian.remove", request.id.toString());
            }
        }
    }

    /** Erasure after the retention period: the ledger of the pupil goes (the directory's rows are gone already). */
    void erased(@Observes DirectoryChange.Erased erased) {
        em.createNativeQuery("delete from consent_entry where request_id in (select id from consent_request where pupil_id = ?1)")
                .setParameter(1, erased.pupilId()).executeUpdate();
        em.createNativeQuery("delete from consent_required_guardian where request_id in (select id from consent_request where pupil_id = ?1)")
                .setParameter(1, erased.pupilId()).executeUpdate();
        em.createNativeQuery("delete from consent_request where pupil_id = ?1").setParameter(1, erased.pupilId())
                .executeUpdate();
        em.createNativeQuery("delete from audit_log where pupil_id = ?1").setParameter(1, erased.pupilId())
                .executeUpdate();
    }
}
