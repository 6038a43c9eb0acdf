package nl.passend.consent.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;

/**
 * The consent rules, as plain Java. Each guardian's latest entry counts; consent is GRANTED only when
 * every required guardian has given it, REFUSED as soon as one refuses, WITHDRAWN when one withdraws a
 * consent given; an EXPIRED request stays expired.
 */
public final class ConsentOutcomes {

    /** A ledger line as the rules see it. */
    public record Entry(UUID guardianId, EntryKind kind) {
    }

    /** Why an answer or withdrawal is rejected. */
    public enum Violation {
        /** The guardian's answer is not needed (no parental authority, or not this pupil's guardian). */
        NOT_REQUIRED,
        /** The request expired without a decision; it takes no more answers. */
        EXPIRED,
        /** Only a consent that was given (the guardian's latest entry) can be withdrawn. */
        NOT_GIVEN
    }

    public static final class RuleViolation extends RuntimeException {
        private final Violation violation;

        public RuleViolation(Violation violation, String message) {
            super(message);
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }

    private ConsentOutcomes() {
    }

    /**
     * The outcome of a request from its required guardians and its ledger (in order of recording).
     * Entries of guardians who are not (or no longer) required do not count.
     */
    public static ConsentOutcome derive(Set<UUID> required, List<Entry> entries, boolean expired) {
        if (expired) {
            return ConsentOutcome.EXPIRED;
        }
        Map<UUID, EntryKind> latest = latest(entries);
        boolean refused = false;
        boolean withdrawn = false;
        boolean allGiven = !required.isEmpty();
        for (UUID guardian : required) {
            EntryKind kind = latest.get(guardian);
            refused |= kind == EntryKind.REFUSED;
            withdrawn |= kind == EntryKind.WITHDRAWN;
            allGiven &= kind == EntryKind.GIVEN;
        }
        if (refused) {
            return ConsentOutcome.REFUSED;
        }
        if (withdrawn) {
            return ConsentOutcome.WITHDRAWN;
        }
        return allGiven ? ConsentOutcome.GRANTED : ConsentOutcome.OPEN;
    }

    /** Checks that {@code guardian} may add {@code kind} to a request that is now {@code outcome}. */
    public static void check(ConsentOutcome outcome, Set<UUID> required, List<Entry> entries, UUID guardian,
            EntryKind kind) {
        if (!required.contains(guardian)) {
            throw new RuleViolation(Violation.NOT_REQUIRED,
                    "guardian " + guardian + " is not a guardian with parental authority whose answer this request needs");
        }
        if (outcome == ConsentOutcome.EXPIRED) {
            throw new RuleViolation(Violation.EXPIRED, "the request expired without a decision; ask again");
        }
        if (kind == EntryKind.WITHDRAWN && latest(entries).get(guardian) != EntryKind.GIVEN) {
            throw new RuleViolation(Violation.NOT_GIVEN,
                    "guardian " + guardian + " has not given consent on this request, so there is nothing to withdraw");
        }
    }

    /** Only a request still waiting for answers expires. */
    public static boolean expires(ConsentOutcome outcome) {
        return outcome == ConsentOutcome.OPEN;
    }

    private static Map<UUID, EntryKind> latest(List<Entry> entries) {
        Map<UUID, EntryKind> latest = new HashMap<>();
        entries.forEach(e -> latest.put(e.guardianId(), e.kind()));
        return latest;
    }
}
