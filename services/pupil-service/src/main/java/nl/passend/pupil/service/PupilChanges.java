package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.domain.Departure;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilStatus;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.EnrolmentRepository;
import nl.passend.pupil.persistence.PupilRepository;

/**
 * Changes of one pupil by its school's student information system (or an admin), against the
 * version the caller last read: its record and group, and its leaving. Each is checked and audited.
 */
@ApplicationScoped
public class PupilChanges {

    @Inject
    PupilGuard guard;

    @Inject
    Caller caller;

    @Inject
    PupilRepository pupils;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    SchoolGroups groups;

    @Inject
    Departures departures;

    @Inject
    PupilEvents events;

    @Inject
    EntityManager em;

    /** Names, birth date, ECK iD as given; the group only while the pupil is still at the school. */
    @Transactional
    public PupilView update(UUID id, PupilDetails details, ExpectedVersion expected) {
        Pupil pupil = lockForWrite(id, "pupil.update");
        expected.require(pupil.version);
        SchoolGroup group = groups.place(pupil.schoolCode, details.group());
        boolean recordChanged = !Objects.equals(pupil.givenName, details.givenName())
                || !Objects.equals(pupil.familyName, details.familyName())
                || !Objects.equals(pupil.birthDate, details.birthDate())
                || !Objects.equals(pupil.eckId, details.eckId());
        UUID groupId = group == null ? null : group.id;
        boolean groupChanged = pupil.status == PupilStatus.ACTIVE && !Objects.equals(pupil.groupId, groupId);
        pupil.givenName = details.givenName();
        pupil.familyName = details.familyName();
        pupil.birthDate = details.birthDate();
        pupil.eckId = details.eckId();
        if (groupChanged) {
            pupil.groupId = groupId;
        }
        em.flush();
        if (recordChanged) {
            events.updated(pupil, group);
        }
        if (groupChanged) {
            events.movedGroup(pupil, group);
        }
        return new PupilView(pupil, groups.of(pupil));
    }

    /** The pupil leaves the caller's school: its open enrolment there ends. */
    @Transactional
    public PupilView leave(UUID id, Departure departure, ExpectedVersion expected) {
        Pupil pupil = lockForWrite(id, "pupil.leave");
        expected.require(pupil.version);
        Enrolment open = enrolments.ofPupil(id).stream()
                .filter(e -> e.isOpen() && (caller.hasRole(Roles.ADMIN) || caller.worksAt(e.schoolCode)))
                .findFirst()
                .orElseThrow(() -> Problems.conflict("not-enrolled", "the pupil has no open enrolment at your school"));
        departures.record(pupil, open, departure);
        return new PupilView(pupil, groups.of(pupil));
    }

    /**
     * The pupil, locked before anything of it is read (also the enrolments the access check and a
     * leave use): a concurrent writer's change is then seen, so a stale If-Match gets 412 instead of
     * a failed write, and no update is lost.
     */
    private Pupil lockForWrite(UUID id, String action) {
        pupils.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        Pupil pupil = guard.access(id, action, Roles.ADMIN, Roles.SIS_CLIENT).pupil();
        // After a move the old school's system may still read the pupil, but only the new school's
        // changes it (the old school's batches leave it UNCHANGED); a single write is refused.
        if (!caller.hasRole(Roles.ADMIN) && !caller.worksAt(pupil.schoolCode)) {
            throw Problems.conflict("pupil-moved",
                    "the pupil is now at another school; that school's system keeps the record");
        }
        return pupil;
    }
}
