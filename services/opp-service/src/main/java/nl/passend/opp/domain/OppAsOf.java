package nl.passend.opp.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.OppRules.ConsentEffect;
import nl.passend.platform.http.AsOf;

/**
 * An OPP as it stood at the end of a day, replayed from what the plan keeps: each version's creation,
 * every consent request, every consent decision that was applied, the establishment, the
 * evaluations, and the closing. Known means recorded before the day ended; the closing keeps only
 * its date, and counts from it. The lifecycle is {@link OppRules}' own: replaying the recorded steps
 * in the order they were recorded gives each version's status, the version in force and the
 * plan's attention flag of that day.
 *
 * <p>A version's content is frozen once it leaves DRAFT; a draft's edits keep no history, so a
 * version that was a draft at the end of the day shows its content as it is now (its status says so).
 */
public final class OppAsOf {

    private OppAsOf() {
    }

    /** Everything the service holds about one plan, in any order. */
    public record Recorded(OppPlan plan, List<OppVersion> versions, List<OppConsentRequest> requests,
            List<OppConsentDecision> decisions, List<OppEvaluation> evaluations, List<OppView> views,
            List<OppDocument> documents) {
    }

    /** One version as it stood: its status then, the consent request that counted then and its outcome. */
    public record VersionAsOf(OppVersion version, OppStatus status, UUID consentRequestId,
            ConsentOutcome consentOutcome, LocalDate consentOutcomeOn, boolean established, boolean superseded,
            List<OppConsentDecision> decisions, List<OppEvaluation> evaluations, List<OppView> views) {
    }

    /** The plan as it stood; its status is that of its current version then. */
    public record PlanAsOf(OppPlan plan, OppStatus status, int currentVersion, Integer inForceVersion,
            LocalDate firstEstablishedOn, LocalDate lastEvaluatedOn, LocalDate closedOn, OppCloseReason closeReason,
            Attention attention, List<VersionAsOf> versions, List<OppDocument> documents) {

        public VersionAsOf current() {
            return version(currentVersion).orElseThrow();
        }

        public Optional<VersionAsOf> version(int number) {
            return versions.stream().filter(v -> v.version().number == number).findFirst();
        }
    }

    /** The plan as it stood at the end of the day; empty when it had not been drawn up by then. */
    public static Optional<PlanAsOf> of(Recorded recorded, AsOf asOf) {
        OppPlan plan = recorded.plan();
        if (!asOf.known(plan.createdAt)) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (OppVersion v : recorded.versions()) {
            steps.add(new Step(v.createdAt, 0, v.number, s -> s.created(v)));
            if (v.establishedAt != null) {
                steps.add(new Step(v.establishedAt, 3, v.number, s -> s.established(v.number)));
            }
        }
        for (OppConsentRequest r : recorded.requests()) {
            steps.add(new Step(r.requestedAt, 1, r.versionNumber, s -> s.asked(r)));
        }
        for (OppConsentDecision d : recorded.decisions()) {
            steps.add(new Step(d.receivedAt, 2, d.versionNumber, s -> s.decided(d)));
        }
        for (OppEvaluation e : recorded.evaluations()) {
            steps.add(new Step(e.recordedAt, 4, e.versionNumber, s -> s.evaluated(e)));
        }
        Replay replay = new Replay();
        steps.stream().filter(s -> asOf.known(s.at()))
                .sorted(Comparator.comparing(Step::at).thenComparing(Step::order).thenComparing(Step::version))
                .forEach(s -> s.apply().accept(replay));

        boolean closed = plan.closedOn != null && asOf.reached(plan.closedOn);
        List<VersionAsOf> versions = new ArrayList<>();
        for (OppVersion v : recorded.versions().stream().sorted(Comparator.comparingInt((OppVersion x) -> x.number))
                .toList()) {
            State state = replay.versions.get(v.number);
            if (state == null) {
                continue; // drawn up after the day
            }
            // the closing ends the version that was current then, which is the one CLOSED now
            OppStatus status = closed && v.status == OppStatus.CLOSED ? OppStatus.CLOSED : state.status;
            versions.add(new VersionAsOf(v, status, state.requestId, state.outcome, state.outcomeOn,
                    asOf.known(v.establishedAt), asOf.known(v.supersededAt),
                    recorded.decisions().stream().filter(d -> d.versionNumber == v.number && asOf.known(d.receivedAt))
                            .sorted(Comparator.comparing((OppConsentDecision d) -> d.receivedAt)).toList(),
                    recorded.evaluations().stream().filter(e -> e.versionNumber == v.number && asOf.known(e.recordedAt))
                            .sorted(Comparator.comparing((OppEvaluation e) -> e.evaluatedOn)
                                    .thenComparing(e -> e.recordedAt)).toList(),
                    recorded.views().stream().filter(w -> w.versionNumber == v.number && asOf.known(w.recordedAt))
                            .sorted(Comparator.comparing((OppView w) -> w.recordedAt)).toList()));
        }
        int current = replay.current;
        if (current == 0) {
            return Optional.empty(); // the plan's first version was recorded a moment after the day ended
        }
        OppStatus status = versions.stream().filter(v -> v.version().number == current).findFirst().orElseThrow()
                .status();
        LocalDate lastEvaluatedOn = recorded.evaluations().stream().filter(e -> asOf.known(e.recordedAt))
                .map(e -> e.evaluatedOn).max(Comparator.naturalOrder()).orElse(null);
        return Optional.of(new PlanAsOf(plan, status, current, replay.inForce,
                replay.inForce == null ? null : plan.firstEstablishedOn, lastEvaluatedOn,
                closed ? plan.closedOn : null, closed ? plan.closeReason : null, replay.attention, List.copyOf(versions),
                recorded.documents().stream().filter(d -> asOf.known(d.addedAt))
                        .sorted(Comparator.comparing((OppDocument d) -> d.addedAt)).toList()));
    }

    /** One recorded step: when, its order among steps of the same instant, and what it does. */
    private record Step(Instant at, int order, int version, java.util.function.Consumer<Replay> apply) {
    }

    /** A version's standing during the replay. */
    private static final class State {
        OppStatus status = OppStatus.DRAFT;
        UUID requestId;
        ConsentOutcome outcome;
        LocalDate outcomeOn;
    }

    /** The plan's standing during the replay, step by step as the service changed it. */
    private static final class Replay {
        final Map<Integer, State> versions = new TreeMap<>();
        int current;
        Integer inForce;
        Attention attention;

        void created(OppVersion v) {
            versions.put(v.number, new State());
            current = Math.max(current, v.number);
        }

        /** Asking consent puts the version IN_DIALOGUE; the new request counts, without an outcome yet. */
        void asked(OppConsentRequest r) {
            State s = versions.get(r.versionNumber);
            if (s == null) {
                return;
            }
            s.status = OppStatus.IN_DIALOGUE;
            s.requestId = r.requestId;
            s.outcome = null;
            s.outcomeOn = null;
        }

        /** A decision that changed the version (applied) changes it again, by the lifecycle's rule. */
        void decided(OppConsentDecision d) {
            State s = versions.get(d.versionNumber);
            if (s == null || !d.applied) {
                return;
            }
            ConsentEffect effect = OppRules.onDecision(s.status, d.outcome);
            s.status = effect.status();
            s.outcome = d.outcome;
            s.outcomeOn = d.decidedOn;
            if (effect.flagWithdrawn()) {
                attention = Attention.CONSENT_WITHDRAWN;
            } else if (effect.clearFlag()) {
                attention = null;
            }
        }

        void established(int number) {
            State s = versions.get(number);
            if (s == null) {
                return;
            }
            s.status = OppStatus.ESTABLISHED;
            inForce = number;
            attention = null;
        }

        void evaluated(OppEvaluation e) {
            State s = versions.get(e.versionNumber);
            if (s != null) {
                s.status = OppStatus.EVALUATED;
            }
        }
    }
}
