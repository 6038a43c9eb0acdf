package nl.passend.support.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.http.AsOf;
import org.junit.jupiter.api.Test;

/** The support file as it stood at the end of a day: known by then (recorded before it ended) and in force by then. */
class SupportAsOfTest {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private static Instant at(String day, int hour) {
        return LocalDate.parse(day).atTime(hour, 0).atZone(NL).toInstant();
    }

    private static AsOf asOf(String day) {
        return new AsOf(LocalDate.parse(day));
    }

    private static LevelEntry entry(SupportLevel level, String effective, Instant recorded, LevelEntry corrects) {
        LevelEntry e = new LevelEntry();
        e.id = UUID.randomUUID();
        e.level = level;
        e.effectiveDate = LocalDate.parse(effective);
        e.recordedAt = recorded;
        e.correctsEntryId = corrects == null ? null : corrects.id;
        return e;
    }

    // LEVEL_2 from 1 Sep; LEVEL_3 effective 1 Nov but recorded on 5 Nov; LEVEL_4 on 1 Dec, corrected to LEVEL_3 on 10 Dec
    private final LevelEntry two = entry(SupportLevel.LEVEL_2, "2025-09-01", at("2025-09-01", 10), null);
    private final LevelEntry three = entry(SupportLevel.LEVEL_3, "2025-11-01", at("2025-11-05", 14), null);
    private final LevelEntry four = entry(SupportLevel.LEVEL_4, "2025-12-01", at("2025-12-01", 9), null);
    private final LevelEntry corrected = entry(SupportLevel.LEVEL_3, "2025-12-01", at("2025-12-10", 16), four);
    private final List<LevelEntry> recorded = List.of(two, three, four, corrected);

    private SupportLevel levelAsOf(String day) {
        LevelEntry current = SupportAsOf.current(SupportAsOf.history(recorded, asOf(day)));
        return current == null ? null : current.level;
    }

    @Test
    void beforeTheFirstEntryThereIsNoLevel() {
        assertThat(SupportAsOf.history(recorded, asOf("2025-08-31"))).isEmpty();
        assertThat(levelAsOf("2025-08-31")).isNull();
    }

    @Test
    void betweenTwoChangesTheEarlierOneHolds() {
        assertThat(levelAsOf("2025-09-01")).isEqualTo(SupportLevel.LEVEL_2);
        assertThat(levelAsOf("2025-10-15")).isEqualTo(SupportLevel.LEVEL_2);
        assertThat(SupportAsOf.history(recorded, asOf("2025-10-15"))).containsExactly(two);
    }

    @Test
    void aChangeRecordedLaterIsNotKnownBeforeItWasRecorded() {
        // effective 1 Nov, but nobody knew before 5 Nov: the file of 3 Nov still says LEVEL_2
        assertThat(levelAsOf("2025-11-03")).isEqualTo(SupportLevel.LEVEL_2);
        assertThat(levelAsOf("2025-11-05")).isEqualTo(SupportLevel.LEVEL_3);
    }

    @Test
    void aCorrectionCountsFromTheDayItWasRecorded() {
        assertThat(levelAsOf("2025-12-01")).isEqualTo(SupportLevel.LEVEL_4);
        assertThat(levelAsOf("2025-12-09")).isEqualTo(SupportLevel.LEVEL_4);
        assertThat(SupportAsOf.history(recorded, asOf("2025-12-09"))).containsExactly(two, three, four);
        assertThat(levelAsOf("2025-12-10")).isEqualTo(SupportLevel.LEVEL_3);
        assertThat(SupportAsOf.current(SupportAsOf.history(recorded, asOf("2026-01-01")))).isSameAs(corrected);
    }

    @Test
    void anInterventionShowsFromItsStartOnceRecordedAndItsEvaluationFromItsDay() {
        Intervention i = new Intervention();
        i.startsOn = LocalDate.parse("2025-10-01");
        i.recordedAt = at("2025-10-03", 8);
        i.effect = InterventionEffect.NOT_ACHIEVED;
        i.evaluatedOn = LocalDate.parse("2025-12-15");
        assertThat(SupportAsOf.shows(i, asOf("2025-09-30"))).isFalse();
        assertThat(SupportAsOf.shows(i, asOf("2025-10-02"))).isFalse(); // started, not yet recorded
        assertThat(SupportAsOf.shows(i, asOf("2025-10-03"))).isTrue();
        assertThat(SupportAsOf.showsEvaluation(i, asOf("2025-12-14"))).isFalse();
        assertThat(SupportAsOf.showsEvaluation(i, asOf("2025-12-15"))).isTrue();

        InterventionSession s = new InterventionSession();
        s.heldOn = LocalDate.parse("2025-10-08");
        s.recordedAt = at("2025-10-09", 12);
        assertThat(SupportAsOf.shows(s, asOf("2025-10-08"))).isFalse();
        assertThat(SupportAsOf.shows(s, asOf("2025-10-09"))).isTrue();
    }

    @Test
    void anInterventionNeverEvaluatedShowsNoEvaluation() {
        Intervention i = new Intervention();
        i.startsOn = LocalDate.parse("2025-10-01");
        i.recordedAt = at("2025-10-01", 8);
        assertThat(SupportAsOf.showsEvaluation(i, asOf("2026-01-01"))).isFalse();
    }
}
