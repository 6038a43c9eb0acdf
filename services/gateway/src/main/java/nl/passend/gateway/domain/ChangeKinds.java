package nl.passend.gateway.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import nl.passend.events.EventType;

/**
 * What an event changed, for the change feed: the kind of object, which field of the payload is its id, whether it
 * was upserted, deleted or erased, whether the payload carries its version, and the public path it is read at.
 * Every event type of the catalogue has one; an event names the object, never its contents.
 */
public final class ChangeKinds {

    /** What happened to the object. */
    public enum Change { UPSERTED, DELETED, ERASED }

    /**
     * @param type the object's kind as the feed names it
     * @param idField the payload's field with the object's id (null: the object has none of its own)
     * @param change what happened to it
     * @param versionField the payload's field with the object's version, or null
     * @param href the path to read it at, below the gateway, with {id} and {pupilId}; null: none
     */
    public record Kind(String type, String idField, Change change, String versionField, String href) {

        /** The path to read the object at: only for an object that is there (upserted) and whose ids are known. */
        public String hrefOf(String id, String pupilId) {
            if (href == null || change != Change.UPSERTED || (href.contains("{id}") && id == null)
                    || (href.contains("{pupilId}") && pupilId == null)) {
                return null;
            }
            return href.replace("{id}", id == null ? "" : id).replace("{pupilId}", pupilId == null ? "" : pupilId);
        }
    }

    private static final Map<EventType, Kind> KINDS = new EnumMap<>(EventType.class);

    static {
        upserted("swv", "swvCode", "/api/v1/swvs/{id}", EventType.SWV_REGISTERED, EventType.SWV_CHANGED);
        upserted("board", "boardCode", "/api/v1/boards/{id}", EventType.BOARD_REGISTERED, EventType.BOARD_CHANGED);
        upserted("school", "schoolCode", "/api/v1/schools/{id}", EventType.SCHOOL_REGISTERED, EventType.SCHOOL_CHANGED);
        upserted("pupil", "pupilId", "/api/v1/pupils/{id}", EventType.PUPIL_UPDATED, EventType.PUPIL_MOVED_GROUP);
        upserted("enrolment", "enrolmentId", "/api/v1/pupils/{pupilId}/enrolments",
                EventType.PUPIL_ENROLLED, EventType.PUPIL_LEFT);
        KINDS.put(EventType.PUPIL_ERASED, new Kind("pupil", "pupilId", Change.ERASED, null, null));
        upserted("guardian", "guardianId", "/api/v1/pupils/{pupilId}/guardians",
                EventType.GUARDIAN_ADDED, EventType.GUARDIAN_CHANGED);
        deleted("guardian", "guardianId", EventType.GUARDIAN_REMOVED);
        upserted("professional-link", "linkId", "/api/v1/pupils/{pupilId}/professionals/{id}",
                EventType.PROFESSIONAL_LINKED);
        deleted("professional-link", "linkId", EventType.PROFESSIONAL_UNLINKED);
        upserted("support-level", "pupilId", "/api/v1/pupils/{pupilId}/support-level",
                EventType.SUPPORT_LEVEL_CHANGED, EventType.EXTRA_SUPPORT_STARTED);
        upserted("intervention", "interventionId", "/api/v1/interventions/{id}",
                EventType.INTERVENTION_RECORDED, EventType.INTERVENTION_EVALUATED);
        upserted("action-plan", "actionPlanId", "/api/v1/action-plans/{id}",
                EventType.ACTION_PLAN_STARTED, EventType.ACTION_PLAN_ENDED);
        upserted("support-signal", null, null, EventType.SUPPORT_SIGNAL_RAISED);
        deleted("support-signal", null, EventType.SUPPORT_SIGNAL_RESOLVED);
        upserted("arrangement", "arrangementId", "/api/v1/arrangements/{id}",
                EventType.ARRANGEMENT_STARTED, EventType.ARRANGEMENT_ENDED);
        upserted("meeting", "meetingId", "/api/v1/meetings/{id}", EventType.MEETING_HELD);
        upserted("case", "caseId", "/api/v1/cases/{id}", EventType.CASE_DISCUSSED, EventType.CASE_DECISION_RECORDED);
        upserted("tlv", "tlvId", "/api/v1/tlv-requests/{id}", EventType.TLV_REQUESTED, EventType.TLV_DECIDED);
        upserted("team-signal", "actionItemId", null, EventType.TEAM_SIGNAL_RAISED);
        deleted("team-signal", "actionItemId", EventType.TEAM_SIGNAL_RESOLVED);
        for (EventType type : new EventType[] {EventType.OPP_DRAFTED, EventType.OPP_IN_DIALOGUE, EventType.OPP_CONSENTED,
                EventType.OPP_ESTABLISHED, EventType.OPP_EVALUATED, EventType.OPP_CONSENT_WITHDRAWN, EventType.OPP_CLOSED}) {
            KINDS.put(type, new Kind("opp", "planId", Change.UPSERTED, "version", "/api/v1/opps/{id}"));
        }
        upserted("opp", "planId", "/api/v1/opps/{id}", EventType.OPP_OVERDUE, EventType.OPP_OVERDUE_RESOLVED);
        upserted("consent-request", "requestId", "/api/v1/consent-requests/{id}", EventType.OPP_CONSENT_REQUESTED,
                EventType.TEAM_CONSENT_REQUESTED, EventType.CONSENT_DECIDED);
    }

    private ChangeKinds() {
    }

    private static void upserted(String type, String idField, String href, EventType... types) {
        for (EventType eventType : types) {
            KINDS.put(eventType, new Kind(type, idField, Change.UPSERTED, null, href));
        }
    }

    private static void deleted(String type, String idField, EventType... types) {
        for (EventType eventType : types) {
            KINDS.put(eventType, new Kind(type, idField, Change.DELETED, null, null));
        }
    }

    /** The kind of an event type of the catalogue; empty for a type the gateway does not know (a newer one). */
    public static Optional<Kind> of(String eventType) {
        return EventType.byType(eventType).map(KINDS::get);
    }
}
