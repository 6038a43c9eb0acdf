package nl.passend.consent.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;

@ApplicationScoped
public class ConsentRequestRepository implements PanacheRepositoryBase<ConsentRequest, UUID> {

    /** The request with its row locked until the transaction ends, so that two answers are applied one after the other. */
    public Optional<ConsentRequest> lock(UUID id) {
        // an explicit row lock first, then the entity read after it: it sees what the previous holder committed
        List<?> locked = getEntityManager()
                .createNativeQuery("select id from consent_request where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        ConsentRequest request = findById(id);
        getEntityManager().refresh(request);
        return Optional.of(request);
    }

    public List<ConsentRequest> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by requestedAt desc, id", pupilId);
    }

    /** The pupil's open requests, locked: a change of guardians applies to each of them once. */
    public List<ConsentRequest> openOfPupilLocked(UUID pupilId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(
                "select id from consent_request where pupil_id = ?1 and outcome = 'OPEN' order by id for update", UUID.class)
                .setParameter(1, pupilId).getResultList();
        return ids.stream().map(id -> {
            ConsentRequest request = findById(id);
            getEntityManager().refresh(request);
            return request;
        }).filter(r -> r.outcome == ConsentOutcome.OPEN).toList();
    }

    public List<ConsentRequest> openOfSchool(String schoolCode, int limit) {
        return find("schoolCode = ?1 and outcome = ?2 order by requestedAt, id", schoolCode, ConsentOutcome.OPEN)
                .page(0, limit).list();
    }

    public List<ConsentRequest> openForGuardians(Collection<UUID> guardianIds, int limit) {
        return find("select distinct r from ConsentRequest r join r.requiredGuardians g "
                + "where g.guardianId in ?1 and r.outcome = ?2 order by r.requestedAt, r.id", guardianIds, ConsentOutcome.OPEN)
                .page(0, limit).list();
    }

    /** The latest request for this purpose on this subject version. */
    public Optional<ConsentRequest> latestFor(UUID pupilId, ConsentPurpose purpose, ConsentSubjectType type,
            UUID subjectId, int subjectVersion) {
        return find("pupilId = ?1 and purpose = ?2 and subjectType = ?3 and subjectId = ?4 and subjectVersion = ?5 "
                + "order by requestedAt desc, id", pupilId, purpose, type, subjectId, subjectVersion)
                .firstResultOptional();
    }

    /** Ids of open requests past their expiry. */
    public List<UUID> dueForExpiry(Instant now, int limit) {
        return getEntityManager().createQuery("select r.id from ConsentRequest r where r.outcome = ?1 "
                + "and r.expiresAt <= ?2 order by r.expiresAt", UUID.class)
                .setParameter(1, ConsentOutcome.OPEN).setParameter(2, now).setMaxResults(limit).getResultList();
    }
}
