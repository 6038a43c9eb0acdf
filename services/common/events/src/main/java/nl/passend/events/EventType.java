package nl.passend.events;

import java.util.Arrays;
import java.util.Optional;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.opp.OppChanged;
import nl.passend.events.opp.OppOverdue;
import nl.passend.events.payload.EventPayload;
import nl.passend.events.pupil.BoardChanged;
import nl.passend.events.pupil.GuardianChanged;
import nl.passend.events.pupil.ProfessionalLinkChanged;
import nl.passend.events.pupil.PupilEnrolled;
import nl.passend.events.pupil.PupilErased;
import nl.passend.events.pupil.PupilLeft;
import nl.passend.events.pupil.PupilMovedGroup;
import nl.passend.events.pupil.PupilUpdated;
import nl.passend.events.pupil.SchoolChanged;
import nl.passend.events.pupil.SwvChanged;
import nl.passend.events.support.ActionPlanChanged;
import nl.passend.events.support.ExtraSupportStarted;
import nl.passend.events.support.InterventionChanged;
import nl.passend.events.support.SupportSignal;
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDecisionRecorded;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.MeetingHeld;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;

/**
 * Every event type, its topic, its payload record and the JSON Schema (in {@code api-specs/events/})
 * that payload must satisfy. Several types may share one payload shape and so one schema.
 */
public enum EventType {
    SWV_REGISTERED("nl.passend.pupil.swv-registered.v1", Topics.PUPIL, SwvChanged.class),
    SWV_CHANGED("nl.passend.pupil.swv-changed.v1", Topics.PUPIL, SwvChanged.class),
    BOARD_REGISTERED("nl.passend.pupil.board-registered.v1", Topics.PUPIL, BoardChanged.class),
    BOARD_CHANGED("nl.passend.pupil.board-changed.v1", Topics.PUPIL, BoardChanged.class),
    SCHOOL_REGISTERED("nl.passend.pupil.school-registered.v1", Topics.PUPIL, SchoolChanged.class),
    SCHOOL_CHANGED("nl.passend.pupil.school-changed.v1", Topics.PUPIL, SchoolChanged.class),
    PUPIL_ENROLLED("nl.passend.pupil.enrolled.v1", Topics.PUPIL, PupilEnrolled.class),
    PUPIL_UPDATED("nl.passend.pupil.updated.v1", Topics.PUPIL, PupilUpdated.class),
    PUPIL_MOVED_GROUP("nl.passend.pupil.moved-group.v1", Topics.PUPIL, PupilMovedGroup.class),
    PUPIL_LEFT("nl.passend.pupil.left.v1", Topics.PUPIL, PupilLeft.class),
    PUPIL_ERASED("nl.passend.pupil.erased.v1", Topics.PUPIL, PupilErased.class),
    GUARDIAN_ADDED("nl.passend.pupil.guardian-added.v1", Topics.PUPIL, GuardianChanged.class),
    GUARDIAN_CHANGED("nl.passend.pupil.guardian-changed.v1", Topics.PUPIL, GuardianChanged.class),
    GUARDIAN_REMOVED("nl.passend.pupil.guardian-removed.v1", Topics.PUPIL, GuardianChanged.class),
    PROFESSIONAL_LINKED("nl.passend.pupil.professional-linked.v1", Topics.PUPIL, ProfessionalLinkChanged.class),
    PROFESSIONAL_UNLINKED("nl.passend.pupil.professional-unlinked.v1", Topics.PUPIL, ProfessionalLinkChanged.class),

    /** support-level-service: every level change; the move to LEVEL_4 also as the start of extra support. */
    SUPPORT_LEVEL_CHANGED("nl.passend.support.level-changed.v1", Topics.SUPPORT, SupportLevelChanged.class),
    EXTRA_SUPPORT_STARTED("nl.passend.support.extra-support-started.v1", Topics.SUPPORT, ExtraSupportStarted.class),
    INTERVENTION_RECORDED("nl.passend.support.intervention-recorded.v1", Topics.SUPPORT, InterventionChanged.class),
    INTERVENTION_EVALUATED("nl.passend.support.intervention-evaluated.v1", Topics.SUPPORT, InterventionChanged.class),
    ACTION_PLAN_STARTED("nl.passend.support.action-plan-started.v1", Topics.SUPPORT, ActionPlanChanged.class),
    ACTION_PLAN_ENDED("nl.passend.support.action-plan-ended.v1", Topics.SUPPORT, ActionPlanChanged.class),
    SUPPORT_SIGNAL_RAISED("nl.passend.support.signal-raised.v1", Topics.SUPPORT, SupportSignal.class),
    SUPPORT_SIGNAL_RESOLVED("nl.passend.support.signal-resolved.v1", Topics.SUPPORT, SupportSignal.class),

    /** support-team-service: arrangements; a start starts the OPP clock. */
    ARRANGEMENT_STARTED("nl.passend.team.arrangement-started.v1", Topics.TEAM, ArrangementChanged.class),
    ARRANGEMENT_ENDED("nl.passend.team.arrangement-ended.v1", Topics.TEAM, ArrangementChanged.class),
    /** support-team-service: meetings, the cases they discussed and decided on, TLVs, and the signals it owns. */
    MEETING_HELD("nl.passend.team.meeting-held.v1", Topics.TEAM, MeetingHeld.class),
    CASE_DISCUSSED("nl.passend.team.case-discussed.v1", Topics.TEAM, CaseDiscussed.class),
    CASE_DECISION_RECORDED("nl.passend.team.decision-recorded.v1", Topics.TEAM, CaseDecisionRecorded.class),
    TLV_REQUESTED("nl.passend.team.tlv-requested.v1", Topics.TEAM, TlvChanged.class),
    TLV_DECIDED("nl.passend.team.tlv-decided.v1", Topics.TEAM, TlvChanged.class),
    TEAM_SIGNAL_RAISED("nl.passend.team.signal-raised.v1", Topics.TEAM, TeamSignal.class),
    TEAM_SIGNAL_RESOLVED("nl.passend.team.signal-resolved.v1", Topics.TEAM, TeamSignal.class),

    /** opp-service: each change of an OPP version's status, and the overdue signal it owns. */
    OPP_DRAFTED("nl.passend.opp.drafted.v1", Topics.OPP, OppChanged.class),
    OPP_IN_DIALOGUE("nl.passend.opp.in-dialogue.v1", Topics.OPP, OppChanged.class),
    OPP_CONSENTED("nl.passend.opp.consented.v1", Topics.OPP, OppChanged.class),
    OPP_ESTABLISHED("nl.passend.opp.established.v1", Topics.OPP, OppChanged.class),
    OPP_EVALUATED("nl.passend.opp.evaluated.v1", Topics.OPP, OppChanged.class),
    OPP_CONSENT_WITHDRAWN("nl.passend.opp.consent-withdrawn.v1", Topics.OPP, OppChanged.class),
    OPP_CLOSED("nl.passend.opp.closed.v1", Topics.OPP, OppChanged.class),
    OPP_OVERDUE("nl.passend.opp.overdue.v1", Topics.OPP, OppOverdue.class),
    OPP_OVERDUE_RESOLVED("nl.passend.opp.overdue-resolved.v1", Topics.OPP, OppOverdue.class),

    /** Consent requests go out on the requester's own topic; consent-service owns the shape. */
    OPP_CONSENT_REQUESTED("nl.passend.opp.consent-requested.v1", Topics.OPP, ConsentRequested.class),
    TEAM_CONSENT_REQUESTED("nl.passend.team.consent-requested.v1", Topics.TEAM, ConsentRequested.class),
    CONSENT_DECIDED("nl.passend.consent.decided.v1", Topics.CONSENT, ConsentDecided.class);

    private final String type;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;

    EventType(String type, String topic, Class<? extends EventPayload> payloadType) {
        this.type = type;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** File name of the payload's JSON Schema in {@code api-specs/events/}, e.g. {@code pupil-left.schema.json}. */
    public String schemaFile() {
        String simple = payloadType.getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + ".schema.json";
    }

    public static Optional<EventType> byType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
