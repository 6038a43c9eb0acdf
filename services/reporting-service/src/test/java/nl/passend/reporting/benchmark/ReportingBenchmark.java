package nl.passend.reporting.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import nl.passend.reporting.Feed;
import nl.passend.reporting.Tokens;
import nl.passend.reporting.generator.GeneratedEvent;
import nl.passend.reporting.generator.NationalGenerator;
import nl.passend.reporting.generator.SwvGenerator;
import nl.passend.testing.KafkaBroker;
import nl.passend.testing.KafkaResource;
import nl.passend.testing.TestDb;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The reporting benchmark, not a unit test (surefire runs only *Test classes; run it from the
 * repository's root with {@code ./mvnw -o verify -pl services/reporting-service -am -Dtest=ReportingBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, and add {@code -Dbenchmark.scale=national} for 1.5 million
 * pupils). On the test JVM's real
 * PostgreSQL and Kafka broker it:
 * <ol>
 * <li>generates the realistic SWV (or the national set) and produces it to the topics while the
 * service's feed is running: the live catch-up, in events applied per second;</li>
 * <li>asks for a rebuild and times the replay of every topic into empty projections;</li>
 * <li>checks that the rebuilt figures equal the live ones;</li>
 * <li>runs Kafka's own consumer performance tool, in a JVM of its own, over the same topics: what the
 * broker and a bare consumer manage on this machine, the ceiling for the feed;</li>
 * <li>times the reports an analyst asks for and measures the projections' size.</li>
 * </ol>
 * It writes {@code target/benchmark/reporting-benchmark.md}.
 */
@QuarkusTest
class ReportingBenchmark {

    private static final long SEED = 2026;

    @Test
    void benchmark() throws Exception {
        boolean national = "national".equals(System.getProperty("benchmark.scale"));
        List<String> lines = new ArrayList<>();
        lines.add("# Reporting benchmark");
        lines.add("");
        lines.add("Run " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " on " + machine() + ".");
        lines.add("");

        // 1. generate and produce while the feed runs: the live catch-up
        Map<String, Long> perTopic = new TreeMap<>();
        AtomicLong events = new AtomicLong();
        String swv;
        Instant start = Instant.now();
        try (KafkaProducer<String, String> producer = Feed.bulkProducer()) {
            Consumer<GeneratedEvent> sink = e -> {
                producer.send(new ProducerRecord<>(e.topic(), e.key(), e.json()));
                perTopic.merge(e.topic(), 1L, Long::sum);
                events.incrementAndGet();
            };
            if (national) {
                NationalGenerator.generate(SEED, NationalGenerator.SWVS, sink);
                swv = NationalGenerator.forSwv(SEED, 0).swvCode(); // the first SWV's report is timed
            } else {
                swv = SwvGenerator.generate(SwvGenerator.Settings.realisticSwv(SEED), sink).swvCode();
            }
            producer.flush();
        }
        Duration produced = Duration.between(start, Instant.now());
        awaitCaughtUp(Duration.ofHours(3));
        Duration live = Duration.between(start, Instant.now());
        lines.add("## Data");
        lines.add("");
        lines.add(national
                ? "National scale: " + NationalGenerator.SWVS + " SWVs of " + NationalGenerator.PUPILS_PER_SWV
                        + " pupils (1.5 million), school years 2023-2024 to 2025-2026."
                : "The realistic SWV: 114 regular schools, 3 SBO and 3 SO, 30,000 pupils, school years 2023-2024 to 2025-2026.");
        lines.add("");
        lines.add("| topic | events |");
        lines.add("|---|---:|");
        perTopic.forEach((topic, n) -> lines.add("| " + topic + " | " + n + " |"));
        lines.add("| all | " + events.get() + " |");
        lines.add("");

        lines.add("## Feed and rebuild");
        lines.add("");
        lines.add("| step | time | events/s |");
        lines.add("|---|---:|---:|");
        lines.add(row("generate and produce to the broker", produced, events.get()));
        lines.add(row("live: produced and applied by the feed (concurrently)", live, events.get()));
        String liveReport = report(swv, "2025-2026");
        String liveTrend = trend(swv);

        // 2. rebuild: empty the projections and replay every topic
        Instant rebuildStart = Instant.now();
        String location = given().auth().oauth2(Tokens.admin()).post("/rebuilds").then().statusCode(202)
                .extract().header("Location");
        JsonPath status = awaitRebuild(location, Duration.ofHours(3));
        Duration rebuild = Duration.between(rebuildStart, Instant.now());
        Duration replay = Duration.between(Instant.parse(status.getString("startedAt")),
                Instant.parse(status.getString("finishedAt")));
        long replayed = status.getLong("eventsApplied");
        lines.add(row("rebuild: replay of every topic into empty projections", replay, replayed));
        lines.add(row("rebuild: from the request to finished", rebuild, replayed));
        lines.add("");

        // 3. the rebuilt figures equal the live ones
        assertThat(report(swv, "2025-2026")).as("the report after the rebuild").isEqualTo(liveReport);
        assertThat(trend(swv)).as("the trend after the rebuild").isEqualTo(liveTrend);
        lines.add("The report and the trend after the rebuild equal those before it (checked).");
        lines.add("");

        // 4. Kafka's own consumer on the same topics, in a JVM of its own
        lines.add("## Kafka's consumer performance tool on the same topics");
        lines.add("");
        lines.add("`kafka-consumer-perf-test` (`org.apache.kafka.tools.ConsumerPerformance`, Kafka " + kafkaVersion()
                + "), one topic at a time, reading every record without parsing it:");
        lines.add("");
        lines.add("| topic | events | fetch time | events/s | MB/s |");
        lines.add("|---|---:|---:|---:|---:|");
        long toolMillis = 0;
        long toolEvents = 0;
        double toolMb = 0;
        for (Map.Entry<String, Long> topic : perTopic.entrySet()) {
            double[] r = consumerPerformance(topic.getKey(), topic.getValue());
            // fields: data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms
            long fetchMillis = (long) r[5];
            lines.add("| " + topic.getKey() + " | " + (long) r[2] + " | " + fetchMillis + " ms | "
                    + Math.round(r[2] * 1000.0 / Math.max(1, fetchMillis)) + " | " + String.format("%.1f", r[0] * 1000.0 / Math.max(1, fetchMillis)) + " |");
            toolMillis += fetchMillis;
            toolEvents += (long) r[2];
            toolMb += r[0];
        }
        lines.add("| all | " + toolEvents + " | " + toolMillis + " ms | " + Math.round(toolEvents * 1000.0 / Math.max(1, toolMillis))
                + " | " + String.format("%.1f", toolMb * 1000.0 / Math.max(1, toolMillis)) + " |");
        lines.add("");

        // 5. what an analyst waits for, and what the projections take
        lines.add("## Reports");
        lines.add("");
        lines.add("Median and slowest of 20 requests, after 5 to warm up, for the SWV " + swv + ":");
        lines.add("");
        lines.add("| request | median | slowest |");
        lines.add("|---|---:|---:|");
        lines.add(latency("SWV report, JSON (2025-2026, 1 October)", () -> report(swv, "2025-2026")));
        lines.add(latency("SWV report, CSV", () -> given().auth().oauth2(Tokens.analyst(swv)).accept("text/csv")
                .queryParam("schoolYear", "2025-2026").get("/swvs/{swv}/report", swv).then().statusCode(200)
                .extract().asString()));
        lines.add(latency("trend over the school years", () -> trend(swv)));
        lines.add(latency("risk signals", () -> given().auth().oauth2(Tokens.analyst(swv))
                .queryParam("schoolYear", "2025-2026").get("/swvs/{swv}/signals", swv).then().statusCode(200)
                .extract().asString()));
        lines.add("");
        lines.add("## Size");
        lines.add("");
        lines.add("| table | rows |");
        lines.add("|---|---:|");
        for (String table : List.of("enrolment", "level_change", "opp_event", "arrangement", "tlv", "case_discussed",
                "signal_event", "consent_decision", "erased_pupil")) {
            lines.add("| " + table + " | " + TestDb.count("select count(*) from " + table) + " |");
        }
        lines.add("");
        lines.add("Database `reporting`: " + TestDb.string("select pg_size_pretty(pg_database_size(current_database()))")
                + "; the service's heap after a full GC: " + heapAfterGc() + " MB (test JVM, -Xmx768m).");

        Path out = Path.of("target", "benchmark", "reporting-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    private static void awaitCaughtUp(Duration timeout) {
        Feed.awaitApplied(timeout);
    }

    private static JsonPath awaitRebuild(String location, Duration timeout) {
        JsonPath status = await("the rebuild finished in time").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(Tokens.admin()).get(location).then().statusCode(200).extract()
                        .jsonPath(), s -> "FINISHED".equals(s.getString("state")));
        awaitCaughtUp(timeout);
        return status;
    }

    private static String report(String swv, String year) {
        return given().auth().oauth2(Tokens.analyst(swv)).queryParam("schoolYear", year).queryParam("countDate", "OCTOBER")
                .get("/swvs/{swv}/report", swv).then().statusCode(200).extract().asString();
    }

    private static String trend(String swv) {
        return given().auth().oauth2(Tokens.analyst(swv)).queryParam("schoolYear", "2025-2026")
                .get("/swvs/{swv}/trend", swv).then().statusCode(200).extract().asString();
    }

    private static String row(String step, Duration time, long events) {
        return "| " + step + " | " + String.format("%.1f s", time.toMillis() / 1000.0) + " | "
                + Math.round(events * 1000.0 / Math.max(1, time.toMillis())) + " |";
    }

    private static String latency(String what, Runnable request) {
        for (int i = 0; i < 5; i++) {
            request.run();
        }
        long[] millis = new long[20];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            request.run();
            millis[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(millis);
        return "| " + what + " | " + millis[millis.length / 2] + " ms | " + millis[millis.length - 1] + " ms |";
    }

    /** Runs ConsumerPerformance in a JVM of its own; returns its figures (MB, MB/s, messages, messages/s, ...). */
    private static double[] consumerPerformance(String topic, long messages) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the broker's super user: the tool joins a consumer group of its own
        Path clientConfig = Files.createTempFile("consumer-performance", ".properties");
        java.util.Properties properties = new java.util.Properties();
        KafkaResource.clientConfig(KafkaBroker.ADMIN).forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
        try (var out = Files.newOutputStream(clientConfig)) {
            properties.store(out, null);
        }
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", KafkaResource.broker().bootstrapServers(),
                "--command-config", clientConfig.toString(),
                "--topic", topic, "--messages", Long.toString(messages), "--timeout", "60000",
                "--group", "benchmark-" + topic + "-" + System.nanoTime())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        // the last line holds the figures: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, ...
        String[] lines = output.strip().split("\n");
        String[] fields = lines[lines.length - 1].split(",\\s*");
        assertThat(fields.length).as(output).isGreaterThanOrEqualTo(8);
        double[] figures = new double[fields.length - 2];
        for (int i = 2; i < fields.length; i++) {
            figures[i - 2] = Double.parseDouble(fields[i].trim());
        }
        assertThat((long) figures[2]).as("records the tool read from " + topic).isEqualTo(messages);
        return figures;
    }

    private static String kafkaVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
        } catch (IOException | UncheckedIOException e) {
            // not Linux: the core count will do
        }
        return cpu + cores + " cores, Java " + System.getProperty("java.version") + ", one Kafka broker and PostgreSQL "
                + TestDb.string("show server_version") + " on the same machine";
    }
}
