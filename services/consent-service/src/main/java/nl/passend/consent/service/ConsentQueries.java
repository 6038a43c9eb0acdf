package nl.passend.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.consent.domain.ConsentAsOf;
import nl.passend.consent.domain.ConsentAsOf.RequestAsOf;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.persistence.ConsentEntryRepository;
import nl.passend.consent.persistence.ConsentRequestRepository;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.directory.PupilDirectory;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;

/**
 * Reading the ledger: one request, a pupil's requests (also as they stood at the end of a day), the
 * open requests waiting for a parent or at a school, and whether consent is valid. Each read is
 * checked and audited.
 */
@ApplicationScoped
public class ConsentQueries {

    static final String[] READERS = {Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.PARENT};
    static final String[] CHECKERS = {Roles.ADMIN, Roles.IB, Roles.DIRECTOR, Roles.TEACHER, Roles.SIS_CLIENT};

    /** The most open requests one list answers. */
    static final int OPEN_LIMIT = 200;

    @Inject
    ConsentRequestRepository requests;

    @Inject
    ConsentEntryRepository entries;

    @Inject
    PupilDirectory directory;

    @Inject
    ConsentGuard guard;

    @Inject
    AuditLog audit;

    @Transactional
    public RequestView get(UUID requestId) {
        ConsentRequest request = request(requestId);
        String role = guard.requestRole(request, READERS);
        audit.record(request.pupilId, role, "consent.request.read");
        return view(request);
    }

    /** A request as it stood at the end of the day; 404 when it had not been made by then. Authorized and audited as {@link #get(UUID)}. */
    @Transactional
    public RequestAsOf get(UUID requestId, AsOf asOf) {
        ConsentRequest request = request(requestId);
        String role = guard.requestRole(request, READERS);
        audit.record(request.pupilId, role, "consent.request.read", asOf.audit());
        return asOf(request, asOf).orElseThrow(() -> Problems.of(404, "not-found", "Not found",
                "consent request " + requestId + " had not been made by the end of " + asOf));
    }

    /** Every request about one pupil, newest first: the pupil's school's staff and the pupil's parents. */
    @Transactional
    public List<RequestView> ofPupil(UUID pupilId) {
        String role = pupilRole(pupilId, READERS);
        audit.record(pupilId, role, "consent.list");
        return requests.ofPupil(pupilId).stream().map(this::view).toList();
    }

    /** The pupil's requests as they stood at the end of the day, newest first; those made later are left out. */
    @Transactional
    public List<RequestAsOf> ofPupil(UUID pupilId, AsOf asOf) {
        String role = pupilRole(pupilId, READERS);
        audit.record(pupilId, role, "consent.list", asOf.audit());
        return requests.ofPupil(pupilId).stream().map(r -> asOf(r, asOf)).flatMap(Optional::stream).toList();
    }

    /** The open requests waiting for the calling parent's answer. */
    @Transactional
    public List<RequestView> openForMe() {
        List<UUID> mine = directory.guardiansOfAccount(guard.subject()).stream().map(g -> g.id).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return audited(requests.openForGuardians(mine, OPEN_LIMIT), Roles.PARENT);
    }

    /** A school's open requests, for its IB'er and director. */
    @Transactional
    public List<RequestView> openOfSchool(String schoolCode) {
        String role = guard.school(schoolCode, Roles.IB, Roles.DIRECTOR, Roles.ADMIN);
        return audited(requests.openOfSchool(schoolCode, OPEN_LIMIT), role);
    }

    /** The latest request for this purpose on this subject version, if any: valid when it is GRANTED. */
    @Transactional
    public Optional<ConsentRequest> latest(UUID pupilId, ConsentPurpose purpose, ConsentSubjectType subjectType,
            UUID subjectId, int subjectVersion) {
        String role = pupilRole(pupilId, CHECKERS);
        audit.record(pupilId, role, "consent.check", purpose.name());
        return requests.latestFor(pupilId, purpose, subjectType, subjectId, subjectVersion);
    }

    private ConsentRequest request(UUID requestId) {
        return requests.findByIdOptional(requestId)
                .orElseThrow(() -> Problems.notFound("consent request " + requestId));
    }

    /** The role for a pupil's consents, at the pupil's school as the directory knows it; 404 for an unknown pupil. */
    private String pupilRole(UUID pupilId, String... allowed) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        return guard.consentRole(pupilId, pupil.schoolCode, allowed);
    }

    /** The requests with their ledgers; each pupil listed is audited once. */
    private List<RequestView> audited(List<ConsentRequest> open, String role) {
        List<RequestView> views = open.stream().map(this::view).toList();
        views.stream().map(v -> v.request().pupilId).distinct()
                .forEach(p -> audit.record(p, role, "consent.list.open"));
        return views;
    }

    private Optional<RequestAsOf> asOf(ConsentRequest request, AsOf asOf) {
        return ConsentAsOf.of(request, entries.ofRequest(request.id), asOf);
    }

    private RequestView view(ConsentRequest request) {
        return new RequestView(request, entries.ofRequest(request.id));
    }
}
