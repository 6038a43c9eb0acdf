package nl.passend.pupil.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.passend.platform.http.AsOf;

/**
 * A pupil's enrolments as they stood at the end of a day. pupil-service keeps the enrolments with
 * their start and end dates (and the record's creation), not when each was entered: a day's state
 * is computed from those business dates. An enrolment counts from its start; its end, destination
 * and destination school only once the end date has come (staff lose access on the leaving day, and
 * so a pupil has left on the day of the end date).
 */
public final class PupilAsOf {

    private PupilAsOf() {
    }

    /** An enrolment as of the day: {@code left} when the pupil had left it by then (its end is shown only then). */
    public record EnrolmentAsOf(Enrolment enrolment, boolean left) {
    }

    /** Whether Passend knew the pupil by the end of the day: the record existed then. */
    public static boolean known(Instant createdAt, AsOf asOf) {
        return asOf.known(createdAt);
    }

    /** The enrolments that had started by the day, in order of start. */
    public static List<EnrolmentAsOf> enrolments(List<Enrolment> enrolments, AsOf asOf) {
        return enrolments.stream().filter(e -> asOf.reached(e.startDate))
                .sorted(Comparator.comparing((Enrolment e) -> e.startDate))
                .map(e -> new EnrolmentAsOf(e, e.endDate != null && asOf.reached(e.endDate))).toList();
    }

    /**
     * The enrolment the pupil was at on the day: one open then, or else the one left last; empty
     * when none had started yet.
     */
    public static Optional<EnrolmentAsOf> enrolmentOn(List<Enrolment> enrolments, AsOf asOf) {
        List<EnrolmentAsOf> started = enrolments(enrolments, asOf);
        return started.stream().filter(e -> !e.left()).reduce((a, b) -> b)
                .or(() -> started.stream().max(Comparator.comparing(e -> e.enrolment().endDate)));
    }

    /** ACTIVE while enrolled on the day, LEFT after the leaving date. */
    public static PupilStatus status(EnrolmentAsOf enrolment) {
        return enrolment.left() ? PupilStatus.LEFT : PupilStatus.ACTIVE;
    }
}
