package nl.passend.team.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.events.codes.MeetingType;
import nl.passend.platform.http.Cursor;
import nl.passend.team.domain.Meeting;

@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    /** The meeting locked until the transaction ends: changes to it and its cases happen one at a time. */
    public Optional<Meeting> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Meeting.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A school's meetings in (updatedAt, id) order after the cursor, changed since, written before the
     * horizon; of one type only when {@code onlyType} is given.
     */
    public List<Meeting> pageOfSchool(String schoolCode, MeetingType onlyType, Cursor after, Instant updatedSince,
            Instant horizon, int size) {
        StringBuilder query = new StringBuilder("select m from Meeting m where m.schoolCode = :school and m.updatedAt < :horizon");
        if (onlyType != null) {
            query.append(" and m.type = :type");
        }
        if (after != null) {
            query.append(" and (m.updatedAt > :afterTime or (m.updatedAt = :afterTime and m.id > :afterId))");
        }
        if (updatedSince != null) {
            query.append(" and m.updatedAt >= :since");
        }
        query.append(" order by m.updatedAt, m.id");
        var q = getEntityManager().createQuery(query.toString(), Meeting.class)
                .setParameter("school", schoolCode).setParameter("horizon", horizon).setMaxResults(size);
        if (onlyType != null) {
            q.setParameter("type", onlyType);
        }
        if (after != null) {
            q.setParameter("afterTime", after.updatedAt()).setParameter("afterId", after.id());
        }
        if (updatedSince != null) {
            q.setParameter("since", updatedSince);
        }
        return q.getResultList();
    }
}
