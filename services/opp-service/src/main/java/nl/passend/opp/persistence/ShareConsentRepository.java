package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.opp.domain.ShareConsent;

@ApplicationScoped
public class ShareConsentRepository implements PanacheRepositoryBase<ShareConsent, UUID> {

    /** Valid when the latest decision about any SHARE_WITH_SWV request for the pupil is GRANTED. */
    public boolean validFor(UUID pupilId) {
        return find("pupilId = ?1 order by decidedAt desc, requestId", pupilId).firstResultOptional()
                .map(c -> c.outcome == ConsentOutcome.GRANTED).orElse(false);
    }
}
