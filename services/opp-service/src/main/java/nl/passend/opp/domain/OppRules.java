package nl.passend.opp.domain;

import static nl.passend.platform.problem.RuleViolation.Kind.CONTENT;
import static nl.passend.platform.problem.RuleViolation.Kind.STATE;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.codes.SchoolType;
import nl.passend.opp.domain.PlanContent.Goal;
import nl.passend.platform.problem.RuleViolation;

/** The OPP's lifecycle and content rules as plain functions. */
public final class OppRules {

    /** Outcomes after which the dialogue goes on and consent may be asked again for the same version. */
    static final Set<ConsentOutcome> DIALOGUE_GOES_ON = EnumSet.of(ConsentOutcome.REFUSED, ConsentOutcome.EXPIRED,
            ConsentOutcome.WITHDRAWN);

    private OppRules() {
    }

    /** Only a draft's content may change; anything later needs a new version. */
    public static void checkEdit(OppStatus status) {
        if (status != OppStatus.DRAFT) {
            throw new RuleViolation(STATE, "not-a-draft", "this version is " + status
                    + " and can no longer be edited: create a new version, which needs consent again");
        }
    }

    /** A new version follows a version that has left DRAFT; a draft is edited instead, a closed plan stays closed. */
    public static void checkNewVersion(OppStatus current) {
        if (current == OppStatus.DRAFT) {
            throw new RuleViolation(STATE, "draft-open", "the current version is still a draft: edit it instead");
        }
        if (current == OppStatus.CLOSED) {
            throw new RuleViolation(STATE, "plan-closed", "the plan is closed");
        }
    }

    /** Consent is asked for a draft, or again for a version in dialogue after a refusal, expiry or withdrawal. */
    public static void checkConsentRequest(OppStatus status, ConsentOutcome lastOutcome) {
        boolean again = status == OppStatus.IN_DIALOGUE && lastOutcome != null && DIALOGUE_GOES_ON.contains(lastOutcome);
        if (status != OppStatus.DRAFT && !again) {
            throw new RuleViolation(STATE, "consent-not-askable", "consent for this version cannot be asked now: it is "
                    + status + (lastOutcome == null ? "" : " (last decision " + lastOutcome + ")"));
        }
    }

    /** The director establishes a version only after the parents consented to it. */
    public static void checkEstablish(OppStatus status) {
        if (status != OppStatus.CONSENTED) {
            throw new RuleViolation(STATE, "not-consented",
                    "only a version the parents consented to can be established; this one is " + status);
        }
    }

    /** Only an established version is evaluated. */
    public static void checkEvaluate(OppStatus status) {
        if (status != OppStatus.ESTABLISHED && status != OppStatus.EVALUATED) {
            throw new RuleViolation(STATE, "not-established",
                    "only an established version can be evaluated; this one is " + status);
        }
    }

    public static void checkClose(OppStatus status) {
        if (status == OppStatus.CLOSED) {
            throw new RuleViolation(STATE, "plan-closed", "the plan is closed already");
        }
    }

    /** What a consent decision about the current version does to it. */
    public record ConsentEffect(OppStatus status, boolean flagWithdrawn, boolean clearFlag) {
    }

    /**
     * GRANTED in dialogue makes the version CONSENTED; REFUSED, EXPIRED or WITHDRAWN before
     * establishment keep (or put) it in dialogue with the decision visible; after establishment a
     * withdrawal (or a guardian turning to refusal) flags the plan for the IB'er, and a new grant
     * clears that flag. A draft or closed version is not changed by any decision.
     */
    public static ConsentEffect onDecision(OppStatus status, ConsentOutcome outcome) {
        return switch (status) {
            case IN_DIALOGUE, CONSENTED -> new ConsentEffect(
                    outcome == ConsentOutcome.GRANTED ? OppStatus.CONSENTED : OppStatus.IN_DIALOGUE, false, false);
            case ESTABLISHED, EVALUATED -> outcome == ConsentOutcome.GRANTED
                    ? new ConsentEffect(status, false, true)
                    : new ConsentEffect(status, outcome != ConsentOutcome.EXPIRED && outcome != ConsentOutcome.OPEN,
                            false);
            case DRAFT, CLOSED -> new ConsentEffect(status, false, false);
        };
    }

    /**
     * Goal rules beyond presence: a language or maths goal names its reference level (1F, 2F, 1S);
     * other domains have none. Returns one message per goal breaking it.
     */
    public static List<String> goalProblems(List<Goal> goals) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            Goal goal = goals.get(i);
            if (goal.domain() == null) {
                continue;
            }
            if (goal.domain().hasReferenceLevels() && goal.referenceLevel() == null) {
                problems.add("goals[" + i + "].referenceLevel: a " + goal.domain()
                        + " goal names its reference level (1F, 2F or 1S)");
            } else if (!goal.domain().hasReferenceLevels() && goal.referenceLevel() != null) {
                problems.add("goals[" + i + "].referenceLevel: " + goal.domain() + " has no reference levels");
            }
        }
        return problems;
    }

    /**
     * In SO and SBO a change of the expected destination goes through the commissie van begeleiding
     * (the SO/SBO basic-support agreement): a version that changes it must record that decision.
     */
    public static void checkDestinationChange(SchoolType schoolType, ExpectedDestination previous,
            ExpectedDestination next, DestinationDecision decision) {
        boolean special = schoolType == SchoolType.SBO || schoolType == SchoolType.SO;
        if (special && previous != null && previous != next
                && (decision == null || decision.date() == null || decision.reference() == null
                        || decision.reference().isBlank())) {
            throw new RuleViolation(CONTENT, "destination-decision-required", "changing the expected destination from "
                    + previous + " to " + next + " in " + schoolType
                    + " needs the decision of the commissie van begeleiding: destinationDecision with date and reference");
        }
    }

    /** An OPP is due {@code within} (6 weeks) after the start of extra support or of an SBO/SO enrolment. */
    public static LocalDate establishmentDue(LocalDate start, Period within) {
        return start.plus(within);
    }

    /** The next evaluation is due a year (or half a year at twice a year) after the last one or the establishment. */
    public static LocalDate evaluationDue(LocalDate since, int evaluationsPerYear) {
        return since.plusMonths(12 / Math.max(1, Math.min(12, evaluationsPerYear)));
    }
}
