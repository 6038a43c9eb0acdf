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
import nl.passend.platform.persistence.SyncQuery;
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
        return SyncQuery.from(getEntityManager(), Meeting.class, "select x from Meeting x")
                .and("x.schoolCode = :school", "school", schoolCode)
                .andIfGiven("x.type = :type", "type", onlyType)
                .page(after, updatedSince, horizon, size);
    }
}
