package nl.passend.gateway.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.passend.gateway.domain.ChangeEntry;
import nl.passend.gateway.domain.ChangeKinds;
import nl.passend.gateway.domain.ChangeKinds.Change;

/** The change feed's table ({@code change_feed}): appended by the consumer, paged by the vendors, redacted on erasure. */
@ApplicationScoped
public class ChangeFeedRepository {

    /** The advisory lock the appends take, so that the feed's sequence is also the order of commit. */
    static final long APPEND_LOCK = 0x70617373656e64L; // "passend"

    /** A new entry, as the consumer records it. */
    public record NewEntry(String eventId, String schoolCode, String type, String objectId, UUID pupilId,
            Change change, Integer version, String eventType, Instant time) {
    }

    @Inject
    EntityManager em;

    /**
     * Appends one entry in the consumer's transaction (an event again adds nothing). It takes a transaction-level
     * advisory lock first, held until the commit: so no entry gets a later position and commits before an
     * earlier one, and a vendor's cursor never passes an entry that was still committing.
     */
    public int append(NewEntry entry, Instant now) {
        return em.createNativeQuery("""
                with appending as (select pg_advisory_xact_lock(?1))
                insert into change_feed (event_id, school_code, kind, object_id, pupil_id, change, version,
                                         event_type, event_time, recorded_at)
                select ?2, ?3, ?4, cast(?5 as text), cast(cast(?6 as text) as uuid), ?7, cast(cast(?8 as text) as integer),
                       ?9, ?10, ?11
                from appending
                on conflict (event_id, school_code) do nothing
                """).setParameter(1, APPEND_LOCK).setParameter(2, entry.eventId()).setParameter(3, entry.schoolCode())
                .setParameter(4, entry.type()).setParameter(5, entry.objectId())
                .setParameter(6, entry.pupilId() == null ? null : entry.pupilId().toString())
                .setParameter(7, entry.change().name())
                .setParameter(8, entry.version() == null ? null : entry.version().toString())
                .setParameter(9, entry.eventType()).setParameter(10, entry.time()).setParameter(11, now)
                .executeUpdate();
    }

    /** The schools whose feed has entries about the pupil. */
    @SuppressWarnings("unchecked")
    public List<String> schoolsOf(UUID pupilId) {
        return em.createNativeQuery("select distinct school_code from change_feed where pupil_id = ?1 order by 1")
                .setParameter(1, pupilId).getResultList();
    }

    /** An erased pupil: its entries keep their place, kind, change, event type and time, and lose every id. */
    public int redact(UUID pupilId) {
        return em.createNativeQuery("""
                update change_feed set object_id = null, pupil_id = null, version = null
                where pupil_id = ?1
                """).setParameter(1, pupilId).executeUpdate();
    }

    /** Up to {@code limit} entries of the school after position {@code afterSeq}, in order; of the types when given. */
    @SuppressWarnings("unchecked")
    public List<ChangeEntry> page(String schoolCode, long afterSeq, Collection<String> eventTypes, int limit) {
        String onlyTypes = eventTypes.isEmpty() ? "" : " and event_type in (:types)";
        var query = em.createNativeQuery("""
                select seq, kind, object_id, pupil_id, change, version, event_time, event_type from change_feed
                where school_code = :school and seq > :after""" + onlyTypes + " order by seq limit :limit")
                .setParameter("school", schoolCode).setParameter("after", afterSeq).setParameter("limit", limit);
        if (!eventTypes.isEmpty()) {
            query.setParameter("types", eventTypes);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(ChangeFeedRepository::entry).toList();
    }

    private static ChangeEntry entry(Object[] row) {
        String type = (String) row[1];
        String id = (String) row[2];
        UUID pupilId = (UUID) row[3];
        Change change = Change.valueOf((String) row[4]);
        String eventType = (String) row[7];
        String href = ChangeKinds.of(eventType).map(k -> k.hrefOf(id, pupilId == null ? null : pupilId.toString()))
                .orElse(null);
        return new ChangeEntry(((Number) row[0]).longValue(), type, id, pupilId, change,
                row[5] == null ? null : ((Number) row[5]).intValue(), instant(row[6]), eventType, href);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
