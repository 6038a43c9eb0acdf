package nl.passend.opp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.OppAsOf.PlanAsOf;
import nl.passend.opp.domain.OppAsOf.Recorded;
import nl.passend.opp.domain.OppAsOf.VersionAsOf;
import nl.passend.platform.http.AsOf;
import org.junit.jupiter.api.Test;

/**
 * An OPP replayed to the end of a day from what the plan keeps. The story: version 1 drawn up on
 * 1 Sep, consent asked 10 Sep, refused 15 Sep, asked again 20 Sep (a late grant of the first
 * request on 22 Sep changes nothing), granted 25 Sep, established 1 Oct, evaluated 1 Feb
 * (recorded 3 Feb); version 2 drawn up 10 Mar (version 1 superseded then), consent asked 12 Mar,
 * granted 20 Mar, established 25 Mar, consent withdrawn 1 Apr; the plan closed 1 Jun.
 */
class OppAsOfTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(NL).toInstant();
    }

    private static AsOf asOf(String day) {
        return new AsOf(LocalDate.parse(day));
    }

    private final OppPlan plan = new OppPlan();
    private final OppVersion v1 = new OppVersion();
    private final OppVersion v2 = new OppVersion();
    private final List<OppConsentRequest> requests = new ArrayList<>();
    private final List<OppConsentDecision> decisions = new ArrayList<>();
    private final List<OppEvaluation> evaluations = new ArrayList<>();
    private final List<OppView> views = new ArrayList<>();
    private final List<OppDocument> documents = new ArrayList<>();

    OppAsOfTest() {
        plan.id = UUID.randomUUID();
        plan.createdAt = at("2025-09-01");
        plan.firstEstablishedOn = LocalDate.parse("2025-10-01");
        // as the plan stands now: version 2 current, closed
        plan.currentVersion = 2;
        plan.status = OppStatus.CLOSED;
        plan.inForceVersion = 2;
        plan.closedOn = LocalDate.parse("2026-06-01");
        plan.closeReason = OppCloseReason.NO_LONGER_NEEDED;
        plan.attention = Attention.CONSENT_WITHDRAWN;

        v1.number = 1;
        v1.createdAt = at("2025-09-01");
        v1.status = OppStatus.EVALUATED;
        v1.establishedAt = at("2025-10-01");
        v1.supersededAt = at("2026-03-10");
        v1.consentOutcome = ConsentOutcome.GRANTED;
        v2.number = 2;
        v2.createdAt = at("2026-03-10");
        v2.status = OppStatus.CLOSED;
        v2.establishedAt = at("2026-03-25");
        v2.consentOutcome = ConsentOutcome.WITHDRAWN;

        UUID first = request(1, "2025-09-10");
        decision(1, first, ConsentOutcome.REFUSED, "2025-09-15", true);
        UUID second = request(1, "2025-09-20");
        decision(1, first, ConsentOutcome.GRANTED, "2025-09-22", false); // about the old request: recorded only
        decision(1, second, ConsentOutcome.GRANTED, "2025-09-25", true);
        OppEvaluation evaluation = new OppEvaluation();
        evaluation.versionNumber = 1;
        evaluation.evaluatedOn = LocalDate.parse("2026-02-01");
        evaluation.recordedAt = at("2026-02-03");
        evaluations.add(evaluation);
        UUID third = request(2, "2026-03-12");
        decision(2, third, ConsentOutcome.GRANTED, "2026-03-20", true);
        decision(2, third, ConsentOutcome.WITHDRAWN, "2026-04-01", true);
        OppView view = new OppView();
        view.versionNumber = 1;
        view.recordedAt = at("2025-09-05");
        views.add(view);
        OppDocument document = new OppDocument();
        document.addedAt = at("2026-01-10");
        documents.add(document);
    }

    private UUID request(int version, String day) {
        OppConsentRequest r = new OppConsentRequest();
        r.requestId = UUID.randomUUID();
        r.versionNumber = version;
        r.requestedAt = at(day);
        requests.add(r);
        return r.requestId;
    }

    private void decision(int version, UUID request, ConsentOutcome outcome, String day, boolean applied) {
        OppConsentDecision d = new OppConsentDecision();
        d.versionNumber = version;
        d.requestId = request;
        d.outcome = outcome;
        d.decidedOn = LocalDate.parse(day);
        d.receivedAt = at(day);
        d.applied = applied;
        decisions.add(d);
    }

    private PlanAsOf planAsOf(String day) {
        return OppAsOf.of(new Recorded(plan, List.of(v2, v1), requests, decisions, evaluations, views, documents),
                asOf(day)).orElseThrow();
    }

    @Test
    void beforeThePlanWasDrawnUpThereIsNone() {
        assertThat(OppAsOf.of(new Recorded(plan, List.of(v1, v2), requests, decisions, evaluations, views, documents),
                asOf("2025-08-31"))).isEmpty();
    }

    @Test
    void aDraftBeforeConsentWasAsked() {
        PlanAsOf p = planAsOf("2025-09-09");
        assertThat(p.status()).isEqualTo(OppStatus.DRAFT);
        assertThat(p.currentVersion()).isEqualTo(1);
        assertThat(p.versions()).hasSize(1);
        assertThat(p.inForceVersion()).isNull();
        assertThat(p.firstEstablishedOn()).isNull();
        assertThat(p.current().consentRequestId()).isNull();
        assertThat(p.current().views()).hasSize(1);
        assertThat(p.documents()).isEmpty();
    }

    @Test
    void aRefusalKeepsItInDialogueAndAskingAgainStartsAfresh() {
        VersionAsOf refused = planAsOf("2025-09-16").current();
        assertThat(refused.status()).isEqualTo(OppStatus.IN_DIALOGUE);
        assertThat(refused.consentOutcome()).isEqualTo(ConsentOutcome.REFUSED);
        assertThat(refused.consentOutcomeOn()).isEqualTo(LocalDate.parse("2025-09-15"));

        VersionAsOf askedAgain = planAsOf("2025-09-23").current();
        assertThat(askedAgain.status()).isEqualTo(OppStatus.IN_DIALOGUE);
        assertThat(askedAgain.consentRequestId()).isEqualTo(requests.get(1).requestId);
        assertThat(askedAgain.consentOutcome()).isNull(); // the late answer to the old request changed nothing
        assertThat(askedAgain.decisions()).hasSize(2);

        VersionAsOf consented = planAsOf("2025-09-25").current();
        assertThat(consented.status()).isEqualTo(OppStatus.CONSENTED);
        assertThat(consented.consentOutcome()).isEqualTo(ConsentOutcome.GRANTED);
        assertThat(consented.established()).isFalse();
    }

    @Test
    void establishedThenEvaluatedFromTheDayTheEvaluationWasRecorded() {
        PlanAsOf established = planAsOf("2026-02-02");
        assertThat(established.status()).isEqualTo(OppStatus.ESTABLISHED);
        assertThat(established.inForceVersion()).isEqualTo(1);
        assertThat(established.firstEstablishedOn()).isEqualTo(LocalDate.parse("2025-10-01"));
        assertThat(established.lastEvaluatedOn()).isNull();
        assertThat(established.current().established()).isTrue();
        assertThat(established.documents()).hasSize(1);

        PlanAsOf evaluated = planAsOf("2026-02-03");
        assertThat(evaluated.status()).isEqualTo(OppStatus.EVALUATED);
        assertThat(evaluated.lastEvaluatedOn()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(evaluated.current().evaluations()).hasSize(1);
    }

    @Test
    void aReplacedVersionKeepsItsStandingAndTheNewOneIsCurrent() {
        PlanAsOf revised = planAsOf("2026-03-15");
        assertThat(revised.currentVersion()).isEqualTo(2);
        assertThat(revised.status()).isEqualTo(OppStatus.IN_DIALOGUE);
        assertThat(revised.inForceVersion()).isEqualTo(1); // still the one in force
        VersionAsOf old = revised.version(1).orElseThrow();
        assertThat(old.status()).isEqualTo(OppStatus.EVALUATED);
        assertThat(old.superseded()).isTrue();
        assertThat(revised.version(2).orElseThrow().superseded()).isFalse();

        // and as of a day before the revision, version 1 was not yet superseded
        assertThat(planAsOf("2026-03-09").version(1).orElseThrow().superseded()).isFalse();
        assertThat(planAsOf("2026-03-09").version(2)).isEmpty();
    }

    @Test
    void aWithdrawalAfterEstablishmentFlagsThePlan() {
        PlanAsOf established = planAsOf("2026-03-31");
        assertThat(established.status()).isEqualTo(OppStatus.ESTABLISHED);
        assertThat(established.inForceVersion()).isEqualTo(2);
        assertThat(established.attention()).isNull();

        PlanAsOf withdrawn = planAsOf("2026-04-01");
        assertThat(withdrawn.status()).isEqualTo(OppStatus.ESTABLISHED);
        assertThat(withdrawn.attention()).isEqualTo(Attention.CONSENT_WITHDRAWN);
        assertThat(withdrawn.current().consentOutcome()).isEqualTo(ConsentOutcome.WITHDRAWN);
    }

    @Test
    void theClosingCountsFromItsDate() {
        PlanAsOf open = planAsOf("2026-05-31");
        assertThat(open.closedOn()).isNull();
        assertThat(open.closeReason()).isNull();
        assertThat(open.status()).isEqualTo(OppStatus.ESTABLISHED);

        PlanAsOf closed = planAsOf("2026-06-01");
        assertThat(closed.status()).isEqualTo(OppStatus.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(closed.closeReason()).isEqualTo(OppCloseReason.NO_LONGER_NEEDED);
        assertThat(closed.version(1).orElseThrow().status()).isEqualTo(OppStatus.EVALUATED);
    }
}
