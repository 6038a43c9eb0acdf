package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.domain.Departure;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilStatus;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.EnrolmentRepository;
import nl.passend.pupil.persistence.GuardianRepository;
import nl.passend.pupil.persistence.PupilRepository;
import nl.passend.pupil.service.SyncResult.Item;
import nl.passend.pupil.service.SyncResult.Outcome;

/**
 * The student information system's batch upsert: up to 1,000 pupils of one school, keyed by the
 * system's own externalId, in one transaction (all or nothing). Only real changes are written and
 * published, so sending the same batch twice changes nothing the second time.
 */
@ApplicationScoped
public class PupilSync {

    @Inject
    Clock clock;

    @Inject
    PupilGuard guard;

    @Inject
    PupilRepository pupils;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    GuardianRepository guardians;

    @Inject
    SchoolGroups groups;

    @Inject
    GuardianSync guardianSync;

    @Inject
    Departures departures;

    @Inject
    PupilEvents events;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** What the batch finds already at the school, its pupils locked. */
    private record Known(Map<UUID, Pupil> pupilById, Map<String, Enrolment> enrolmentByExternalId,
            Map<UUID, List<Guardian>> guardiansByPupil, Map<String, SchoolGroup> groupByName) {
    }

    /** Upserts the pupils of a school the caller works at (admin: any school); 404 for another school. */
    @Transactional
    public SyncResult upsert(String schoolCode, List<SyncedPupil> items) {
        School school = guard.school(schoolCode);
        rejectDuplicates(items);
        String role = caller.hasRole(Roles.ADMIN) ? Roles.ADMIN : Roles.SIS_CLIENT;
        Known known = lockKnown(schoolCode, items);
        List<Item> results = new ArrayList<>(items.size());
        for (SyncedPupil item : items) {
            Item result = apply(school, item, known);
            if (result.outcome() != Outcome.UNCHANGED) {
                audit.record(result.pupilId(), role,
                        result.outcome() == Outcome.CREATED ? "pupil.create" : "pupil.update",
                        "student information system sync");
            }
            results.add(result);
        }
        em.flush();
        return SyncResult.of(results);
    }

    private static void rejectDuplicates(List<SyncedPupil> items) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).externalId())) {
                throw Problems.unprocessable("duplicate-external-id",
                        "pupils[" + i + "].externalId " + items.get(i).externalId() + " occurs twice in the batch");
            }
        }
    }

    /**
     * Locks every pupil this batch may write (by externalId here, or by ECK iD when moving in) before
     * reading any of them, in id order: concurrent batches, also another school's, then wait for each
     * other instead of deadlocking or failing on a stale version.
     */
    private Known lockKnown(String schoolCode, List<SyncedPupil> items) {
        List<String> externalIds = items.stream().map(SyncedPupil::externalId).toList();
        Set<UUID> toLock = new HashSet<>(enrolments.pupilIdsAt(schoolCode, externalIds));
        toLock.addAll(pupils.idsByEckIds(items.stream().map(SyncedPupil::eckId).filter(Objects::nonNull).toList()));
        Map<UUID, Pupil> pupilById = pupils.lockInIdOrder(toLock).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));

        Map<String, Enrolment> enrolmentByExternalId = enrolments.atSchool(schoolCode, externalIds).stream()
                .collect(Collectors.toMap(e -> e.externalId, Function.identity()));
        Set<UUID> knownPupilIds = enrolmentByExternalId.values().stream().map(e -> e.pupilId)
                .collect(Collectors.toSet());
        // enrolled by a concurrent batch that committed in between
        Set<UUID> enrolledMeanwhile = new HashSet<>(knownPupilIds);
        enrolledMeanwhile.removeAll(pupilById.keySet());
        pupils.lockInIdOrder(enrolledMeanwhile).forEach(p -> pupilById.put(p.id, p));
        Map<UUID, List<Guardian>> guardiansByPupil = guardians.ofPupils(knownPupilIds).stream()
                .collect(Collectors.groupingBy(g -> g.pupilId));
        return new Known(pupilById, enrolmentByExternalId, guardiansByPupil, groups.byName(schoolCode));
    }

    private Item apply(School school, SyncedPupil item, Known known) {
        Enrolment enrolment = known.enrolmentByExternalId().get(item.externalId());
        if (enrolment == null) {
            Pupil pupil = enrol(school, item, groups.place(school.code, item.group(), known.groupByName()));
            return new Item(item.externalId(), pupil.id, Outcome.CREATED);
        }
        Pupil pupil = known.pupilById().get(enrolment.pupilId);
        // A pupil who moved on to another school belongs to that school's system now. What this
        // school's system still sends about it is ignored (UNCHANGED), not refused: refusing would
        // fail its whole batch, and applying it would flip the record and guardians back and forth
        // between the two schools' syncs.
        boolean movedAway = !enrolment.isOpen() && !pupil.schoolCode.equals(enrolment.schoolCode);
        boolean changed = !movedAway && update(pupil, enrolment, item,
                groups.place(school.code, item.group(), known.groupByName()),
                known.guardiansByPupil().getOrDefault(pupil.id, List.of()));
        return new Item(item.externalId(), pupil.id, changed ? Outcome.UPDATED : Outcome.UNCHANGED);
    }

    /** A pupil new at this school: a pupil already known by ECK iD moves here, otherwise a new pupil. */
    private Pupil enrol(School school, SyncedPupil item, SchoolGroup group) {
        Pupil pupil = item.eckId() == null ? null : pupils.byEckId(item.eckId()).orElse(null);
        List<Guardian> currentGuardians = List.of();
        boolean moving = pupil != null;
        if (pupil == null) {
            pupil = new Pupil();
            pupil.id = UUID.randomUUID();
            pupil.createdAt = Instant.now(clock);
        } else {
            leavePreviousSchool(pupil, school, item);
            currentGuardians = guardians.ofPupil(pupil.id);
        }
        pupil.eckId = item.eckId();
        pupil.givenName = item.givenName();
        pupil.familyName = item.familyName();
        pupil.birthDate = item.birthDate();
        pupil.schoolCode = school.code;
        pupil.externalId = item.externalId();
        pupil.groupId = group == null ? null : group.id;
        pupil.status = PupilStatus.ACTIVE;
        pupils.persist(pupil);

        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.pupilId = pupil.id;
        enrolment.schoolCode = school.code;
        enrolment.externalId = item.externalId();
        enrolment.startDate = item.enrolledOn();
        enrolments.persist(enrolment);
        em.flush();
        events.enrolled(pupil, enrolment, group);
        guardianSync.replace(pupil, item.guardians(), currentGuardians, moving);
        if (item.leaving() != null) {
            departures.record(pupil, enrolment, item.leaving());
        }
        return pupil;
    }

    /** A pupil enrolled here while still enrolled elsewhere moved schools: the old enrolment ends. */
    private void leavePreviousSchool(Pupil pupil, School newSchool, SyncedPupil item) {
        for (Enrolment open : enrolments.ofPupil(pupil.id)) {
            if (open.isOpen()) {
                // left on the day of the new enrolment, but never before the old one started
                LocalDate leftOn = item.enrolledOn().isAfter(open.startDate) ? item.enrolledOn() : open.startDate;
                departures.close(open, new Departure(leftOn, LeavingDestination.valueOf(newSchool.schoolType.name()),
                        newSchool.code));
                events.left(pupil, open);
            }
        }
    }

    private boolean update(Pupil pupil, Enrolment enrolment, SyncedPupil item, SchoolGroup group,
            List<Guardian> current) {
        boolean changed = false;
        if (!Objects.equals(pupil.givenName, item.givenName()) || !Objects.equals(pupil.familyName, item.familyName())
                || !Objects.equals(pupil.birthDate, item.birthDate()) || !Objects.equals(pupil.eckId, item.eckId())
                || !Objects.equals(enrolment.startDate, item.enrolledOn())) {
            pupil.givenName = item.givenName();
            pupil.familyName = item.familyName();
            pupil.birthDate = item.birthDate();
            pupil.eckId = item.eckId();
            enrolment.startDate = item.enrolledOn();
            em.flush();
            events.updated(pupil, group);
            changed = true;
        }
        UUID groupId = group == null ? null : group.id;
        if (enrolment.isOpen() && !Objects.equals(pupil.groupId, groupId)) {
            pupil.groupId = groupId;
            em.flush();
            events.movedGroup(pupil, group);
            changed = true;
        }
        if (guardianSync.replace(pupil, item.guardians(), current, false)) {
            if (!changed) {
                // guardians are part of the pupil's record: its version and updatedAt move too. The row
                // is locked already, and an OPTIMISTIC_FORCE_INCREMENT below that lock would be a no-op.
                em.lock(pupil, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            }
            changed = true;
        }
        if (item.leaving() != null && !item.leaving().closed(enrolment)) {
            departures.record(pupil, enrolment, item.leaving());
            changed = true;
        }
        return changed;
    }
}
