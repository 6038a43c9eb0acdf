package nl.passend.platform.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.MalformedEventException;
import nl.passend.events.Topics;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.ProfessionalLinkChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.PupilMovedGroup;
import nl.passend.events.pupil.PupilUpdated;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.platform.PlatformConfig;
import nl.passend.platform.inbox.EventHandler;

/**
 * Keeps the {@link PupilDirectory} from passend.pupil, in the consumer's transaction, and tells the
 * service what changed through {@link DirectoryChange} CDI events. Off unless the service sets
 * {@code passend.directory.enabled=true} (pupil-service, the topic's writer, does not).
 */
@ApplicationScoped
public class PupilDirectoryHandler implements EventHandler {

    @Inject
    PlatformConfig config;

    @Inject
    EntityManager em;

    @Inject
    Event<DirectoryChange> changes;

    @Inject
    Clock clock;

    @Override
    public Set<String> topics() {
        return config.directory().enabled() ? Set.of(Topics.PUPIL) : Set.of();
    }

    @Override
    public void handle(EventEnvelope event) {
        EventType type = EventType.byType(event.type()).orElse(null);
        if (type == null) {
            return; // a newer event type the directory does not need
        }
        switch (type) {
            case SCHOOL_REGISTERED, SCHOOL_CHANGED -> school(EventJson.data(event, SchoolChanged.class), event);
            case PUPIL_ENROLLED -> enrolled(EventJson.data(event, PupilEnrolled.class), event);
            case PUPIL_UPDATED -> {
                PupilUpdated e = EventJson.data(event, PupilUpdated.class);
                pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
            }
            case PUPIL_MOVED_GROUP -> {
                PupilMovedGroup e = EventJson.data(event, PupilMovedGroup.class);
                pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
            }
            case PUPIL_LEFT -> left(EventJson.data(event, PupilLeft.class), event);
            case GUARDIAN_ADDED, GUARDIAN_CHANGED -> guardian(EventJson.data(event, GuardianChanged.class), event);
            case GUARDIAN_REMOVED -> guardianRemoved(EventJson.data(event, GuardianChanged.class), event);
            case PROFESSIONAL_LINKED -> linked(EventJson.data(event, ProfessionalLinkChanged.class), event);
            case PROFESSIONAL_UNLINKED -> {
                DirectoryProfessional link = em.find(DirectoryProfessional.class,
                        require(EventJson.data(event, ProfessionalLinkChanged.class).linkId(), event));
                if (link != null) {
                    em.remove(link);
                }
            }
            case PUPIL_ERASED -> erased(require(EventJson.data(event, PupilErased.class).pupilId(), event), event);
            default -> {
                // SWVs and boards: the school event carries what the directory needs of them
            }
        }
    }

    private void school(SchoolChanged e, EventEnvelope event) {
        DirectorySchool school = em.find(DirectorySchool.class, require(e.schoolCode(), event));
        boolean typed = school == null || school.schoolType != e.schoolType();
        boolean isNew = school == null;
        if (isNew) {
            school = new DirectorySchool();
            school.code = e.schoolCode();
        }
        school.schoolType = require(e.schoolType(), event);
        school.boardCode = e.boardCode();
        school.swvCode = e.swvCode();
        if (isNew) {
            em.persist(school); // after the fields: an assigned-id entity may be inserted at once
        }
        if (typed) {
            changes.fire(new DirectoryChange.SchoolTyped(school.code, school.schoolType, event.source()));
        }
    }

    private void enrolled(PupilEnrolled e, EventEnvelope event) {
        DirectoryPupil pupil = pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
        pupil.enrolledOn = e.effectiveDate();
        pupil.leftOn = null;
        pupil.leavingDestination = null;
        changes.fire(new DirectoryChange.Enrolled(pupil.id, pupil.schoolCode, e.effectiveDate(), event.source()));
    }

    private void left(PupilLeft e, EventEnvelope event) {
        DirectoryPupil pupil = pupilAt(require(e.pupilId(), event), require(e.schoolCode(), event));
        LocalDate on = e.effectiveDate() != null ? e.effectiveDate() : LocalDate.now(clock);
        pupil.leftOn = on;
        pupil.leavingDestination = e.destination();
        changes.fire(new DirectoryChange.Left(pupil.id, pupil.schoolCode, e.destination(), on, event.source()));
    }

    /** The pupil, created or moved to {@code schoolCode}. */
    private DirectoryPupil pupilAt(UUID pupilId, String schoolCode) {
        DirectoryPupil pupil = em.find(DirectoryPupil.class, pupilId);
        if (pupil == null) {
            pupil = new DirectoryPupil();
            pupil.id = pupilId;
            pupil.schoolCode = schoolCode;
            em.persist(pupil);
        } else if (!pupil.schoolCode.equals(schoolCode)) {
            pupil.schoolCode = schoolCode;
            pupil.leftOn = null;
            pupil.leavingDestination = null;
        }
        return pupil;
    }

    private void guardian(GuardianChanged e, EventEnvelope event) {
        UUID pupilId = require(e.pupilId(), event);
        if (e.schoolCode() != null && em.find(DirectoryPupil.class, pupilId) == null) {
            pupilAt(pupilId, e.schoolCode());
        }
        DirectoryGuardian guardian = em.find(DirectoryGuardian.class, require(e.guardianId(), event));
        boolean had = guardian != null && guardian.hasParentalAuthority;
        boolean isNew = guardian == null;
        if (isNew) {
            guardian = new DirectoryGuardian();
            guardian.id = e.guardianId();
            guardian.pupilId = pupilId;
        }
        guardian.accountId = e.accountId();
        guardian.hasParentalAuthority = e.hasParentalAuthority();
        if (isNew) {
            em.persist(guardian);
        }
        if (had != e.hasParentalAuthority()) {
            changes.fire(new DirectoryChange.GuardianAuthority(pupilId, guardian.id, e.hasParentalAuthority(),
                    event.source()));
        }
    }

    private void guardianRemoved(GuardianChanged e, EventEnvelope event) {
        DirectoryGuardian guardian = em.find(DirectoryGuardian.class, require(e.guardianId(), event));
        if (guardian != null) {
            em.remove(guardian);
        }
        changes.fire(new DirectoryChange.GuardianAuthority(require(e.pupilId(), event), e.guardianId(), false,
                event.source()));
    }

    private void linked(ProfessionalLinkChanged e, EventEnvelope event) {
        DirectoryProfessional link = em.find(DirectoryProfessional.class, require(e.linkId(), event));
        boolean isNew = link == null;
        if (isNew) {
            link = new DirectoryProfessional();
            link.linkId = e.linkId();
        }
        link.pupilId = require(e.pupilId(), event);
        link.accountId = require(e.accountId(), event);
        link.discipline = e.discipline();
        if (isNew) {
            em.persist(link);
        }
    }

    private void erased(UUID pupilId, EventEnvelope event) {
        em.createQuery("delete from DirectoryGuardian where pupilId = ?1").setParameter(1, pupilId).executeUpdate();
        em.createQuery("delete from DirectoryProfessional where pupilId = ?1").setParameter(1, pupilId).executeUpdate();
        em.createQuery("delete from DirectoryPupil where id = ?1").setParameter(1, pupilId).executeUpdate();
        changes.fire(new DirectoryChange.Erased(pupilId, event.source()));
    }

    /** A field the event's schema requires; without it the event can never be processed. */
    public static <T> T require(T value, EventEnvelope event) {
        if (value == null) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " lacks a required field");
        }
        return value;
    }
}
