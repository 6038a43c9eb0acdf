package nl.passend.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.FundingSource;
import nl.passend.events.codes.InterventionEffect;
import nl.passend.events.codes.InterventionKind;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.MeetingType;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppDueKind;
import nl.passend.events.codes.OppStatus;
import nl.passend.events.codes.ProfessionalDiscipline;
import nl.passend.events.codes.SchoolType;
import nl.passend.events.codes.SupportCategory;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.events.codes.SupportSignalKind;
import nl.passend.events.codes.TeamSignalKind;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvOutcome;
import nl.passend.events.codes.TlvTarget;
import nl.passend.events.consent.ConsentDecided;
import nl.passend.events.consent.ConsentRequested;
import nl.passend.events.consent.SubjectRef;
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
import nl.passend.events.support.SupportLevelChanged;
import nl.passend.events.support.SupportSignal;
import nl.passend.events.team.ArrangementChanged;
import nl.passend.events.team.CaseDecisionRecorded;
import nl.passend.events.team.CaseDiscussed;
import nl.passend.events.team.MeetingHeld;
import nl.passend.events.team.TeamSignal;
import nl.passend.events.team.TlvChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON Schemas in {@code api-specs/events/} are the event contract: every event type's sample, as
 * {@link EventJson} writes it, satisfies the envelope schema and its payload schema; the schemas reject
 * what must never be in an event; schemas, records and the AsyncAPI document do not drift apart.
 */
class EventSchemaTest {

    private static final String SCHEMA_FOLDER = "event-schemas";
    private static final String ENVELOPE_SCHEMA = "cloudevent-envelope.schema.json";
    private static final Path ASYNCAPI = Path.of("../../../api-specs/asyncapi/passend-events.yaml");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Draft 2020-12 treats {@code format} as an annotation unless asked: uuid, date and date-time must bite. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = EventJson.mapper();
    /**
     * Ids are required, except these, which the record's javadoc says may be null: a level change that
     * corrects nothing, an overdue OPP of which no version was drafted, the pupil of an anonymous case (and
     * of a decision about one), the action item of a team signal of another kind than ACTION_ITEM_OVERDUE.
     */
    private static final Set<String> NULLABLE_IDS = Set.of("SupportLevelChanged.correctsChangeId",
            "OppOverdue.planId", "CaseDiscussed.pupilId", "CaseDecisionRecorded.pupilId",
            "TeamSignal.actionItemId");

    // Realistic ids and codes. Never a name: events carry none.
    private static final UUID PUPIL = UUID.fromString("7f3c2a9e-5d41-4b8a-9c0e-2f6d8a1b3c4d");
    private static final UUID ENROLMENT = UUID.fromString("0b9e4d2c-8a17-4f3e-b6d5-91c2e7a8f034");
    private static final UUID GROUP = UUID.fromString("c41d7e08-2b9a-4e6f-8d3c-5a0f1b2e9c67");
    private static final UUID GUARDIAN = UUID.fromString("e2a8f6b1-3c5d-4a79-8e01-d4b7c9f2a356");
    private static final UUID LINK = UUID.fromString("5d6e7f80-91a2-4b3c-8d4e-5f60718293a4");
    private static final UUID REQUEST = UUID.fromString("a1b2c3d4-e5f6-4789-8abc-def012345678");
    private static final UUID PLAN = UUID.fromString("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
    private static final UUID MEETING_CASE = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    private static final UUID LEVEL_CHANGE = UUID.fromString("6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d");
    private static final UUID EARLIER_LEVEL_CHANGE = UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f");
    private static final UUID ARRANGEMENT = UUID.fromString("b8c9d0e1-f2a3-4b4c-8d5e-6f7a8b9c0d1e");
    private static final UUID INTERVENTION = UUID.fromString("4b5c6d7e-8f90-4a1b-8c2d-3e4f5a6b7c8d");
    private static final UUID ACTION_PLAN = UUID.fromString("e9f0a1b2-c3d4-4e5f-9a6b-7c8d9e0f1a2b");
    private static final UUID MEETING = UUID.fromString("1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    private static final UUID ANONYMOUS_CASE = UUID.fromString("8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f");
    private static final UUID TLV = UUID.fromString("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
    private static final UUID ACTION_ITEM = UUID.fromString("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
    /** The day the sample meeting (the school's support team) was held: it decided to start the arrangement. */
    private static final LocalDate MEETING_DATE = LocalDate.of(2025, 10, 3);
    private static final String KEYCLOAK_SUBJECT = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
    private static final String SCHOOL = "12AB00";
    private static final String OTHER_SCHOOL = "04XY01";
    private static final String BOARD = "41234";
    private static final String SWV = "PO2701";
    private static final LocalDate DATE = LocalDate.of(2025, 10, 1);

    /** A sample payload plus the key (= CloudEvents subject) and tenant it is published with. */
    record Sample(EventPayload payload, String subject, String schoolCode) {
    }

    /** One realistic sample per event type; a type without one fails here, loudly. */
    static Sample sample(EventType type) {
        String pupil = PUPIL.toString();
        switch (type) {
            case SWV_REGISTERED:
            case SWV_CHANGED:
                return new Sample(new SwvChanged(SWV, DATE), SWV, null);
            case BOARD_REGISTERED:
            case BOARD_CHANGED:
                return new Sample(new BoardChanged(BOARD, DATE), BOARD, null);
            case SCHOOL_REGISTERED:
            case SCHOOL_CHANGED:
                return new Sample(new SchoolChanged(SCHOOL, SchoolType.BAO, BOARD, SWV, DATE), SCHOOL, SCHOOL);
            case PUPIL_ENROLLED:
                return new Sample(new PupilEnrolled(PUPIL, ENROLMENT, SCHOOL, 3, LocalDate.of(2025, 8, 25)), pupil, SCHOOL);
            case PUPIL_UPDATED:
                return new Sample(new PupilUpdated(PUPIL, SCHOOL, 4, DATE), pupil, SCHOOL);
            case PUPIL_MOVED_GROUP:
                return new Sample(new PupilMovedGroup(PUPIL, SCHOOL, GROUP, 5, DATE), pupil, SCHOOL);
            case PUPIL_LEFT:
                return new Sample(new PupilLeft(PUPIL, ENROLMENT, SCHOOL, LeavingDestination.SBO, OTHER_SCHOOL,
                        LocalDate.of(2026, 1, 31)), pupil, SCHOOL);
            case PUPIL_ERASED:
                return new Sample(new PupilErased(PUPIL, SCHOOL, LocalDate.of(2028, 2, 1)), pupil, SCHOOL);
            case GUARDIAN_ADDED:
            case GUARDIAN_CHANGED:
            case GUARDIAN_REMOVED:
                return new Sample(new GuardianChanged(PUPIL, GUARDIAN, KEYCLOAK_SUBJECT, true, SCHOOL, DATE), pupil,
                        SCHOOL);
            case PROFESSIONAL_LINKED:
            case PROFESSIONAL_UNLINKED:
                return new Sample(new ProfessionalLinkChanged(PUPIL, LINK, KEYCLOAK_SUBJECT,
                        ProfessionalDiscipline.ORTHOPEDAGOOG, SCHOOL, DATE), pupil, SCHOOL);
            case OPP_CONSENT_REQUESTED:
                return new Sample(new ConsentRequested(REQUEST, ConsentPurpose.OPP_ACTION_PART, PUPIL, SCHOOL,
                        new SubjectRef(ConsentSubjectType.OPP, PLAN, 3), DATE), pupil, SCHOOL);
            case TEAM_CONSENT_REQUESTED:
                return new Sample(new ConsentRequested(REQUEST, ConsentPurpose.DISCUSS_IN_SUPPORT_TEAM, PUPIL, SCHOOL,
                        new SubjectRef(ConsentSubjectType.MEETING_CASE, MEETING_CASE, 1), DATE), pupil, SCHOOL);
            case CONSENT_DECIDED:
                return new Sample(new ConsentDecided(REQUEST, ConsentPurpose.OPP_ACTION_PART, PUPIL, SCHOOL,
                        new SubjectRef(ConsentSubjectType.OPP, PLAN, 3), ConsentOutcome.GRANTED,
                        LocalDate.of(2025, 10, 14)), pupil, SCHOOL);
            case SUPPORT_LEVEL_CHANGED:
                return new Sample(new SupportLevelChanged(LEVEL_CHANGE, PUPIL, SCHOOL, SupportLevel.LEVEL_4,
                        SupportCategory.EXTRA, SupportLevel.LEVEL_3,
                        List.of(SupportDomain.READING, SupportDomain.BEHAVIOUR), null, DATE), pupil, SCHOOL);
            case EXTRA_SUPPORT_STARTED:
                return new Sample(new ExtraSupportStarted(PUPIL, SCHOOL, LEVEL_CHANGE, DATE), pupil, SCHOOL);
            case INTERVENTION_RECORDED:
                // pre-teaching in reading at level 2, a block of 6 weeks, not evaluated yet
                return new Sample(new InterventionChanged(INTERVENTION, PUPIL, SCHOOL, SupportDomain.READING,
                        SupportLevel.LEVEL_2, InterventionKind.PRE_TEACHING, LocalDate.of(2025, 10, 6),
                        LocalDate.of(2025, 11, 14), null, DATE), pupil, SCHOOL);
            case INTERVENTION_EVALUATED:
                return new Sample(new InterventionChanged(INTERVENTION, PUPIL, SCHOOL, SupportDomain.READING,
                        SupportLevel.LEVEL_2, InterventionKind.PRE_TEACHING, LocalDate.of(2025, 10, 6),
                        LocalDate.of(2025, 11, 14), InterventionEffect.PARTLY_ACHIEVED, LocalDate.of(2025, 11, 17)),
                        pupil, SCHOOL);
            case ACTION_PLAN_STARTED:
                return new Sample(new ActionPlanChanged(ACTION_PLAN, PUPIL, SCHOOL, SupportDomain.MATHS,
                        LocalDate.of(2025, 10, 6), null, LocalDate.of(2025, 10, 6)), pupil, SCHOOL);
            case ACTION_PLAN_ENDED:
                return new Sample(new ActionPlanChanged(ACTION_PLAN, PUPIL, SCHOOL, SupportDomain.MATHS,
                        LocalDate.of(2025, 10, 6), LocalDate.of(2026, 1, 30), LocalDate.of(2026, 1, 30)), pupil,
                        SCHOOL);
            case SUPPORT_SIGNAL_RAISED:
                // the third reading intervention evaluated NOT_ACHIEVED this school year, still at LEVEL_2
                return new Sample(new SupportSignal(PUPIL, SCHOOL, SupportSignalKind.NO_CHANGE_OF_COURSE,
                        SupportDomain.READING, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 19)), pupil, SCHOOL);
            case SUPPORT_SIGNAL_RESOLVED:
                // at LEVEL_4 since DATE, more than 6 weeks later the OPP is established
                return new Sample(new SupportSignal(PUPIL, SCHOOL, SupportSignalKind.LEVEL_4_WITHOUT_OPP, null, DATE,
                        LocalDate.of(2025, 11, 20)), pupil, SCHOOL);
            case ARRANGEMENT_STARTED:
                return new Sample(new ArrangementChanged(ARRANGEMENT, PUPIL, SCHOOL,
                        ArrangementKind.INDIVIDUAL_SUPPORT, FundingSource.SWV, LocalDate.of(2025, 10, 6), null,
                        LocalDate.of(2025, 10, 6)), pupil, SCHOOL);
            case ARRANGEMENT_ENDED:
                return new Sample(new ArrangementChanged(ARRANGEMENT, PUPIL, SCHOOL,
                        ArrangementKind.INDIVIDUAL_SUPPORT, FundingSource.SWV, LocalDate.of(2025, 10, 6),
                        LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 10)), pupil, SCHOOL);
            case MEETING_HELD:
                return new Sample(new MeetingHeld(MEETING, SCHOOL, MeetingType.SCHOOL_SUPPORT_TEAM, 3, 1,
                        MEETING_DATE), MEETING.toString(), SCHOOL);
            case CASE_DISCUSSED:
                // the case the parents were asked consent for (TEAM_CONSENT_REQUESTED), discussed by name
                return new Sample(new CaseDiscussed(MEETING_CASE, MEETING, PUPIL, SCHOOL,
                        MeetingType.SCHOOL_SUPPORT_TEAM, true, MEETING_DATE), pupil, SCHOOL);
            case CASE_DECISION_RECORDED:
                // the arrangement of ARRANGEMENT_STARTED
                return new Sample(new CaseDecisionRecorded(MEETING_CASE, MEETING, PUPIL, SCHOOL,
                        MeetingType.SCHOOL_SUPPORT_TEAM, CaseDecision.START_ARRANGEMENT, MEETING_DATE), pupil,
                        SCHOOL);
            case TLV_REQUESTED:
                return new Sample(new TlvChanged(TLV, PUPIL, SCHOOL, SWV, TlvTarget.SBO, null, null, null, null, null,
                        LocalDate.of(2025, 11, 24)), pupil, SCHOOL);
            case TLV_DECIDED:
                // granted for the SBO the pupil leaves for (PUPIL_LEFT), until the end of the next school year
                return new Sample(new TlvChanged(TLV, PUPIL, SCHOOL, SWV, TlvTarget.SBO, TlvOutcome.GRANTED,
                        TlvCategory.SBO, SWV, LocalDate.of(2026, 2, 1), LocalDate.of(2027, 7, 31),
                        LocalDate.of(2026, 1, 12)), pupil, SCHOOL);
            case TEAM_SIGNAL_RAISED:
                // an action item of the case due on 17 October and not done
                return new Sample(new TeamSignal(PUPIL, SCHOOL, TeamSignalKind.ACTION_ITEM_OVERDUE, ACTION_ITEM,
                        LocalDate.of(2025, 10, 18), LocalDate.of(2025, 10, 18)), pupil, SCHOOL);
            case TEAM_SIGNAL_RESOLVED:
                // discussed a third time without a change of approach on 12 June; resolved by the decision
                // to start an arrangement (CASE_DECISION_RECORDED)
                return new Sample(new TeamSignal(PUPIL, SCHOOL, TeamSignalKind.DISCUSSED_REPEATEDLY, null,
                        LocalDate.of(2025, 6, 12), MEETING_DATE), pupil, SCHOOL);
            case OPP_DRAFTED:
                return oppSample(OppStatus.DRAFT, null, LocalDate.of(2025, 9, 24));
            case OPP_IN_DIALOGUE:
                return oppSample(OppStatus.IN_DIALOGUE, null, DATE);
            case OPP_CONSENTED:
                return oppSample(OppStatus.CONSENTED, null, LocalDate.of(2025, 10, 14));
            case OPP_ESTABLISHED:
                return oppSample(OppStatus.ESTABLISHED, null, LocalDate.of(2025, 10, 20));
            case OPP_EVALUATED:
                return oppSample(OppStatus.EVALUATED, null, LocalDate.of(2026, 3, 16));
            case OPP_CONSENT_WITHDRAWN:
                // OppStatus has no code of its own for a withdrawn consent: the version stays established.
                return oppSample(OppStatus.ESTABLISHED, null, LocalDate.of(2026, 4, 2));
            case OPP_CLOSED:
                return oppSample(OppStatus.CLOSED, OppCloseReason.NO_LONGER_NEEDED, LocalDate.of(2026, 7, 10));
            case OPP_OVERDUE:
                // extra support started on DATE, no OPP drafted 6 weeks later
                return new Sample(new OppOverdue(PUPIL, SCHOOL, null, OppDueKind.ESTABLISHMENT,
                        LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 13)), pupil, SCHOOL);
            case OPP_OVERDUE_RESOLVED:
                return new Sample(new OppOverdue(PUPIL, SCHOOL, PLAN, OppDueKind.ESTABLISHMENT,
                        LocalDate.of(2025, 11, 12), LocalDate.of(2025, 11, 20)), pupil, SCHOOL);
            default:
                throw new AssertionError("no sample for event type " + type
                        + ": add one to EventSchemaTest.sample(...) and a schema " + type.schemaFile());
        }
    }

    /** Version 3 of the sample pupil's OPP, the one the OPP consent samples are about. */
    private static Sample oppSample(OppStatus status, OppCloseReason closeReason, LocalDate effectiveDate) {
        return new Sample(new OppChanged(PLAN, PUPIL, SCHOOL, 3, status, ExpectedDestination.VMBO_KB, closeReason,
                effectiveDate), PUPIL.toString(), SCHOOL);
    }

    /** The service that owns the topic: each topic has exactly one writer. */
    static String source(EventType type) {
        return switch (type.topic()) {
            case Topics.PUPIL -> "/pupil-service";
            case Topics.SUPPORT -> "/support-level-service";
            case Topics.OPP -> "/opp-service";
            case Topics.TEAM -> "/support-team-service";
            case Topics.CONSENT -> "/consent-service";
            default -> throw new AssertionError("no writer known for topic " + type.topic());
        };
    }

    static EventEnvelope envelope(EventType type) {
        Sample sample = sample(type);
        return EventJson.envelope(type, source(type), sample.subject(), sample.schoolCode(), sample.payload(),
                Instant.now());
    }

    /** The envelope exactly as it goes on the wire. */
    static ObjectNode wire(EventType type) {
        return (ObjectNode) readTree(EventJson.write(envelope(type)));
    }

    static ObjectNode wireData(EventType type) {
        return (ObjectNode) wire(type).get("data");
    }

    // ---- the samples satisfy the contract -------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypesEnvelopeAndDataSatisfyTheirSchemas(EventType type) {
        ObjectNode event = wire(type);

        assertValid(ENVELOPE_SCHEMA, event);
        assertValid(type.schemaFile(), event.get("data"));
        assertEquals(type.type(), event.get("type").asText());
        assertEquals(sample(type).subject(), event.get("subject").asText());
    }

    /** Except where a rule of the schema requires the field (see {@link #conditionallyRequired}). */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyNullableFieldMayBeNull(EventType type) {
        JsonNode schema = schemaJson(type.schemaFile());
        Set<String> conditional = conditionallyRequired(schema);
        JsonNode properties = schema.get("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (allowsNull(field.getValue()) && !conditional.contains(field.getKey())) {
                ObjectNode data = wireData(type);
                data.putNull(field.getKey());
                assertValid(type.schemaFile(), data);
            }
        }
    }

    /**
     * The fields an {@code if}/{@code then} rule of the schema requires, such as a SupportSignal's domain for
     * NO_CHANGE_OF_COURSE; the rule's own test checks when they may be null.
     */
    private static Set<String> conditionallyRequired(JsonNode schema) {
        Set<String> fields = new TreeSet<>();
        schema.path("allOf").forEach(rule -> rule.path("then").path("required").forEach(f -> fields.add(f.asText())));
        return fields;
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySampleRoundTripsThroughEventJson(EventType type) {
        EventEnvelope sent = envelope(type);

        EventEnvelope received = EventJson.read(EventJson.write(sent));

        assertEquals(sent, received);
        assertEquals(sample(type).payload(), EventJson.data(received, type.payloadType()));
        assertEquals(type, EventType.byType(received.type()).orElseThrow());
    }

    // ---- the payload schemas bite ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aNameInTheDataIsRejected(EventType type) {
        ObjectNode data = wireData(type);
        data.put("name", "Sanne de Vries");

        assertInvalid(type.schemaFile(), data, "name");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRequiredFieldIsRequired(EventType type) {
        JsonNode required = schemaJson(type.schemaFile()).get("required");
        assertNotNull(required, type.schemaFile() + " lists no required fields");
        assertTrue(contains(required, "effectiveDate"), type.schemaFile() + " must require effectiveDate");

        for (JsonNode field : required) {
            ObjectNode data = wireData(type);
            assertNotNull(data.remove(field.asText()), "the sample of " + type + " lacks " + field);
            assertInvalid(type.schemaFile(), data, field.asText());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aFieldThatIsNotNullableRejectsNull(EventType type) {
        JsonNode required = schemaJson(type.schemaFile()).get("required");
        for (JsonNode field : required) {
            ObjectNode data = wireData(type);
            data.putNull(field.asText());
            assertInvalid(type.schemaFile(), data, field.asText());
        }
    }

    static Stream<Arguments> valuesOutsideTheCodeLists() {
        return Stream.of(
                Arguments.of(EventType.SCHOOL_REGISTERED, "/schoolType", "VO"),
                Arguments.of(EventType.PUPIL_LEFT, "/destination", "UNKNOWN"),
                Arguments.of(EventType.PUPIL_LEFT, "/destination", "sbo"),
                Arguments.of(EventType.PROFESSIONAL_LINKED, "/discipline", "PLUMBER"),
                Arguments.of(EventType.OPP_CONSENT_REQUESTED, "/purpose", "MARKETING"),
                Arguments.of(EventType.TEAM_CONSENT_REQUESTED, "/subject/type", "INVOICE"),
                Arguments.of(EventType.CONSENT_DECIDED, "/purpose", "MARKETING"),
                Arguments.of(EventType.CONSENT_DECIDED, "/outcome", "MAYBE"),
                Arguments.of(EventType.CONSENT_DECIDED, "/subject/type", "SCHOOL"),
                // OPEN is a code of ConsentOutcome but is never published.
                Arguments.of(EventType.CONSENT_DECIDED, "/outcome", "OPEN"),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/level", "LEVEL_5"),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/level", "level_4"),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/category", "SPECIAL"),
                // BASIC is a code of SupportCategory, but not the category of LEVEL_4.
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/category", "BASIC"),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/previousLevel", "LEVEL_0"),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/domains/1", "HANDWRITING"),
                Arguments.of(EventType.ARRANGEMENT_STARTED, "/kind", "THERAPY"),
                Arguments.of(EventType.ARRANGEMENT_ENDED, "/fundingSource", "MUNICIPALITY"),
                Arguments.of(EventType.MEETING_HELD, "/meetingType", "PARENT_EVENING"),
                Arguments.of(EventType.MEETING_HELD, "/meetingType", "bot"),
                Arguments.of(EventType.CASE_DISCUSSED, "/meetingType", "OT"),
                Arguments.of(EventType.CASE_DECISION_RECORDED, "/decision", "EXPEL"),
                Arguments.of(EventType.CASE_DECISION_RECORDED, "/decision", "request_tlv"),
                Arguments.of(EventType.CASE_DECISION_RECORDED, "/meetingType", "MDO"),
                Arguments.of(EventType.TLV_REQUESTED, "/target", "VSO"),
                // SO_LOW is a code of TlvCategory, not of TlvTarget.
                Arguments.of(EventType.TLV_REQUESTED, "/target", "SO_LOW"),
                Arguments.of(EventType.TLV_DECIDED, "/outcome", "PENDING"),
                Arguments.of(EventType.TLV_DECIDED, "/outcome", "granted"),
                Arguments.of(EventType.TLV_DECIDED, "/category", "SO_EXTRA"),
                // SO_HIGH is a code of TlvCategory, but not the category of an SBO TLV.
                Arguments.of(EventType.TLV_DECIDED, "/category", "SO_HIGH"),
                Arguments.of(EventType.TEAM_SIGNAL_RAISED, "/kind", "LEVEL_4_WITHOUT_OPP"),
                Arguments.of(EventType.TEAM_SIGNAL_RESOLVED, "/kind", "discussed_repeatedly"),
                Arguments.of(EventType.OPP_ESTABLISHED, "/status", "ARCHIVED"),
                Arguments.of(EventType.OPP_ESTABLISHED, "/expectedDestination", "MBO"),
                Arguments.of(EventType.OPP_CLOSED, "/closeReason", "MOVED_HOUSE"),
                // PUPIL_LEFT is a code of OppCloseReason, but a plan that is not closed has no close reason.
                Arguments.of(EventType.OPP_ESTABLISHED, "/closeReason", "PUPIL_LEFT"),
                Arguments.of(EventType.OPP_OVERDUE, "/kind", "CONSENT"),
                Arguments.of(EventType.OPP_OVERDUE_RESOLVED, "/kind", "evaluation"),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/kind", "HOMEWORK"),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/domain", "HANDWRITING"),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/level", "LEVEL_5"),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/effect", "UNKNOWN"),
                Arguments.of(EventType.INTERVENTION_EVALUATED, "/effect", "FAILED"),
                Arguments.of(EventType.INTERVENTION_EVALUATED, "/effect", "achieved"),
                Arguments.of(EventType.INTERVENTION_EVALUATED, "/kind", "pre_teaching"),
                Arguments.of(EventType.ACTION_PLAN_STARTED, "/domain", "SPELLING"),
                Arguments.of(EventType.ACTION_PLAN_ENDED, "/domain", "maths"),
                Arguments.of(EventType.SUPPORT_SIGNAL_RAISED, "/kind", "OPP_OVERDUE"),
                Arguments.of(EventType.SUPPORT_SIGNAL_RAISED, "/domain", "HANDWRITING"),
                Arguments.of(EventType.SUPPORT_SIGNAL_RESOLVED, "/kind", "level_4_without_opp"),
                // READING is a code of SupportDomain, but LEVEL_4_WITHOUT_OPP concerns no domain.
                Arguments.of(EventType.SUPPORT_SIGNAL_RESOLVED, "/domain", "READING"));
    }

    @ParameterizedTest
    @MethodSource("valuesOutsideTheCodeLists")
    void aCodeOutsideTheCodeListIsRejected(EventType type, String pointer, String value) {
        ObjectNode data = wireData(type);
        set(data, pointer, JsonNodeFactory.instance.textNode(value));

        assertInvalid(type.schemaFile(), data, fieldOf(pointer));
    }

    static Stream<Arguments> malformedValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of(EventType.PUPIL_ENROLLED, "/pupilId", f.textNode("12345")),
                Arguments.of(EventType.PUPIL_ENROLLED, "/pupilId", f.numberNode(12345)),
                Arguments.of(EventType.PUPIL_ENROLLED, "/effectiveDate", f.textNode("01-10-2025")),
                Arguments.of(EventType.PUPIL_ENROLLED, "/effectiveDate", f.textNode("2025-10-01T00:00:00Z")),
                Arguments.of(EventType.PUPIL_ENROLLED, "/groupYear", f.numberNode(9)),
                Arguments.of(EventType.PUPIL_ENROLLED, "/groupYear", f.textNode("3")),
                // a code field is no place for free text
                Arguments.of(EventType.PUPIL_UPDATED, "/schoolCode", f.textNode("Sanne de Vries")),
                Arguments.of(EventType.PUPIL_LEFT, "/destinationSchoolCode", f.textNode("De Regenboog")),
                Arguments.of(EventType.SCHOOL_CHANGED, "/boardCode", f.textNode("Stichting De Linde")),
                Arguments.of(EventType.SWV_CHANGED, "/swvCode", f.textNode("")),
                Arguments.of(EventType.GUARDIAN_ADDED, "/hasParentalAuthority", f.textNode("yes")),
                Arguments.of(EventType.CONSENT_DECIDED, "/subject/version", f.numberNode(0)),
                Arguments.of(EventType.CONSENT_DECIDED, "/subject/id", f.textNode("plan-3")),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/changeId", f.textNode("change-1")),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/correctsChangeId", f.textNode("12345")),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/domains", f.textNode("READING")),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/domains",
                        f.arrayNode().add("READING").add("READING")),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/domains", f.arrayNode().addNull()),
                Arguments.of(EventType.SUPPORT_LEVEL_CHANGED, "/effectiveDate", f.textNode("1 oktober 2025")),
                Arguments.of(EventType.EXTRA_SUPPORT_STARTED, "/changeId", f.numberNode(4)),
                Arguments.of(EventType.EXTRA_SUPPORT_STARTED, "/schoolCode", f.textNode("De Regenboog")),
                Arguments.of(EventType.ARRANGEMENT_STARTED, "/startDate", f.textNode("2025-10-06T08:30:00Z")),
                Arguments.of(EventType.ARRANGEMENT_ENDED, "/endDate", f.textNode("10-07-2026")),
                Arguments.of(EventType.ARRANGEMENT_ENDED, "/arrangementId", f.textNode("ARR-17")),
                Arguments.of(EventType.MEETING_HELD, "/meetingId", f.textNode("OT-2025-10-03")),
                Arguments.of(EventType.MEETING_HELD, "/namedCases", f.numberNode(-1)),
                Arguments.of(EventType.MEETING_HELD, "/anonymousCases", f.textNode("1")),
                Arguments.of(EventType.MEETING_HELD, "/anonymousCases", f.numberNode(1.5)),
                Arguments.of(EventType.MEETING_HELD, "/effectiveDate", f.textNode("2025-10-03T15:30:00Z")),
                Arguments.of(EventType.CASE_DISCUSSED, "/caseId", f.textNode("case-1")),
                Arguments.of(EventType.CASE_DISCUSSED, "/pupilId", f.textNode("leerling-17")),
                Arguments.of(EventType.CASE_DISCUSSED, "/named", f.textNode("true")),
                Arguments.of(EventType.CASE_DECISION_RECORDED, "/meetingId", f.numberNode(3)),
                Arguments.of(EventType.CASE_DECISION_RECORDED, "/pupilId", f.textNode("12345")),
                Arguments.of(EventType.CASE_DECISION_RECORDED, "/schoolCode", f.textNode("De Regenboog")),
                Arguments.of(EventType.TLV_REQUESTED, "/tlvId", f.textNode("TLV-2025-12")),
                Arguments.of(EventType.TLV_REQUESTED, "/swvCode", f.textNode("")),
                Arguments.of(EventType.TLV_DECIDED, "/issuingSwvCode", f.textNode("SWV Passend Onderwijs Utrecht")),
                Arguments.of(EventType.TLV_DECIDED, "/startDate", f.textNode("2026-02-01T00:00:00Z")),
                Arguments.of(EventType.TLV_DECIDED, "/endDate", f.textNode("31-07-2027")),
                Arguments.of(EventType.TEAM_SIGNAL_RAISED, "/actionItemId", f.textNode("AP-7")),
                Arguments.of(EventType.TEAM_SIGNAL_RAISED, "/since", f.textNode("oktober 2025")),
                Arguments.of(EventType.TEAM_SIGNAL_RESOLVED, "/pupilId", f.textNode("leerling-17")),
                Arguments.of(EventType.OPP_ESTABLISHED, "/version", f.numberNode(0)),
                Arguments.of(EventType.OPP_ESTABLISHED, "/version", f.textNode("3")),
                Arguments.of(EventType.OPP_ESTABLISHED, "/planId", f.textNode("OPP-2025-17")),
                Arguments.of(EventType.OPP_OVERDUE, "/planId", f.textNode("none")),
                Arguments.of(EventType.OPP_OVERDUE, "/dueDate", f.textNode("12-11-2025")),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/interventionId", f.textNode("INT-42")),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/startDate", f.textNode("6 oktober 2025")),
                Arguments.of(EventType.INTERVENTION_RECORDED, "/kind", f.numberNode(2)),
                Arguments.of(EventType.INTERVENTION_EVALUATED, "/endDate", f.textNode("2025-11-14T15:00:00Z")),
                Arguments.of(EventType.INTERVENTION_EVALUATED, "/schoolCode", f.textNode("De Regenboog")),
                Arguments.of(EventType.INTERVENTION_EVALUATED, "/effect", f.booleanNode(true)),
                Arguments.of(EventType.ACTION_PLAN_STARTED, "/actionPlanId", f.textNode("HP-2025-3")),
                Arguments.of(EventType.ACTION_PLAN_STARTED, "/pupilId", f.numberNode(12345)),
                Arguments.of(EventType.ACTION_PLAN_ENDED, "/endDate", f.textNode("30-01-2026")),
                Arguments.of(EventType.SUPPORT_SIGNAL_RAISED, "/since", f.textNode("januari 2026")),
                Arguments.of(EventType.SUPPORT_SIGNAL_RAISED, "/domain", f.arrayNode().add("READING")),
                Arguments.of(EventType.SUPPORT_SIGNAL_RESOLVED, "/pupilId", f.textNode("leerling-17")));
    }

    @ParameterizedTest
    @MethodSource("malformedValues")
    void aMalformedValueIsRejected(EventType type, String pointer, JsonNode value) {
        ObjectNode data = wireData(type);
        set(data, pointer, value);

        assertInvalid(type.schemaFile(), data, fieldOf(pointer));
    }

    /** A SupportLevelChanged's category is its level's, as {@link SupportLevel#category()} says. */
    @ParameterizedTest
    @EnumSource(SupportLevel.class)
    void theCategoryFollowsTheLevel(SupportLevel level) {
        String file = EventType.SUPPORT_LEVEL_CHANGED.schemaFile();
        for (SupportCategory category : SupportCategory.values()) {
            ObjectNode data = wireData(EventType.SUPPORT_LEVEL_CHANGED);
            data.put("level", level.name());
            data.put("category", category.name());
            if (category == level.category()) {
                assertValid(file, data);
            } else {
                assertInvalid(file, data, "category");
            }
        }
    }

    /** closeReason only for a closed plan; a closed plan may leave it null. */
    @ParameterizedTest
    @EnumSource(OppStatus.class)
    void aCloseReasonOnlyForAClosedPlan(OppStatus status) {
        String file = EventType.OPP_CLOSED.schemaFile();
        ObjectNode withReason = wireData(EventType.OPP_CLOSED);
        withReason.put("status", status.name());
        ObjectNode withoutReason = withReason.deepCopy();
        withoutReason.putNull("closeReason");

        assertValid(file, withoutReason);
        if (status == OppStatus.CLOSED) {
            assertValid(file, withReason);
        } else {
            assertInvalid(file, withReason, "closeReason");
        }
    }

    /** A SupportSignal names a domain for NO_CHANGE_OF_COURSE, and only then: null or absent otherwise. */
    @ParameterizedTest
    @EnumSource(SupportSignalKind.class)
    void theSignalsDomainFollowsItsKind(SupportSignalKind kind) {
        String file = EventType.SUPPORT_SIGNAL_RAISED.schemaFile();
        ObjectNode withDomain = wireData(EventType.SUPPORT_SIGNAL_RAISED);
        withDomain.put("kind", kind.name());
        withDomain.put("domain", SupportDomain.MATHS.name());
        ObjectNode nullDomain = withDomain.deepCopy();
        nullDomain.putNull("domain");
        ObjectNode noDomain = withDomain.deepCopy();
        noDomain.remove("domain");

        if (kind == SupportSignalKind.NO_CHANGE_OF_COURSE) {
            assertValid(file, withDomain);
            assertInvalid(file, nullDomain, "domain");
            assertInvalid(file, noDomain, "domain");
        } else {
            assertInvalid(file, withDomain, "domain");
            assertValid(file, nullDomain);
            assertValid(file, noDomain);
        }
    }

    /** A case discussed by name names its pupil; an anonymous case has none, null or absent. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCaseNamesItsPupilExactlyWhenDiscussedByName(boolean named) {
        String file = EventType.CASE_DISCUSSED.schemaFile();
        ObjectNode withPupil = wireData(EventType.CASE_DISCUSSED);
        withPupil.put("named", named);
        ObjectNode nullPupil = withPupil.deepCopy();
        nullPupil.putNull("pupilId");
        ObjectNode noPupil = withPupil.deepCopy();
        noPupil.remove("pupilId");

        if (named) {
            assertValid(file, withPupil);
            assertInvalid(file, nullPupil, "pupilId");
            assertInvalid(file, noPupil, "pupilId");
        } else {
            assertInvalid(file, withPupil, "pupilId");
            assertValid(file, nullPupil);
            assertValid(file, noPupil);
        }
    }

    /** An anonymous case and a decision about it carry no pupil and are keyed by the case id. */
    @Test
    void anAnonymousCaseAndItsDecisionAreValidAndRoundTrip() {
        String key = ANONYMOUS_CASE.toString();
        CaseDiscussed discussed = new CaseDiscussed(ANONYMOUS_CASE, MEETING, null, SCHOOL,
                MeetingType.SCHOOL_SUPPORT_TEAM, false, MEETING_DATE);
        CaseDecisionRecorded decided = new CaseDecisionRecorded(ANONYMOUS_CASE, MEETING, null, SCHOOL,
                MeetingType.SCHOOL_SUPPORT_TEAM, CaseDecision.OBSERVE, MEETING_DATE);

        for (EventPayload payload : List.<EventPayload>of(discussed, decided)) {
            EventType type = payload instanceof CaseDiscussed ? EventType.CASE_DISCUSSED
                    : EventType.CASE_DECISION_RECORDED;
            EventEnvelope sent = EventJson.envelope(type, "/support-team-service", key, SCHOOL, payload, Instant.now());
            ObjectNode event = (ObjectNode) readTree(EventJson.write(sent));

            assertValid(ENVELOPE_SCHEMA, event);
            assertValid(type.schemaFile(), event.get("data"));
            assertTrue(event.get("data").get("pupilId").isNull(), type + " writes the absent pupil as null");
            assertEquals(payload, EventJson.data(EventJson.read(event.toString()), type.payloadType()));
        }
    }

    /**
     * A GRANTED TLV carries its category, the issuing SWV and its start and end date; a REFUSED one the
     * issuing SWV and none of the others.
     */
    @ParameterizedTest
    @EnumSource(TlvOutcome.class)
    void aDecidedTlvCarriesWhatItsOutcomeRequires(TlvOutcome outcome) {
        String file = EventType.TLV_DECIDED.schemaFile();
        ObjectNode complete = wireData(EventType.TLV_DECIDED);
        complete.put("outcome", outcome.name());
        ObjectNode issuerOnly = complete.deepCopy();
        List<String> grantedOnly = List.of("category", "startDate", "endDate");
        grantedOnly.forEach(issuerOnly::putNull);

        for (ObjectNode shape : List.of(complete, issuerOnly)) {
            ObjectNode nullIssuer = shape.deepCopy();
            nullIssuer.putNull("issuingSwvCode");
            assertInvalid(file, nullIssuer, "issuingSwvCode");
            ObjectNode noIssuer = shape.deepCopy();
            noIssuer.remove("issuingSwvCode");
            assertInvalid(file, noIssuer, "issuingSwvCode");
        }
        if (outcome == TlvOutcome.GRANTED) {
            assertValid(file, complete);
            for (String field : grantedOnly) {
                ObjectNode nullField = complete.deepCopy();
                nullField.putNull(field);
                assertInvalid(file, nullField, field);
                ObjectNode noField = complete.deepCopy();
                noField.remove(field);
                assertInvalid(file, noField, field);
            }
        } else {
            assertValid(file, issuerOnly);
            ObjectNode absent = issuerOnly.deepCopy();
            grantedOnly.forEach(absent::remove);
            assertValid(file, absent);
            for (String field : grantedOnly) {
                ObjectNode withField = issuerOnly.deepCopy();
                withField.set(field, complete.get(field));
                assertInvalid(file, withField, field);
            }
        }
    }

    /** A request carries no outcome, and so no issuing SWV, category or dates: those come with a decision. */
    @Test
    void aRequestedTlvCarriesNothingOfADecision() {
        String file = EventType.TLV_REQUESTED.schemaFile();
        ObjectNode requested = wireData(EventType.TLV_REQUESTED);
        ObjectNode decided = wireData(EventType.TLV_DECIDED);
        List<String> decisionFields = List.of("outcome", "category", "issuingSwvCode", "startDate", "endDate");
        ObjectNode absent = requested.deepCopy();
        decisionFields.forEach(absent::remove);

        assertValid(file, requested);
        assertValid(file, absent);
        for (String field : decisionFields.subList(1, decisionFields.size())) {
            ObjectNode withField = requested.deepCopy();
            withField.set(field, decided.get(field));
            assertInvalid(file, withField, "outcome");
        }
    }

    /** A TLV's category is of its target, as {@link TlvCategory#target()} says. */
    @ParameterizedTest
    @EnumSource(TlvTarget.class)
    void theTlvCategoryFollowsTheTarget(TlvTarget target) {
        String file = EventType.TLV_DECIDED.schemaFile();
        for (TlvCategory category : TlvCategory.values()) {
            ObjectNode data = wireData(EventType.TLV_DECIDED);
            data.put("target", target.name());
            data.put("category", category.name());
            if (category.target() == target) {
                assertValid(file, data);
            } else {
                assertInvalid(file, data, "category");
            }
        }
    }

    /** A TeamSignal names an action item for ACTION_ITEM_OVERDUE, and only then: null or absent otherwise. */
    @ParameterizedTest
    @EnumSource(TeamSignalKind.class)
    void theTeamSignalsActionItemFollowsItsKind(TeamSignalKind kind) {
        String file = EventType.TEAM_SIGNAL_RAISED.schemaFile();
        ObjectNode withItem = wireData(EventType.TEAM_SIGNAL_RAISED);
        withItem.put("kind", kind.name());
        ObjectNode nullItem = withItem.deepCopy();
        nullItem.putNull("actionItemId");
        ObjectNode noItem = withItem.deepCopy();
        noItem.remove("actionItemId");

        if (kind == TeamSignalKind.ACTION_ITEM_OVERDUE) {
            assertValid(file, withItem);
            assertInvalid(file, nullItem, "actionItemId");
            assertInvalid(file, noItem, "actionItemId");
        } else {
            assertInvalid(file, withItem, "actionItemId");
            assertValid(file, nullItem);
            assertValid(file, noItem);
        }
    }

    @Test
    void anOpenEndedInterventionEvaluatedWithEachEffectIsValidAndRoundTrips() {
        for (InterventionEffect effect : InterventionEffect.values()) {
            InterventionChanged payload = new InterventionChanged(INTERVENTION, PUPIL, SCHOOL,
                    SupportDomain.BEHAVIOUR, SupportLevel.LEVEL_3, InterventionKind.BEHAVIOUR_COACHING,
                    LocalDate.of(2025, 9, 8), null, effect, LocalDate.of(2025, 12, 15));
            EventEnvelope sent = EventJson.envelope(EventType.INTERVENTION_EVALUATED, "/support-level-service",
                    PUPIL.toString(), SCHOOL, payload, Instant.now());
            ObjectNode event = (ObjectNode) readTree(EventJson.write(sent));

            assertValid(ENVELOPE_SCHEMA, event);
            assertValid(EventType.INTERVENTION_EVALUATED.schemaFile(), event.get("data"));
            assertEquals(payload, EventJson.data(EventJson.read(event.toString()), InterventionChanged.class));
        }
    }

    @Test
    void aFirstLevelWithoutDomainsAndACorrectionAreValidAndRoundTrip() {
        SupportLevelChanged first = new SupportLevelChanged(EARLIER_LEVEL_CHANGE, PUPIL, SCHOOL, SupportLevel.LEVEL_1,
                SupportCategory.BASIC, null, List.of(), null, LocalDate.of(2025, 8, 25));
        UUID correctionId = UUID.fromString("d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a");
        SupportLevelChanged correction = new SupportLevelChanged(correctionId, PUPIL, SCHOOL, SupportLevel.LEVEL_3,
                SupportCategory.BASIC, SupportLevel.LEVEL_2, List.of(SupportDomain.MATHS), LEVEL_CHANGE, DATE);

        for (SupportLevelChanged payload : List.of(first, correction)) {
            EventEnvelope sent = EventJson.envelope(EventType.SUPPORT_LEVEL_CHANGED, "/support-level-service",
                    PUPIL.toString(), SCHOOL, payload, Instant.now());
            ObjectNode event = (ObjectNode) readTree(EventJson.write(sent));

            assertValid(ENVELOPE_SCHEMA, event);
            assertValid(EventType.SUPPORT_LEVEL_CHANGED.schemaFile(), event.get("data"));
            assertEquals(payload, EventJson.data(EventJson.read(event.toString()), SupportLevelChanged.class));
        }
    }

    @Test
    void aSubjectRefWithAnExtraPropertyOrWithoutVersionIsRejected() {
        ObjectNode extra = wireData(EventType.OPP_CONSENT_REQUESTED);
        ((ObjectNode) extra.get("subject")).put("title", "OPP van Sanne");
        assertInvalid(EventType.OPP_CONSENT_REQUESTED.schemaFile(), extra, "title");

        ObjectNode missing = wireData(EventType.CONSENT_DECIDED);
        ((ObjectNode) missing.get("subject")).remove("version");
        assertInvalid(EventType.CONSENT_DECIDED.schemaFile(), missing, "version");
    }

    // ---- the envelope schema bites --------------------------------------------------------------

    static Stream<Arguments> brokenEnvelopes() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of("pupilName", f.textNode("Sanne de Vries")),
                Arguments.of("specversion", f.textNode("0.3")),
                Arguments.of("specversion", null),
                Arguments.of("id", null),
                Arguments.of("id", f.textNode("")),
                Arguments.of("source", null),
                Arguments.of("type", null),
                Arguments.of("type", f.textNode("PupilEnrolled")),
                Arguments.of("subject", null),
                Arguments.of("data", null),
                Arguments.of("data", f.textNode("{\"pupilId\":\"7f3c2a9e-5d41-4b8a-9c0e-2f6d8a1b3c4d\"}")),
                Arguments.of("time", f.textNode("1 oktober 2025")),
                Arguments.of("schoolcode", f.textNode("De Regenboog")),
                Arguments.of("datacontenttype", f.textNode("text/plain")));
    }

    /** {@code value} null: the attribute is left out. */
    @ParameterizedTest
    @MethodSource("brokenEnvelopes")
    void aBrokenEnvelopeIsRejected(String attribute, JsonNode value) {
        ObjectNode event = wire(EventType.PUPIL_ENROLLED);
        if (value == null) {
            event.remove(attribute);
        } else {
            event.set(attribute, value);
        }

        assertInvalid(ENVELOPE_SCHEMA, event, attribute);
    }

    @Test
    void anEnvelopeWithoutTheOptionalSchoolcodeIsValid() {
        ObjectNode event = wire(EventType.SWV_REGISTERED);

        assertFalse(event.has("schoolcode"), "an SWV is no school's data: no tenant");
        assertValid(ENVELOPE_SCHEMA, event);
    }

    // ---- reading what is not an event -----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "null",
        "[]",
        "{}",
        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\"",
        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"nl.passend.pupil.left.v1\",\"subject\":\"p\"}",
        "{\"id\":\"1\",\"source\":\"/x\",\"type\":\"nl.passend.pupil.left.v1\",\"subject\":\"p\",\"data\":{}}",
        "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"nl.passend.pupil.left.v1\",\"subject\":\"p\",\"data\":{}}",
        "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"subject\":\"p\",\"time\":\"yesterday\",\"data\":{}}"
    })
    void readingGarbageThrowsMalformedEvent(String json) {
        assertThrows(MalformedEventException.class, () -> EventJson.read(json));
    }

    @Test
    void dataThatDoesNotFitTheRecordThrowsMalformedEvent() {
        ObjectNode event = wire(EventType.PUPIL_LEFT);
        ((ObjectNode) event.get("data")).put("destination", "PRISON");
        EventEnvelope envelope = EventJson.read(event.toString());

        assertThrows(MalformedEventException.class, () -> EventJson.data(envelope, PupilLeft.class));
    }

    @Test
    void anEnvelopeRefusesAPayloadOfAnotherType() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.envelope(EventType.PUPIL_LEFT, "/pupil-service",
                PUPIL.toString(), SCHOOL, new PupilErased(PUPIL, SCHOOL, DATE), Instant.now()));
    }

    // ---- schemas, records and the AsyncAPI document do not drift --------------------------------

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(schemaFolder())) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(files.stream().allMatch(f -> f.endsWith(".schema.json")), "not a schema file in " + files);
        assertTrue(files.remove(ENVELOPE_SCHEMA), "the envelope schema is missing: " + files);

        Set<String> referenced = Arrays.stream(EventType.values()).map(EventType::schemaFile)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(referenced, files, "schema files and EventType payloads must match one to one");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaDescribesExactlyThePayloadRecord(EventType type) {
        JsonNode schema = schemaJson(type.schemaFile());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertTrue(schema.path("description").asText().contains("ids and codes only"),
                type.schemaFile() + " must say it carries ids and codes only");
        assertRecordMatches(type.payloadType(), schema, schema, type.schemaFile());
    }

    @Test
    void theAsyncApiDocumentDescribesEveryEventType() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("Passend events", doc.path("info").path("title").asText());

        Map<String, String> topicOfChannel = new LinkedHashMap<>();
        doc.path("channels").fields().forEachRemaining(c -> topicOfChannel.put(c.getKey(),
                c.getValue().path("address").asText()));
        assertEquals(new TreeSet<>(Topics.ALL), new TreeSet<>(topicOfChannel.values()));

        Map<String, JsonNode> messageOfType = new LinkedHashMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(m -> {
            String type = m.getValue().path("x-cloudevents-type").asText();
            assertTrue(m.getValue().path("description").asText().contains(type), m.getKey() + " must name its type");
            assertFalse(messageOfType.containsKey(type), "two messages for " + type);
            messageOfType.put(type, m.getValue());
        });
        assertEquals(Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet()),
                messageOfType.keySet(), "one AsyncAPI message per EventType");

        Path specs = ASYNCAPI.getParent();
        for (EventType type : EventType.values()) {
            JsonNode allOf = messageOfType.get(type.type()).path("payload").path("allOf");
            assertEquals("../events/" + ENVELOPE_SCHEMA, allOf.path(0).path("$ref").asText(), type.type());
            JsonNode properties = allOf.path(1).path("properties");
            assertEquals(type.type(), properties.path("type").path("const").asText());
            String dataRef = properties.path("data").path("$ref").asText();
            assertEquals("../events/" + type.schemaFile(), dataRef, type.type());
            assertTrue(Files.isRegularFile(specs.resolve(dataRef)), dataRef);

            String channel = channelCarrying(doc, type.type());
            assertEquals(type.topic(), topicOfChannel.get(channel), type + " is on the wrong channel");
        }

        doc.path("operations").fields().forEachRemaining(op -> {
            String channelRef = op.getValue().path("channel").path("$ref").asText();
            assertTrue(channelRef.startsWith("#/channels/"), op.getKey());
            String channel = channelRef.substring("#/channels/".length());
            assertTrue(topicOfChannel.containsKey(channel), op.getKey() + " uses unknown channel " + channel);
            for (JsonNode message : op.getValue().path("messages")) {
                String ref = message.path("$ref").asText();
                assertTrue(ref.startsWith(channelRef + "/messages/"), op.getKey() + ": " + ref);
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                assertTrue(doc.path("channels").path(channel).path("messages").has(name), op.getKey() + ": " + ref);
            }
        });
    }

    private static String channelCarrying(JsonNode doc, String cloudEventType) {
        List<String> channels = new ArrayList<>();
        doc.path("channels").fields().forEachRemaining(c -> c.getValue().path("messages").forEach(m -> {
            String ref = m.path("$ref").asText();
            JsonNode message = doc.path("components").path("messages").path(ref.substring(ref.lastIndexOf('/') + 1));
            if (cloudEventType.equals(message.path("x-cloudevents-type").asText())) {
                channels.add(c.getKey());
            }
        }));
        assertEquals(1, channels.size(), cloudEventType + " must be on exactly one channel: " + channels);
        return channels.get(0);
    }

    /** Property names, JSON types, formats, code lists and required-ness follow the record's components. */
    private static void assertRecordMatches(Class<?> record, JsonNode objectSchema, JsonNode root, String where) {
        assertTrue(record.isRecord(), where + ": " + record + " is not a record");
        assertEquals("object", objectSchema.path("type").asText(), where);
        assertFalse(objectSchema.path("additionalProperties").asBoolean(true),
                where + " must set additionalProperties: false");

        JsonNode properties = objectSchema.path("properties");
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(r -> required.add(r.asText()));
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            String at = where + " " + name;
            components.add(name);
            JsonNode property = properties.get(name);
            assertNotNull(property, at + " is missing from the schema");
            Class<?> javaType = component.getType();

            if (javaType.isPrimitive()) {
                assertTrue(required.contains(name), at + " is a primitive: it must be required");
                assertFalse(allowsNull(property), at + " is a primitive: it cannot be null");
            }
            if (javaType.isRecord()) {
                String ref = property.path("$ref").asText();
                assertEquals("#/$defs/" + javaType.getSimpleName(), ref, at);
                assertTrue(required.contains(name), at + ": a nested record must be required");
                assertRecordMatches(javaType, root.path("$defs").path(javaType.getSimpleName()), root, at);
                continue;
            }
            if (javaType == List.class) {
                assertEquals("array", nonNullType(property), at + " has the wrong type");
                assertTrue(property.path("uniqueItems").asBoolean(false), at + " lists each code at most once");
                assertFalse(allowsNull(property.path("items")), at + ": a list has no null elements");
                assertElementMatches(elementType(component), property.path("items"), at + "[]");
            } else {
                assertElementMatches(javaType, property, at);
            }
            if (required.contains(name)) {
                assertFalse(allowsNull(property), at + " is required and must not be nullable");
            } else {
                assertTrue(allowsNull(property), at + " is optional: it must allow null, as the record writes it");
            }
            if (((javaType == UUID.class && name.endsWith("Id") && !name.equals("accountId"))
                    || name.equals("schoolCode") || name.equals("effectiveDate"))
                    && !NULLABLE_IDS.contains(record.getSimpleName() + "." + name)) {
                assertTrue(required.contains(name), at + " must be required");
            }
            if (NULLABLE_IDS.contains(record.getSimpleName() + "." + name)) {
                assertTrue(allowsNull(property), at + " is one of the ids that may be null");
            }
        }
        Set<String> listed = new TreeSet<>();
        properties.fieldNames().forEachRemaining(listed::add);
        assertEquals(components, listed, where + ": schema properties and record components differ");
        assertTrue(components.containsAll(required), where + ": requires a field the record lacks");
    }

    /** A single value's JSON type, format and code list follow its Java type. */
    private static void assertElementMatches(Class<?> javaType, JsonNode property, String at) {
        assertEquals(jsonType(javaType), nonNullType(property), at + " has the wrong type");
        if (javaType == UUID.class) {
            assertEquals("uuid", property.path("format").asText(), at);
        } else if (javaType == LocalDate.class) {
            assertEquals("date", property.path("format").asText(), at);
        } else if (javaType.isEnum()) {
            List<String> constants = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .toList();
            List<String> listed = new ArrayList<>();
            property.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    listed.add(v.asText());
                }
            });
            assertEquals(constants, listed, at + " must list exactly the constants of " + javaType.getSimpleName());
        }
    }

    /** The element type of a {@code List<X>} component. */
    private static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        assertTrue(generic instanceof ParameterizedType, component + " must say what it lists");
        Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
        assertTrue(element instanceof Class<?>, component + " must list a plain type");
        return (Class<?>) element;
    }

    private static String jsonType(Class<?> javaType) {
        if (javaType == String.class || javaType == UUID.class || javaType == LocalDate.class || javaType.isEnum()) {
            return "string";
        }
        if (javaType == int.class || javaType == Integer.class || javaType == long.class || javaType == Long.class) {
            return "integer";
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return "boolean";
        }
        return fail("no JSON type known for " + javaType);
    }

    private static String nonNullType(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    types.add(t.asText());
                }
            });
            assertEquals(1, types.size(), "one type besides null: " + type);
            return types.get(0);
        }
        return type.asText();
    }

    private static boolean allowsNull(JsonNode property) {
        return contains(property.path("type"), "null");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void assertValid(String schemaFile, JsonNode node) {
        Set<ValidationMessage> messages = schema(schemaFile).validate(node);
        assertTrue(messages.isEmpty(), () -> schemaFile + " rejects " + node + ": " + messages);
    }

    /** Invalid, and for the expected reason: some message names {@code field}. */
    private static void assertInvalid(String schemaFile, JsonNode node, String field) {
        Set<ValidationMessage> messages = schema(schemaFile).validate(node);
        assertFalse(messages.isEmpty(), () -> schemaFile + " accepts " + node);
        assertTrue(messages.stream().anyMatch(m -> m.getMessage().contains(field)),
                () -> schemaFile + " rejects " + node + " but not because of " + field + ": " + messages);
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file,
                f -> FACTORY.getSchema(SchemaLocation.of("classpath:" + SCHEMA_FOLDER + "/" + f), CONFIG));
    }

    private static JsonNode schemaJson(String file) {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA_FOLDER + "/" + file)) {
            assertNotNull(in, "no schema " + file + " on the test classpath (api-specs/events/)");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path schemaFolder() {
        URL url = EventSchemaTest.class.getClassLoader().getResource(SCHEMA_FOLDER);
        assertNotNull(url, "no " + SCHEMA_FOLDER + " on the test classpath");
        assertEquals("file", url.getProtocol(), "the schema folder must be a directory: " + url);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        if (!(array instanceof ArrayNode)) {
            return value.equals(array.asText());
        }
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the value at a JSON pointer such as {@code /subject/type} or {@code /domains/1}; the parent must
     * exist, and so must the field or array element.
     */
    private static void set(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String field = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(field);
            assertTrue(index < array.size(), "the sample has no " + pointer);
            array.set(index, value);
            return;
        }
        assertTrue(parent instanceof ObjectNode, "no object at " + pointer.substring(0, slash));
        assertTrue(parent.has(field), "the sample has no " + pointer);
        ((ObjectNode) parent).set(field, value);
    }

    /** The field a pointer names: {@code type} for {@code /subject/type}, {@code domains} for {@code /domains/1}. */
    private static String fieldOf(String pointer) {
        String[] segments = pointer.substring(1).split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].chars().allMatch(Character::isDigit)) {
                return segments[i];
            }
        }
        return fail("no field named in " + pointer);
    }
}
