package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.passend.consent.domain.ConsentEntry;
import nl.passend.consent.domain.ConsentOutcomes;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.messaging.ConsentEvents;
import nl.passend.events.codes.ConsentOutcome;

/**
 * The one place a request's outcome changes: derived again from the ledger after an answer or a
 * change of required guardians, or expired. Every decision (any outcome but OPEN) is published on
 * passend.consent in the same transaction.
 */
@ApplicationScoped
public class OutcomeChanges {

    @Inject
    Clock clock;

    @Inject
    ConsentEvents events;

    /** Derives the outcome again from the required guardians and the ledger; a change to anything but OPEN is published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rederive(ConsentRequest request, List<ConsentEntry> ledger) {
        ConsentOutcome next = ConsentOutcomes.derive(request.requiredGuardianIds(), lines(ledger),
                request.outcome == ConsentOutcome.EXPIRED);
        if (next != request.outcome) {
            request.outcome = next;
            request.outcomeAt = Instant.now(clock);
            if (next != ConsentOutcome.OPEN) {
                events.decided(request);
            }
        }
    }

    /** The request expired without a decision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(ConsentRequest request) {
        request.outcome = ConsentOutcome.EXPIRED;
        request.outcomeAt = Instant.now(clock);
        events.decided(request);
    }

    /** The ledger as the rules see it. */
    static List<ConsentOutcomes.Entry> lines(List<ConsentEntry> ledger) {
        return ledger.stream().map(e -> new ConsentOutcomes.Entry(e.guardianId, e.kind)).toList();
    }
}
