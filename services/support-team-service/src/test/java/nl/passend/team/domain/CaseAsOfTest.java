package nl.passend.team.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.platform.http.AsOf;
import nl.passend.team.domain.CaseAsOf.CaseState;
import org.junit.jupiter.api.Test;

/** A case as of a day: on the agenda and its meeting's day come; consents, outcome and items as recorded then. */
class CaseAsOfTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private static Instant at(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(NL).toInstant();
    }

    private static AsOf asOf(String day) {
        return new AsOf(LocalDate.parse(day));
    }

    private static CaseConsentDecision decision(ConsentPurpose purpose, ConsentOutcome outcome, String day,
            boolean applied) {
        CaseConsentDecision d = new CaseConsentDecision();
        d.purpose = purpose;
        d.outcome = outcome;
        d.decidedOn = LocalDate.parse(day);
        d.receivedAt = at(day);
        d.applied = applied;
        return d;
    }

    // a BOT on 10 March; the pupil put on its agenda by name on 1 March, consent granted 8 March,
    // withdrawn 20 March; discussed by name, recorded 11 March, with ASSESS (assessment consent granted 15 March)
    private final Meeting bot = new Meeting();
    private final TeamCase c = new TeamCase();
    private final List<CaseConsentDecision> decisions = List.of(
            decision(ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.GRANTED, "2026-03-08", true),
            decision(ConsentPurpose.ASSESSMENT, ConsentOutcome.GRANTED, "2026-03-15", true),
            decision(ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.REFUSED, "2026-03-16", false),
            decision(ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, ConsentOutcome.WITHDRAWN, "2026-03-20", true));

    CaseAsOfTest() {
        bot.date = LocalDate.parse("2026-03-10");
        bot.attendees = List.of(new Attendee("Karin Visser", AttendeeFunction.SWV_CONSULTANT, true));
        c.createdAt = at("2026-03-01");
        c.byName = true;
        c.consentRequestId = UUID.randomUUID();
        c.assessmentRequestId = UUID.randomUUID();
        c.discussedOn = bot.date;
        c.discussedNamed = true;
        c.outcomeAt = at("2026-03-11");
    }

    @Test
    void aCaseShowsFromItsMeetingsDayOnceOnTheAgenda() {
        assertThat(CaseAsOf.shows(c, bot, asOf("2026-02-28"))).isFalse();
        assertThat(CaseAsOf.shows(c, bot, asOf("2026-03-09"))).isFalse(); // on the agenda, meeting still to come
        assertThat(CaseAsOf.shows(c, bot, asOf("2026-03-10"))).isTrue();
        TeamCase late = new TeamCase();
        late.createdAt = at("2026-03-12"); // put on the agenda after the meeting's day
        assertThat(CaseAsOf.shows(late, bot, asOf("2026-03-11"))).isFalse();
    }

    @Test
    void theConsentIsOpenUntilADecisionThatChangedTheCaseWasReceived() {
        CaseState before = CaseAsOf.state(c, decisions, asOf("2026-03-07"));
        assertThat(before.consent()).isEqualTo(ConsentOutcome.OPEN);
        assertThat(before.consentOn()).isNull();
        assertThat(CaseAsOf.named(c, bot, before)).isFalse();

        CaseState granted = CaseAsOf.state(c, decisions, asOf("2026-03-10"));
        assertThat(granted.consent()).isEqualTo(ConsentOutcome.GRANTED);
        assertThat(granted.consentOn()).isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(granted.discussed()).isFalse();
        assertThat(granted.assessmentConsent()).isNull();
        assertThat(CaseAsOf.named(c, bot, granted)).isTrue();

        // a decision recorded only (not applied) changes nothing
        assertThat(CaseAsOf.state(c, decisions, asOf("2026-03-17")).consent()).isEqualTo(ConsentOutcome.GRANTED);
        CaseState withdrawn = CaseAsOf.state(c, decisions, asOf("2026-03-20"));
        assertThat(withdrawn.consent()).isEqualTo(ConsentOutcome.WITHDRAWN);
        assertThat(CaseAsOf.named(c, bot, withdrawn)).isFalse();
    }

    @Test
    void theOutcomeAndTheAssessmentConsentCountFromWhenTheyWereRecorded() {
        CaseState discussed = CaseAsOf.state(c, decisions, asOf("2026-03-11"));
        assertThat(discussed.discussed()).isTrue();
        assertThat(discussed.assessmentConsent()).isEqualTo(ConsentOutcome.OPEN);
        assertThat(CaseAsOf.state(c, decisions, asOf("2026-03-15")).assessmentConsent())
                .isEqualTo(ConsentOutcome.GRANTED);
    }

    @Test
    void anActionItemIsDoneFromItsDayAndOverdueByTheDaysMeasure() {
        ActionItem item = new ActionItem();
        item.dueOn = LocalDate.parse("2026-04-01");
        item.doneOn = LocalDate.parse("2026-04-10");
        assertThat(CaseAsOf.item(item, asOf("2026-04-01"))).isEqualTo(new CaseAsOf.ItemState(null, false));
        assertThat(CaseAsOf.item(item, asOf("2026-04-02"))).isEqualTo(new CaseAsOf.ItemState(null, true));
        assertThat(CaseAsOf.item(item, asOf("2026-04-10")))
                .isEqualTo(new CaseAsOf.ItemState(LocalDate.parse("2026-04-10"), false));
    }
}
