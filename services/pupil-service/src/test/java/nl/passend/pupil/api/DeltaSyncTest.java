package nl.passend.pupil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.passend.pupil.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A student information system syncs deltas with the cursor while other writers change and add
 * pupils. Whatever it has read, continued from its last cursor once the writers stop, it must hold
 * the final version of every pupil: no row may commit behind its cursor unseen.
 */
@QuarkusTest
class DeltaSyncTest {

    @Test
    void cursorSyncMissesNoRowWrittenDuringTheSync() throws Exception {
        String school = Fixtures.school("BAO");
        String sis = Fixtures.sis(school);
        List<String> seedIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            seedIds.add("seed-" + i);
        }
        Fixtures.pupils(school, seedIds.toArray(String[]::new));

        AtomicLong caughtUp = new AtomicLong(); // how often the sync read up to what was committed
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int round = 0; round < 8; round++) {
                    // New pupils first, then renames: the new rows get an early updatedAt but commit
                    // late, while the other writer commits rows with later times in between.
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        items.add(Fixtures.pupil("new-" + writer + "-" + round + "-" + i));
                    }
                    for (int i = 0; i < 40; i++) {
                        Map<String, Object> renamed = Fixtures.pupil("seed-" + (writer * 50 + (round * 7 + i) % 50));
                        renamed.put("givenName", "w" + writer + "r" + round);
                        items.add(renamed);
                    }
                    given().auth().oauth2(sis).contentType(ContentType.JSON)
                            .body(Map.of("pupils", items)).post("/schools/{c}/pupils/batch", school)
                            .then().statusCode(200);
                    // lets the sync catch up (twice, so that one read began after this commit), so that it
                    // reads at the edge of what is committed when the next batch comes
                    long seen = caughtUp.get();
                    await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp.get() >= seen + 2);
                }
                return null;
            }));
        }

        // The sync reads one page at a time while the writers run, as a SIS polling for deltas does.
        Map<String, Long> seenVersion = new HashMap<>();
        String cursor = null;
        int pagesDuringWrites = 0;
        while (writers.stream().anyMatch(f -> !f.isDone())) {
            JsonPath page = readPage(school, sis, cursor, seenVersion);
            cursor = page.getString("nextCursor");
            pagesDuringWrites++;
            if (!page.getBoolean("hasMore")) {
                caughtUp.incrementAndGet();
            }
        }
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        readAll(school, sis, cursor, seenVersion);

        Map<String, Long> finalVersion = new HashMap<>();
        readAll(school, sis, null, finalVersion);
        assertThat(finalVersion).hasSize(100 + 2 * 8 * 10);
        assertThat(seenVersion).isEqualTo(finalVersion);
        assertThat(pagesDuringWrites).as("the sync really ran during the writes").isGreaterThan(5);
    }

    /** Reads pages from the cursor until caught up; records each pupil's version; returns the new cursor. */
    private static String readAll(String school, String token, String cursor, Map<String, Long> versions) {
        while (true) {
            JsonPath page = readPage(school, token, cursor, versions);
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static JsonPath readPage(String school, String token, String cursor, Map<String, Long> versions) {
        var request = given().auth().oauth2(token).queryParam("size", 25);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        JsonPath page = request.get("/schools/{c}/pupils", school).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            versions.merge((String) item.get("id"), ((Number) item.get("version")).longValue(), Math::max);
        }
        return page;
    }
}
