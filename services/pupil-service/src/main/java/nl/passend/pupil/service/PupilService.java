package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.platform.audit.AuditEntry;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.http.Cursor;
import nl.passend.platform.http.SyncHorizon;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.api.Requests.AccountLink;
import nl.passend.pupil.api.Requests.Leaving;
import nl.passend.pupil.api.Requests.ProfessionalLinkRequest;
import nl.passend.pupil.api.Requests.PupilUpdate;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.ProfessionalLink;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilAsOf;
import nl.passend.pupil.domain.PupilAsOf.EnrolmentAsOf;
import nl.passend.pupil.domain.PupilStatus;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.EnrolmentRepository;
import nl.passend.pupil.persistence.GuardianRepository;
import nl.passend.pupil.persistence.ProfessionalLinkRepository;
import nl.passend.pupil.persistence.PupilRepository;
import nl.passend.pupil.persistence.SchoolGroupRepository;

/** Reads and single-resource changes of pupils, each authorized per pupil and audited. */
@ApplicationScoped
public class PupilService {

    @Inject
    PupilGuard guard;

    @Inject
    Caller caller;

    @Inject
    PupilRepository pupils;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    GuardianRepository guardians;

    @Inject
    ProfessionalLinkRepository links;

    @Inject
    SchoolGroupRepository groups;

    @Inject
    PupilSyncService sync;

    @Inject
    OrganisationService organisations;

    @Inject
    PupilEvents events;

    @Inject
    AuditLog audit;

    @Inject
    SyncHorizon horizon;

    @Inject
    EntityManager em;

    /** A pupil and its group, as the caller may see it. */
    public record PupilView(Pupil pupil, SchoolGroup group) {
    }

    /** A page of a school's pupils; staff see only pupils currently at the school. */
    @Transactional
    public Page page(String schoolCode, Cursor after, Instant updatedSince, int size) {
        organisations.school(schoolCode);
        guard.requireSchool(schoolCode);
        String role = caller.firstRoleOf(Roles.ADMIN, Roles.SIS_CLIENT, Roles.IB, Roles.DIRECTOR, Roles.TEACHER)
                .orElseThrow(() -> Problems.forbidden("your role may not list pupils"));
        boolean currentOnly = !role.equals(Roles.ADMIN) && !role.equals(Roles.SIS_CLIENT);
        List<Pupil> page = pupils.pageOfSchool(schoolCode, after, updatedSince, horizon.now(), currentOnly,
                LocalDate.now(), size);
        page.forEach(p -> audit.record(p.id, role, "pupil.list"));
        Cursor next = page.isEmpty() ? after
                : new Cursor(page.get(page.size() - 1).updatedAt, page.get(page.size() - 1).id);
        return new Page(page.stream().map(p -> new PupilView(p, group(p))).toList(), next, page.size() == size);
    }

    /** A page of pupils, the position after it, and whether more can be read at once. */
    public record Page(List<PupilView> items, Cursor next, boolean hasMore) {
    }

    @Transactional
    public PupilView get(UUID id) {
        Pupil pupil = guard.access(id, "pupil.read").pupil();
        return new PupilView(pupil, group(pupil));
    }

    /** A pupil as of a day: who may read it and its audit as for the read now; the school and status of that day. */
    public record PupilAsOfView(Pupil pupil, EnrolmentAsOf enrolment) {
    }

    /**
     * The pupil as it stood at the end of the day: the enrolment it was at then (its school, its
     * externalId there, whether it had left). 404 when Passend did not know the pupil yet or no
     * enrolment had started by then.
     */
    @Transactional
    public PupilAsOfView get(UUID id, AsOf asOf) {
        Pupil pupil = guard.accessAsOf(id, "pupil.read", asOf).pupil();
        EnrolmentAsOf on = PupilAsOf.known(pupil.createdAt, asOf)
                ? PupilAsOf.enrolmentOn(enrolments.ofPupil(id), asOf).orElse(null) : null;
        if (on == null) {
            throw Problems.of(404, "not-found", "Not found", "pupil " + id + " was not enrolled on " + asOf
                    + " as far as Passend knew then");
        }
        return new PupilAsOfView(pupil, on);
    }

    @Transactional
    public PupilView update(UUID id, PupilUpdate update, ExpectedVersion expected) {
        Pupil pupil = lockForWrite(id, "pupil.update");
        expected.require(pupil.version);
        SchoolGroup group = sync.groupOf(pupil.schoolCode, update.group());
        boolean recordChanged = !Objects.equals(pupil.givenName, update.givenName())
                || !Objects.equals(pupil.familyName, update.familyName())
                || !Objects.equals(pupil.birthDate, update.birthDate()) || !Objects.equals(pupil.eckId, update.eckId());
        UUID groupId = group == null ? null : group.id;
        boolean groupChanged = pupil.status == PupilStatus.ACTIVE && !Objects.equals(pupil.groupId, groupId);
        pupil.givenName = update.givenName();
        pupil.familyName = update.familyName();
        pupil.birthDate = update.birthDate();
        pupil.eckId = update.eckId();
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
        return new PupilView(pupil, group(pupil));
    }

    @Transactional
    public PupilView leave(UUID id, Leaving leaving, ExpectedVersion expected) {
        Pupil pupil = lockForWrite(id, "pupil.leave");
        expected.require(pupil.version);
        Enrolment open = enrolments.ofPupil(id).stream()
                .filter(e -> e.isOpen() && (caller.hasRole(Roles.ADMIN) || caller.worksAt(e.schoolCode)))
                .findFirst()
                .orElseThrow(() -> Problems.conflict("not-enrolled", "the pupil has no open enrolment at your school"));
        sync.leave(pupil, open, leaving);
        return new PupilView(pupil, group(pupil));
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

    @Transactional
    public List<Enrolment> enrolments(UUID id) {
        guard.access(id, "pupil.enrolments.read");
        return enrolments.ofPupil(id);
    }

    /** The enrolments as they stood at the end of the day (empty before the first, or before Passend knew the pupil). */
    @Transactional
    public List<EnrolmentAsOf> enrolments(UUID id, AsOf asOf) {
        Pupil pupil = guard.accessAsOf(id, "pupil.enrolments.read", asOf).pupil();
        return PupilAsOf.known(pupil.createdAt, asOf) ? PupilAsOf.enrolments(enrolments.ofPupil(id), asOf) : List.of();
    }

    @Transactional
    public List<Guardian> guardians(UUID id) {
        guard.access(id, "pupil.guardians.read");
        return guardians.ofPupil(id);
    }

    /** The IB'er links a guardian to their login, so that the parent's app can act for them. */
    @Transactional
    public Guardian linkAccount(UUID id, UUID guardianId, AccountLink link, ExpectedVersion expected) {
        Pupil pupil = guard.access(id, "guardian.link", Roles.IB).pupil();
        Guardian guardian = guardianOf(pupil, guardianId);
        expected.require(guardian.version);
        if (!link.accountId().equals(guardian.accountId)) {
            guardian.accountId = link.accountId();
            em.flush();
            events.guardian(EventType.GUARDIAN_CHANGED, pupil, guardian);
        }
        return guardian;
    }

    @Transactional
    public Guardian unlinkAccount(UUID id, UUID guardianId, ExpectedVersion expected) {
        Pupil pupil = guard.access(id, "guardian.unlink", Roles.IB).pupil();
        Guardian guardian = guardianOf(pupil, guardianId);
        expected.require(guardian.version);
        if (guardian.accountId != null) {
            guardian.accountId = null;
            em.flush();
            events.guardian(EventType.GUARDIAN_CHANGED, pupil, guardian);
        }
        return guardian;
    }

    private Guardian guardianOf(Pupil pupil, UUID guardianId) {
        Guardian guardian = guardians.findById(guardianId);
        if (guardian == null || !guardian.pupilId.equals(pupil.id)) {
            throw Problems.notFound("guardian " + guardianId);
        }
        return guardian;
    }

    @Transactional
    public List<ProfessionalLink> professionals(UUID id) {
        guard.access(id, "pupil.professionals.read");
        return links.ofPupil(id);
    }

    @Transactional
    public ProfessionalLink link(UUID id, ProfessionalLinkRequest request) {
        Pupil pupil = guard.access(id, "professional.link", Roles.IB).pupil();
        boolean taken = links.ofPupil(id).stream().anyMatch(l -> l.accountId.equals(request.accountId()));
        if (taken) {
            throw Problems.conflict("already-linked", "this professional is already linked to the pupil");
        }
        ProfessionalLink link = new ProfessionalLink();
        link.id = UUID.randomUUID();
        link.pupilId = id;
        link.accountId = request.accountId();
        link.discipline = request.discipline();
        link.linkedBy = caller.subject();
        link.linkedAt = Instant.now();
        links.persist(link);
        em.flush();
        events.professional(EventType.PROFESSIONAL_LINKED, pupil, link);
        return link;
    }

    @Transactional
    public void unlink(UUID id, UUID linkId) {
        Pupil pupil = guard.access(id, "professional.unlink", Roles.IB).pupil();
        ProfessionalLink link = links.findById(linkId);
        if (link == null || !link.pupilId.equals(id)) {
            throw Problems.notFound("professional link " + linkId);
        }
        links.delete(link);
        events.professional(EventType.PROFESSIONAL_UNLINKED, pupil, link);
    }

    /** A parent's own children: the pupils of whom the caller is a guardian by login. */
    @Transactional
    public List<PupilView> children() {
        List<UUID> ids = guardians.ofAccount(caller.subject()).stream().map(g -> g.pupilId).distinct().toList();
        List<Pupil> children = pupils.byIds(ids);
        children.forEach(p -> audit.record(p.id, Roles.PARENT, "pupil.read"));
        return children.stream().map(p -> new PupilView(p, group(p))).toList();
    }

    /** Who looked at or changed the pupil's file: for the parents, the IB'er and the director. */
    @Transactional
    public List<AuditEntry> accessLog(UUID id, int limit) {
        guard.access(id, "pupil.access-log.read", Roles.PARENT, Roles.IB, Roles.DIRECTOR, Roles.ADMIN);
        return audit.forPupil(id, limit);
    }

    /** School-level endpoints: the school exists and the caller works there (admin: anywhere); 404 otherwise. */
    public void requireSchool(String schoolCode) {
        organisations.school(schoolCode);
        guard.requireSchool(schoolCode);
    }

    private SchoolGroup group(Pupil pupil) {
        return pupil.groupId == null ? null : groups.findById(pupil.groupId);
    }
}
