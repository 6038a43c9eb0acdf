package nl.passend.consent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.platform.http.AsOf;

/**
 * A consent request as it stood at the end of a day, from the append-only ledger: the request if
 * it had been made by then, the answers and withdrawals recorded by then, the guardians whose answer
 * it needed then, and the outcome those give by {@link ConsentOutcomes}' own rule.
 *
 * <p>The request keeps its latest outcome and when it was reached: when that moment lies before the
 * day ended, nothing changed the outcome afterwards, so it is the outcome of the day exactly (an
 * expiry included, which only this way is known). Otherwise the outcome of the day is derived from
 * the ledger of then.
 */
public final class ConsentAsOf {

    private ConsentAsOf() {
    }

    /** The request as it stood: its outcome then and when it was reached, the guardians needed then, the ledger then. */
    public record RequestAsOf(ConsentRequest request, ConsentOutcome outcome, Instant outcomeAt,
            Set<UUID> requiredGuardians, List<ConsentEntry> entries) {
    }

    /** The request as it stood at the end of the day; empty when it had not been made by then. */
    public static Optional<RequestAsOf> of(ConsentRequest request, List<ConsentEntry> ledger, AsOf asOf) {
        if (!asOf.known(request.requestedAt)) {
            return Optional.empty();
        }
        Set<UUID> requiredThen = new LinkedHashSet<>(); // in the request's own order
        request.requiredGuardians.stream().filter(g -> asOf.known(g.addedAt)).forEach(g -> requiredThen.add(g.guardianId));
        List<ConsentEntry> entries = ledger.stream().filter(e -> asOf.known(e.recordedAt))
                .sorted(Comparator.comparing((ConsentEntry e) -> e.seq == null ? Long.MAX_VALUE : e.seq)
                        .thenComparing(e -> e.recordedAt)).toList();
        if (request.outcomeAt != null && asOf.known(request.outcomeAt)) {
            return Optional.of(new RequestAsOf(request, request.outcome, request.outcomeAt, requiredThen, entries));
        }
        // the outcome changed after the day (or never): replay the ledger of then, entry by entry
        ConsentOutcome outcome = ConsentOutcome.OPEN;
        Instant outcomeAt = null;
        List<ConsentOutcomes.Entry> lines = new ArrayList<>();
        for (ConsentEntry e : entries) {
            lines.add(new ConsentOutcomes.Entry(e.guardianId, e.kind));
            ConsentOutcome next = ConsentOutcomes.derive(requiredThen, lines, false);
            if (next != outcome) {
                outcome = next;
                outcomeAt = e.recordedAt;
            }
        }
        return Optional.of(new RequestAsOf(request, outcome, outcomeAt, requiredThen, entries));
    }
}
