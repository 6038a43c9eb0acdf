package nl.passend.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.passend.platform.http.Cursor;

/**
 * One page of a list clients sync, in (updatedAt, id) order: after the client's cursor, changed since
 * its {@code updatedSince}, and written before the horizon (SyncHorizon), so that a row committing late
 * is never skipped. The entity's alias must be {@code x}; the service adds its own conditions.
 */
public final class SyncQuery<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final StringBuilder jpql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private SyncQuery(EntityManager em, Class<T> type, String from) {
        this.em = em;
        this.type = type;
        this.jpql = new StringBuilder(from).append(" where x.updatedAt < :horizon");
    }

    /** {@code from}: e.g. {@code "select x from Meeting x"}. */
    public static <T> SyncQuery<T> from(EntityManager em, Class<T> type, String from) {
        return new SyncQuery<>(em, type, from);
    }

    /** Adds a condition with one named parameter. */
    public SyncQuery<T> and(String condition, String parameter, Object value) {
        jpql.append(" and ").append(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Adds the condition only when {@code value} is there (an optional filter). */
    public SyncQuery<T> andIfGiven(String condition, String parameter, Object value) {
        return value == null ? this : and(condition, parameter, value);
    }

    public List<T> page(Cursor after, Instant updatedSince, Instant horizon, int size) {
        if (after != null) {
            jpql.append(" and (x.updatedAt > :afterTime or (x.updatedAt = :afterTime and x.id > :afterId))");
            parameters.put("afterTime", after.updatedAt());
            parameters.put("afterId", after.id());
        }
        andIfGiven("x.updatedAt >= :since", "since", updatedSince);
        jpql.append(" order by x.updatedAt, x.id");
        TypedQuery<T> query = em.createQuery(jpql.toString(), type).setParameter("horizon", horizon).setMaxResults(size);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
