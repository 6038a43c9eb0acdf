package nl.passend.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.passend.consent.domain.ConsentAsOf.RequestAsOf;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.platform.http.AsOf;
import org.junit.jupiter.api.Test;

/** A consent request as it stood at the end of a day, from the ledger as recorded by then. */
class ConsentAsOfTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(NL).toInstant();
    }

    private static AsOf asOf(String day) {
        return new AsOf(LocalDate.parse(day));
    }

    private final UUID mother = UUID.randomUUID();
    private final UUID father = UUID.randomUUID();
    private final ConsentRequest request = new ConsentRequest();
    private final List<ConsentEntry> ledger = new ArrayList<>();
    private long seq;

    // asked 1 Mar (of both parents, unless a test says otherwise); the mother gives 3 Mar, the father
    // 5 Mar (GRANTED), the father withdraws 9 Mar (WITHDRAWN, the outcome now, reached then)
    ConsentAsOfTest() {
        request.requestedAt = at("2026-03-01");
        entry(mother, EntryKind.GIVEN, "2026-03-03");
        entry(father, EntryKind.GIVEN, "2026-03-05");
        entry(father, EntryKind.WITHDRAWN, "2026-03-09");
        request.outcome = ConsentOutcome.WITHDRAWN;
        request.outcomeAt = at("2026-03-09");
    }

    private void entry(UUID guardian, EntryKind kind, String day) {
        ConsentEntry e = new ConsentEntry();
        e.seq = ++seq;
        e.guardianId = guardian;
        e.kind = kind;
        e.recordedAt = at(day);
        ledger.add(e);
    }

    /** Both parents' answers are needed from the request on. */
    private void requireBoth() {
        request.require(mother, at("2026-03-01"));
        request.require(father, at("2026-03-01"));
    }

    /** The request as it stood at the end of the day. */
    private RequestAsOf stood(String day) {
        return ConsentAsOf.of(request, ledger, asOf(day)).orElseThrow();
    }

    @Test
    void beforeTheRequestThereIsNone() {
        requireBoth();
        assertThat(ConsentAsOf.of(request, ledger, asOf("2026-02-28"))).isEmpty();
    }

    @Test
    void openUntilEveryRequiredGuardianGaveConsent() {
        requireBoth();
        RequestAsOf asked = stood("2026-03-01");
        assertThat(asked.outcome()).isEqualTo(ConsentOutcome.OPEN);
        assertThat(asked.outcomeAt()).isNull();
        assertThat(asked.entries()).isEmpty();
        assertThat(asked.requiredGuardians()).containsExactly(mother, father);
        assertThat(stood("2026-03-04").outcome()).isEqualTo(ConsentOutcome.OPEN);

        RequestAsOf granted = stood("2026-03-05");
        assertThat(granted.outcome()).isEqualTo(ConsentOutcome.GRANTED);
        assertThat(granted.outcomeAt()).isEqualTo(at("2026-03-05"));
        assertThat(granted.entries()).hasSize(2);
    }

    @Test
    void theOutcomeReachedByThenAndNotChangedSinceIsTheRequestsOwn() {
        requireBoth();
        RequestAsOf withdrawn = stood("2026-03-09");
        assertThat(withdrawn.outcome()).isEqualTo(ConsentOutcome.WITHDRAWN);
        assertThat(withdrawn.outcomeAt()).isEqualTo(at("2026-03-09"));
        assertThat(withdrawn.entries()).hasSize(3);
    }

    @Test
    void aGuardianAddedLaterWasNotNeededBefore() {
        // the father's parental authority became known on 4 Mar: until then the mother's consent sufficed
        request.require(mother, at("2026-03-01"));
        request.require(father, at("2026-03-04"));
        RequestAsOf motherOnly = stood("2026-03-03");
        assertThat(motherOnly.requiredGuardians()).containsExactly(mother);
        assertThat(motherOnly.outcome()).isEqualTo(ConsentOutcome.GRANTED);
        RequestAsOf both = stood("2026-03-04");
        assertThat(both.requiredGuardians()).containsExactly(mother, father);
        assertThat(both.outcome()).isEqualTo(ConsentOutcome.OPEN);
    }

    @Test
    void anExpiryCountsFromWhenItHappened() {
        ConsentRequest expired = new ConsentRequest();
        expired.requestedAt = at("2026-01-01");
        expired.require(mother, at("2026-01-01"));
        expired.outcome = ConsentOutcome.EXPIRED;
        expired.outcomeAt = at("2026-01-31");
        assertThat(ConsentAsOf.of(expired, List.of(), asOf("2026-01-30")).orElseThrow().outcome())
                .isEqualTo(ConsentOutcome.OPEN);
        assertThat(ConsentAsOf.of(expired, List.of(), asOf("2026-01-31")).orElseThrow().outcome())
                .isEqualTo(ConsentOutcome.EXPIRED);
    }
}
