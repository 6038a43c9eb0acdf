package nl.passend.pupil.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import nl.passend.events.EventType;
import nl.passend.events.pupil.BoardChanged;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.ProfessionalLinkChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.PupilMovedGroup;
import nl.passend.events.pupil.PupilUpdated;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.events.pupil.SwvChanged;
import nl.passend.platform.outbox.Outbox;
import nl.passend.pupil.domain.Board;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.ProfessionalLink;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.domain.Swv;

/**
 * The events of passend.pupil, written to the outbox in the caller's transaction. Ids and codes only.
 * A change takes effect today, on the service's clock; an enrolment and a leaving on their own dates.
 */
@ApplicationScoped
public class PupilEvents {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    public void swv(Swv swv, boolean registered) {
        outbox.publish(registered ? EventType.SWV_REGISTERED : EventType.SWV_CHANGED, swv.code, null,
                new SwvChanged(swv.code, today()));
    }

    public void board(Board board, boolean registered) {
        outbox.publish(registered ? EventType.BOARD_REGISTERED : EventType.BOARD_CHANGED, board.code, null,
                new BoardChanged(board.code, today()));
    }

    public void school(School school, boolean registered) {
        outbox.publish(registered ? EventType.SCHOOL_REGISTERED : EventType.SCHOOL_CHANGED, school.code, school.code,
                new SchoolChanged(school.code, school.schoolType, school.boardCode, school.swvCode, today()));
    }

    public void enrolled(Pupil pupil, Enrolment enrolment, SchoolGroup group) {
        outbox.publish(EventType.PUPIL_ENROLLED, key(pupil), enrolment.schoolCode, new PupilEnrolled(pupil.id,
                enrolment.id, enrolment.schoolCode, group == null ? null : group.year, enrolment.startDate));
    }

    public void updated(Pupil pupil, SchoolGroup group) {
        outbox.publish(EventType.PUPIL_UPDATED, key(pupil), pupil.schoolCode,
                new PupilUpdated(pupil.id, pupil.schoolCode, group == null ? null : group.year, today()));
    }

    public void movedGroup(Pupil pupil, SchoolGroup group) {
        outbox.publish(EventType.PUPIL_MOVED_GROUP, key(pupil), pupil.schoolCode, new PupilMovedGroup(pupil.id,
                pupil.schoolCode, group == null ? null : group.id, group == null ? null : group.year, today()));
    }

    public void left(Pupil pupil, Enrolment enrolment) {
        outbox.publish(EventType.PUPIL_LEFT, key(pupil), enrolment.schoolCode, new PupilLeft(pupil.id, enrolment.id,
                enrolment.schoolCode, enrolment.destination, enrolment.destinationSchoolCode, enrolment.endDate));
    }

    public void guardian(EventType type, Pupil pupil, Guardian guardian) {
        outbox.publish(type, key(pupil), pupil.schoolCode, new GuardianChanged(pupil.id, guardian.id,
                guardian.accountId, guardian.hasParentalAuthority, pupil.schoolCode, today()));
    }

    public void professional(EventType type, Pupil pupil, ProfessionalLink link) {
        outbox.publish(type, key(pupil), pupil.schoolCode, new ProfessionalLinkChanged(pupil.id, link.id,
                link.accountId, link.discipline, pupil.schoolCode, today()));
    }

    public void erased(Pupil pupil) {
        outbox.publish(EventType.PUPIL_ERASED, key(pupil), pupil.schoolCode,
                new PupilErased(pupil.id, pupil.schoolCode, today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String key(Pupil pupil) {
        return pupil.id.toString();
    }
}
