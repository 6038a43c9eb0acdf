package nl.passend.gateway.domain;

import java.time.Instant;
import java.util.UUID;
import nl.passend.gateway.domain.ChangeKinds.Change;

/**
 * One entry of a school's change feed: which object changed how, and when; never its contents.
 *
 * @param seq its position in the feed (the order of arrival)
 * @param type the object's kind ({@link ChangeKinds})
 * @param id the object's id; null when it has none of its own, or its pupil was erased
 * @param pupilId the pupil it is about; null when none, or erased (except on the erasure's own entry)
 * @param version the object's version when the event carried one
 * @param time the event's time
 * @param eventType the CloudEvents type
 * @param href the path to read the object at, below the gateway, when known
 */
public record ChangeEntry(long seq, String type, String id, UUID pupilId, Change change, Integer version,
        Instant time, String eventType, String href) {
}
