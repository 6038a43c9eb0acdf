package nl.passend.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.passend.events.EventEnvelope;
import nl.passend.gateway.domain.ChangeEntry;
import nl.passend.gateway.domain.ChangeKinds;
import nl.passend.gateway.domain.ChangeKinds.Change;
import nl.passend.gateway.domain.ChangeKinds.Kind;
import nl.passend.gateway.persistence.ChangeFeedRepository;
import nl.passend.gateway.persistence.ChangeFeedRepository.NewEntry;
import nl.passend.platform.problem.Problems;
import org.jboss.logging.Logger;

/**
 * The change feed of student information systems: per school, every event about it as one entry (which object,
 * how, when), recorded in the transaction that consumes the event, read page by page after an opaque cursor.
 * An erased pupil's earlier entries lose their ids (the object id and the pupil id, which the vendor links to
 * the child in its own records); the erasure itself stays as an ERASED entry with the pupil id, in the feed of
 * each school that had entries of the pupil, so that every vendor who was told of the pupil is told to erase.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** One page: the entries and the position after the last one (the one asked after, when there are none). */
    public record ChangePage(List<ChangeEntry> entries, long last, boolean hasMore) {
    }

    @Inject
    ChangeFeedRepository feed;

    @Inject
    Clock clock;

    /** The event's entry, in the consumer's transaction; an event of an unknown type or without a school adds none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope event) {
        Kind kind = ChangeKinds.of(event.type()).orElse(null);
        if (kind == null) {
            return;
        }
        JsonNode data = event.data();
        UUID pupilId = uuid(text(data, "pupilId"));
        String school = blank(event.schoolcode()) ? text(data, "schoolCode") : event.schoolcode();
        Instant time = event.time().toInstant();
        if (kind.change() == Change.ERASED) {
            if (pupilId != null) {
                erase(event, kind, pupilId, school, time);
            }
            return;
        }
        if (blank(school)) {
            return;
        }
        JsonNode version = kind.versionField() == null ? null : data.get(kind.versionField());
        feed.append(new NewEntry(event.id(), school, kind.type(), kind.idField() == null ? null : text(data, kind.idField()),
                pupilId, kind.change(), version == null || !version.isNumber() ? null : version.intValue(), event.type(),
                time), Instant.now(clock));
    }

    private void erase(EventEnvelope event, Kind kind, UUID pupilId, String school, Instant time) {
        Set<String> schools = new TreeSet<>(feed.schoolsOf(pupilId));
        if (!blank(school)) {
            schools.add(school);
        }
        int redacted = feed.redact(pupilId);
        for (String each : schools) {
            feed.append(new NewEntry(event.id(), each, kind.type(), pupilId.toString(), pupilId, Change.ERASED, null,
                    event.type(), time), Instant.now(clock));
        }
        LOG.infof("pupil %s erased: %d change feed entries without ids, erasure in the feed of %d schools", pupilId,
                redacted, schools.size());
    }

    /**
     * Up to {@code size} entries of the school after the position {@code after}, of the event types when any are
     * given. A school that is not one of the caller's is answered 404, as one that does not exist.
     */
    @Transactional
    public ChangePage page(Set<String> callerSchools, String school, long after, Collection<String> eventTypes, int size) {
        if (!callerSchools.contains(school)) {
            throw Problems.notFound("school " + school);
        }
        List<ChangeEntry> rows = new ArrayList<>(feed.page(school, after, eventTypes, size + 1));
        boolean hasMore = rows.size() > size;
        List<ChangeEntry> entries = hasMore ? rows.subList(0, size) : rows;
        long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
        return new ChangePage(List.copyOf(entries), last, hasMore);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
