package nl.passend.pupil.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.platform.http.AsOf;
import nl.passend.pupil.domain.PupilAsOf.EnrolmentAsOf;
import org.junit.jupiter.api.Test;

/** A pupil's enrolments as of a day, from their start and end dates. */
class PupilAsOfTest {

    private static Enrolment enrolment(String school, String start, String end) {
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.schoolCode = school;
        e.startDate = LocalDate.parse(start);
        if (end != null) {
            e.endDate = LocalDate.parse(end);
            e.destination = LeavingDestination.SBO;
        }
        return e;
    }

    private static AsOf asOf(String day) {
        return new AsOf(LocalDate.parse(day));
    }

    // at 12AB00 from 1 Sep 2022, moved to 34CD00 on 1 Mar 2025
    private final Enrolment first = enrolment("12AB00", "2022-09-01", "2025-03-01");
    private final Enrolment second = enrolment("34CD00", "2025-03-01", null);
    private final List<Enrolment> both = List.of(second, first);

    @Test
    void beforeTheFirstStartThereIsNone() {
        assertThat(PupilAsOf.enrolments(both, asOf("2022-08-31"))).isEmpty();
        assertThat(PupilAsOf.enrolmentOn(both, asOf("2022-08-31"))).isEmpty();
    }

    @Test
    void betweenStartAndMoveTheFirstIsOpen() {
        List<EnrolmentAsOf> asOf = PupilAsOf.enrolments(both, asOf("2025-02-28"));
        assertThat(asOf).extracting(EnrolmentAsOf::enrolment).containsExactly(first);
        assertThat(asOf.get(0).left()).isFalse();
        EnrolmentAsOf on = PupilAsOf.enrolmentOn(both, asOf("2025-02-28")).orElseThrow();
        assertThat(on.enrolment()).isSameAs(first);
        assertThat(PupilAsOf.status(on)).isEqualTo(PupilStatus.ACTIVE);
    }

    @Test
    void fromTheMoveTheNewSchoolAndTheOldOneEnded() {
        List<EnrolmentAsOf> asOf = PupilAsOf.enrolments(both, asOf("2025-03-01"));
        assertThat(asOf).extracting(EnrolmentAsOf::enrolment).containsExactly(first, second);
        assertThat(asOf).extracting(EnrolmentAsOf::left).containsExactly(true, false);
        assertThat(PupilAsOf.enrolmentOn(both, asOf("2025-03-01")).orElseThrow().enrolment()).isSameAs(second);
    }

    @Test
    void afterLeavingWithoutANewSchoolTheLastOneLeft() {
        Enrolment left = enrolment("12AB00", "2022-09-01", "2024-07-12");
        EnrolmentAsOf on = PupilAsOf.enrolmentOn(List.of(left), asOf("2024-07-11")).orElseThrow();
        assertThat(PupilAsOf.status(on)).isEqualTo(PupilStatus.ACTIVE);
        on = PupilAsOf.enrolmentOn(List.of(left), asOf("2024-07-12")).orElseThrow();
        assertThat(PupilAsOf.status(on)).isEqualTo(PupilStatus.LEFT);
    }

    @Test
    void aPupilIsKnownFromTheDayItsRecordWasCreated() {
        Instant created = Instant.parse("2024-09-02T07:00:00Z");
        assertThat(PupilAsOf.known(created, asOf("2024-09-01"))).isFalse();
        assertThat(PupilAsOf.known(created, asOf("2024-09-02"))).isTrue();
    }
}
