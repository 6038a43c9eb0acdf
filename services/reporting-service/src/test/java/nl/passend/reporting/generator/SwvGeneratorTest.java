package nl.passend.reporting.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.passend.events.EventEnvelope;
import nl.passend.events.EventJson;
import nl.passend.events.EventType;
import nl.passend.events.codes.SchoolType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generator is a test instrument, so it is tested too: the same seed gives the same stream, every
 * event keeps the event contract, and the realistic SWV looks like one (sizes, participation, referral
 * rates, a never-referring school and a frequent referrer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwvGeneratorTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    List<GeneratedEvent> realistic;
    Truth truth;

    @BeforeAll
    void generateTheRealisticSwv() {
        realistic = new ArrayList<>();
        truth = SwvGenerator.generate(SwvGenerator.Settings.realisticSwv(7), realistic::add);
    }

    @Test
    void theSameSeedGivesTheSameStreamAndAnotherSeedAnotherOne() {
        String first = digest(SwvGenerator.Settings.small(1, 1));
        assertThat(digest(SwvGenerator.Settings.small(1, 1))).isEqualTo(first);
        assertThat(digest(SwvGenerator.Settings.small(2, 1))).isNotEqualTo(first);
    }

    @Test
    void everyEventKeepsTheContract() {
        for (GeneratedEvent generated : realistic) {
            JsonNode json = EventJson.mapper().valueToTree(EventJson.read(generated.json()));
            assertValid("cloudevent-envelope.schema.json", json, generated);
            EventEnvelope envelope = EventJson.read(generated.json());
            EventType type = EventType.byType(envelope.type()).orElseThrow();
            assertValid(type.schemaFile(), envelope.data(), generated);
            assertThat(generated.topic()).isEqualTo(type.topic());
            assertThat(envelope.subject()).isEqualTo(generated.key());
            JsonNode pupil = envelope.data().get("pupilId");
            if (pupil != null && !pupil.isNull()) {
                assertThat(generated.key()).as("events about a pupil are keyed by the pupil").isEqualTo(pupil.asText());
            }
        }
    }

    @Test
    void eachPupilsEventsAreRecordedInOrderOfTheirBusinessDate() {
        Map<String, OffsetDateTime> lastTime = new HashMap<>();
        Map<String, LocalDate> lastDate = new HashMap<>();
        for (GeneratedEvent generated : realistic) {
            EventEnvelope envelope = EventJson.read(generated.json());
            OffsetDateTime previous = lastTime.put(generated.key(), envelope.time());
            assertThat(previous == null || !previous.isAfter(envelope.time())).as(generated.json()).isTrue();
            JsonNode effective = envelope.data().get("effectiveDate");
            LocalDate date = LocalDate.parse(effective.asText());
            LocalDate before = lastDate.put(generated.key(), date);
            if (before != null && !envelope.time().toLocalDate().equals(SwvGenerator.Settings.realisticSwv(7).importDay())) {
                assertThat(date).as(generated.json()).isAfterOrEqualTo(before);
            }
        }
    }

    @Test
    void theRealisticSwvHasTheSizeOfOne() {
        assertThat(truth.schools(SchoolType.BAO)).hasSize(114);
        assertThat(truth.schools(SchoolType.SBO)).hasSize(3);
        assertThat(truth.schools(SchoolType.SO)).hasSize(3);
        assertThat(realistic).hasSize((int) truth.events());
        assertThat(truth.events()).isBetween(150_000L, 400_000L);
        for (int year = 2023; year <= 2025; year++) {
            Truth.Participation p = truth.participation(LocalDate.of(year, 10, 1));
            assertThat(p.bao() + p.sbo()).as("regular and SBO pupils on 1 October " + year).isBetween(25_000, 35_000);
            double sbo = (double) p.sbo() / (p.bao() + p.sbo());
            double so = (double) p.so() / (p.bao() + p.sbo());
            assertThat(sbo).as("SBO participation " + year).isBetween(0.015, 0.04);
            assertThat(so).as("SO participation " + year).isBetween(0.01, 0.035);
        }
        assertThat(truth.erasedPupils()).as("pupils erased two years after they left").isPositive();
    }

    @Test
    void referralsAreAboutTheNationalFlowWithANeverReferringSchoolAndAFrequentReferrer() {
        for (int year = 2023; year <= 2025; year++) {
            LocalDate countDate = LocalDate.of(year, 10, 1);
            int pupils = 0;
            int referrals = 0;
            Map<String, Double> rates = new HashMap<>();
            for (String school : truth.schools(SchoolType.BAO)) {
                int p = truth.pupilsOn(school, countDate);
                int r = truth.referrals(school, year);
                pupils += p;
                referrals += r;
                rates.put(school, (double) r / p);
            }
            double average = (double) referrals / pupils;
            assertThat(average).as("the SWV's referral rate " + year).isBetween(0.007, 0.016);
            assertThat(rates.values()).as("a school that refers no one").contains(0.0);
            assertThat(rates.values().stream().filter(r -> r > 1.5 * average).count()).as("schools above 1.5 times")
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void nationalScaleIsMadeOfManySwvsWithCodesOfTheirOwn() {
        SwvGenerator.Settings a = NationalGenerator.forSwv(7, 0);
        SwvGenerator.Settings b = NationalGenerator.forSwv(7, NationalGenerator.SWVS - 1);
        assertThat(a.swvCode()).isNotEqualTo(b.swvCode());
        assertThat(a.pupils() * NationalGenerator.SWVS).isEqualTo(1_500_000);
        Truth first = SwvGenerator.generate(a, e -> { });
        Truth last = SwvGenerator.generate(b, e -> { });
        assertThat(first.schools(SchoolType.BAO)).doesNotContainAnyElementsOf(last.schools(SchoolType.BAO));
        assertThat(first.events() * NationalGenerator.SWVS).as("events at national scale").isBetween(7_000_000L, 15_000_000L);
    }

    private void assertValid(String schemaFile, JsonNode node, GeneratedEvent event) {
        JsonSchema schema = schemas.computeIfAbsent(schemaFile,
                f -> FACTORY.getSchema(SchemaLocation.of("classpath:event-schemas/" + f), CONFIG));
        Set<ValidationMessage> messages = schema.validate(node);
        assertThat(messages).as(schemaFile + " for " + event.json()).isEmpty();
    }

    private static String digest(SwvGenerator.Settings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            SwvGenerator.generate(settings, e -> {
                sha.update(e.topic().getBytes());
                sha.update(e.key().getBytes());
                sha.update(e.json().getBytes());
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
