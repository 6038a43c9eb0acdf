package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.passend.platform.http.Cursor;
import nl.passend.pupil.domain.Pupil;

@ApplicationScoped
public class PupilRepository implements PanacheRepositoryBase<Pupil, UUID> {

    public Optional<Pupil> byEckId(String eckId) {
        return find("eckId", eckId).firstResultOptional();
    }

    public List<Pupil> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public List<UUID> idsByEckIds(Collection<String> eckIds) {
        return eckIds.isEmpty() ? List.of()
                : getEntityManager().createQuery("select p.id from Pupil p where p.eckId in ?1", UUID.class)
                        .setParameter(1, eckIds).getResultList();
    }

    /** Locks the pupils' rows for this transaction, always in id order so that two lockers never deadlock. */
    public List<Pupil> lockInIdOrder(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Pupils ever enrolled at a school (only those there on {@code today} when {@code currentOnly}), in
     * (updatedAt, id) order after the cursor, changed since {@code updatedSince}, and written before
     * {@code horizon} (see SyncHorizon). Each condition is added with its parameters.
     */
    public List<Pupil> pageOfSchool(String schoolCode, Cursor after, Instant updatedSince, Instant horizon,
            boolean currentOnly, LocalDate today, int size) {
        Map<String, Object> params = new HashMap<>(Map.of("school", schoolCode, "horizon", horizon));
        StringBuilder enrolled = new StringBuilder(
                "select 1 from Enrolment e where e.pupilId = p.id and e.schoolCode = :school");
        if (currentOnly) {
            enrolled.append(" and (e.endDate is null or e.endDate > :today)");
            params.put("today", today);
        }
        StringBuilder query = new StringBuilder("select p from Pupil p where p.updatedAt < :horizon and exists (")
                .append(enrolled).append(')');
        if (after != null) {
            query.append(" and (p.updatedAt > :afterTime or (p.updatedAt = :afterTime and p.id > :afterId))");
            params.put("afterTime", after.updatedAt());
            params.put("afterId", after.id());
        }
        if (updatedSince != null) {
            query.append(" and p.updatedAt >= :since");
            params.put("since", updatedSince);
        }
        return find(query.append(" order by p.updatedAt, p.id").toString(), params).page(0, size).list();
    }
}
