package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;

/**
 * Keeps the open requests' required guardians in step with parental authority, as the pupil directory
 * learns it from passend.pupil: a guardian who gains it must answer the open requests too; one who
 * loses it (or is removed) no longer counts, which may decide a request.
 */
@ApplicationScoped
public class RequiredGuardians {

    @Inject
    Clock clock;

    @Inject
    ConsentRequestRepository requests;

    @Inject
    ConsentEntryRepository entries;

    @Inject
    OutcomeChanges outcomeChanges;

    @Inject
    AuditLog audit;

    void authorityChanged(@Observes DirectoryChange.GuardianAuthority change) {
        boolean required = change.hasParentalAuthority();
        Instant now = Instant.now(clock);
        for (ConsentRequest request : requests.openOfPupilLocked(change.pupilId())) {
            boolean changed = required ? request.require(change.guardianId(), now)
                    : request.release(change.guardianId());
            if (changed) {
                outcomeChanges.rederive(request, entries.ofRequest(request.id));
                audit.recordSystem(change.pupilId(), change.source(),
                        required ? "consent.guardian.add" : "consent.guardian.remove", request.id.toString());
            }
        }
    }
}
