package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.passend.events.EventType;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.api.Requests.GroupRef;
import nl.passend.pupil.api.Requests.GuardianUpsert;
import nl.passend.pupil.api.Requests.Leaving;
import nl.passend.pupil.api.Requests.PupilUpsert;
import nl.passend.pupil.api.Responses.BatchItemResult;
import nl.passend.pupil.api.Responses.BatchResult;
import nl.passend.pupil.api.Responses.Outcome;
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
import nl.passend.pupil.persistence.SchoolGroupRepository;

/**
 * The student information system's batch upsert: up to 1,000 pupils of one school, keyed by the
 * system's own externalId, in one transaction (all or nothing). Only real changes are written and
 * published, so sending the same batch twice changes nothing the second time.
 */
@ApplicationScoped
public class PupilSyncService {

    @Inject
    OrganisationService organisations;

    @Inject
    PupilRepository pupils;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    GuardianRepository guardians;

    @Inject
    SchoolGroupRepository groups;

    @Inject
    PupilEvents events;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Transactional
    public BatchResult upsert(String schoolCode, List<PupilUpsert> items) {
        School school = organisations.school(schoolCode);
        rejectDuplicates(items);
        String role = caller.hasRole(Roles.ADMIN) ? Roles.ADMIN : Roles.SIS_CLIENT;

        // Lock every pupil this batch may write (by externalId here, or by ECK iD when moving in) before
        // reading any of them, in id order: concurrent batches, also another school's, then wait for
        // each other instead of deadlocking or failing on a stale version.
        List<String> externalIds = items.stream().map(PupilUpsert::externalId).toList();
        Set<UUID> toLock = new HashSet<>(enrolments.pupilIdsAt(schoolCode, externalIds));
        toLock.addAll(pupils.idsByEckIds(
                items.stream().map(PupilUpsert::eckId).filter(Objects::nonNull).toList()));
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
        Map<String, SchoolGroup> groupByName = groups.ofSchool(schoolCode).stream()
                .collect(Collectors.toMap(g -> g.name, Function.identity()));

        List<BatchItemResult> results = new ArrayList<>(items.size());
        int created = 0;
        int updated = 0;
        for (PupilUpsert item : items) {
            Enrolment enrolment = enrolmentByExternalId.get(item.externalId());
            Outcome outcome;
            Pupil pupil;
            if (enrolment == null) {
                pupil = enrol(school, item, group(school, item.group(), groupByName));
                outcome = Outcome.CREATED;
                created++;
            } else {
                pupil = pupilById.get(enrolment.pupilId);
                // A pupil who moved on to another school belongs to that school's system now. What this
                // school's system still sends about it is ignored (UNCHANGED), not refused: refusing
                // would fail its whole batch, and applying it would flip the record and guardians back
                // and forth between the two schools' syncs.
                boolean movedAway = !enrolment.isOpen() && !pupil.schoolCode.equals(enrolment.schoolCode);
                boolean changed = !movedAway && update(pupil, enrolment, item, group(school, item.group(), groupByName),
                        guardiansByPupil.getOrDefault(pupil.id, List.of()));
                outcome = changed ? Outcome.UPDATED : Outcome.UNCHANGED;
                if (changed) {
                    updated++;
                }
            }
            if (outcome != Outcome.UNCHANGED) {
                audit.record(pupil.id, role, outcome == Outcome.CREATED ? "pupil.create" : "pupil.update",
                        "student information system sync");
            }
            results.add(new BatchItemResult(item.externalId(), pupil.id, outcome));
        }
        em.flush();
        return new BatchResult(created, updated, items.size() - created - updated, results);
    }

    private static void rejectDuplicates(List<PupilUpsert> items) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).externalId())) {
                throw Problems.unprocessable("duplicate-external-id",
                        "pupils[" + i + "].externalId " + items.get(i).externalId() + " occurs twice in the batch");
            }
        }
    }

    /** A pupil new at this school: a pupil already known by ECK iD moves here, otherwise a new pupil. */
    private Pupil enrol(School school, PupilUpsert item, SchoolGroup group) {
        Pupil pupil = item.eckId() == null ? null : pupils.byEckId(item.eckId()).orElse(null);
        List<Guardian> currentGuardians = List.of();
        boolean moving = pupil != null;
        if (pupil == null) {
            pupil = new Pupil();
            pupil.id = UUID.randomUUID();
            pupil.createdAt = Instant.now();
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
        syncGuardians(pupil, item.guardians(), currentGuardians, moving);
        if (item.leaving() != null) {
            leave(pupil, enrolment, item.leaving());
        }
        return pupil;
    }

    /** A pupil enrolled here while still enrolled elsewhere moved schools: the old enrolment ends. */
    private void leavePreviousSchool(Pupil pupil, School newSchool, PupilUpsert item) {
        for (Enrolment open : enrolments.ofPupil(pupil.id)) {
            if (open.isOpen()) {
                LeavingDestination destination = LeavingDestination.valueOf(newSchool.schoolType.name());
                LeavingRules.close(open, item.enrolledOn().isAfter(open.startDate) ? item.enrolledOn()
                        : open.startDate, destination, newSchool.code);
                events.left(pupil, open);
            }
        }
    }

    private boolean update(Pupil pupil, Enrolment enrolment, PupilUpsert item, SchoolGroup group,
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
        if (syncGuardians(pupil, item.guardians(), current, false)) {
            if (!changed) {
                // guardians are part of the pupil's record: its version and updatedAt move too. The row
                // is locked already, and an OPTIMISTIC_FORCE_INCREMENT below that lock would be a no-op.
                em.lock(pupil, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            }
            changed = true;
        }
        if (item.leaving() != null && !LeavingRules.sameLeaving(enrolment, item.leaving())) {
            leave(pupil, enrolment, item.leaving());
            changed = true;
        }
        return changed;
    }

    void leave(Pupil pupil, Enrolment enrolment, Leaving leaving) {
        LeavingRules.close(enrolment, leaving.leftOn(), leaving.destination(), leaving.destinationSchoolCode());
        if (pupil.schoolCode.equals(enrolment.schoolCode)) {
            pupil.status = PupilStatus.LEFT;
        }
        em.flush();
        events.left(pupil, enrolment);
    }

    /**
     * Replaces the guardians with the given list (when given); true if anything changed. A guardian is
     * matched by the system's externalId. A pupil moving in from another school brings guardians
     * numbered by that school's system: there an equal externalId is the same guardian only if the
     * name is equal too; otherwise the old one is removed and a new one added, so that a login linked
     * to one person never passes to another.
     */
    private boolean syncGuardians(Pupil pupil, List<GuardianUpsert> wanted, List<Guardian> current,
            boolean movingIn) {
        if (wanted == null) {
            return false;
        }
        Map<String, GuardianUpsert> wantedByExternalId = new HashMap<>();
        for (GuardianUpsert w : wanted) {
            if (wantedByExternalId.put(w.externalId(), w) != null) {
                throw Problems.unprocessable("duplicate-guardian",
                        "guardian " + w.externalId() + " occurs twice for pupil " + pupil.externalId);
            }
        }
        boolean changed = false;
        Map<String, Guardian> kept = new HashMap<>();
        for (Guardian g : current) {
            GuardianUpsert w = wantedByExternalId.get(g.externalId);
            boolean sameName = w != null && g.givenName.equals(w.givenName()) && g.familyName.equals(w.familyName());
            if (w != null && (!movingIn || sameName)) {
                kept.put(g.externalId, g);
            } else {
                guardians.delete(g);
                events.guardian(EventType.GUARDIAN_REMOVED, pupil, g);
                changed = true;
            }
        }
        if (changed) {
            em.flush(); // a removed guardian's externalId may be taken again below
        }
        for (GuardianUpsert w : wanted) {
            Guardian g = kept.get(w.externalId());
            if (g == null) {
                g = new Guardian();
                g.id = UUID.randomUUID();
                g.pupilId = pupil.id;
                g.externalId = w.externalId();
                g.givenName = w.givenName();
                g.familyName = w.familyName();
                g.hasParentalAuthority = w.hasParentalAuthority();
                guardians.persist(g);
                events.guardian(EventType.GUARDIAN_ADDED, pupil, g);
                changed = true;
            } else if (!g.givenName.equals(w.givenName()) || !g.familyName.equals(w.familyName())
                    || g.hasParentalAuthority != w.hasParentalAuthority()) {
                boolean authorityChanged = g.hasParentalAuthority != w.hasParentalAuthority();
                g.givenName = w.givenName();
                g.familyName = w.familyName();
                g.hasParentalAuthority = w.hasParentalAuthority();
                if (authorityChanged) {
                    events.guardian(EventType.GUARDIAN_CHANGED, pupil, g);
                }
                changed = true;
            }
        }
        return changed;
    }

    private SchoolGroup group(School school, GroupRef ref, Map<String, SchoolGroup> byName) {
        if (ref == null) {
            return null;
        }
        SchoolGroup group = byName.get(ref.name());
        if (group == null) {
            group = new SchoolGroup();
            group.id = UUID.randomUUID();
            group.schoolCode = school.code;
            group.name = ref.name();
            group.year = ref.year();
            groups.persist(group);
            byName.put(group.name, group);
        } else if (group.year != ref.year()) {
            group.year = ref.year();
        }
        return group;
    }

    /** The group a single update names, created when new (used by PupilService). */
    SchoolGroup groupOf(String schoolCode, GroupRef ref) {
        if (ref == null) {
            return null;
        }
        Map<String, SchoolGroup> byName = groups.ofSchool(schoolCode).stream()
                .collect(Collectors.toMap(g -> g.name, Function.identity()));
        return group(organisations.school(schoolCode), ref, byName);
    }
}
