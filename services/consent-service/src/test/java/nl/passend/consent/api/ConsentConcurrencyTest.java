package nl.passend.consent.api;

import static nl.passend.consent.Fixtures.answer;
import static nl.passend.consent.Fixtures.decidedInOutbox;
import static nl.passend.consent.Fixtures.decisions;
import static nl.passend.consent.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.passend.consent.Fixtures;
import nl.passend.consent.Fixtures.Pupil;
import org.junit.jupiter.api.Test;

/**
 * Two guardians answering at the same moment: one correct outcome, one event per change of outcome
 * (counted in the outbox, which is written in the decision's own transaction).
 */
@QuarkusTest
class ConsentConcurrencyTest {

    @Test
    void parallelAnswersGiveOneGrantedEventPerRequest() throws Exception {
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<UUID> requests = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Pupil pupil = Fixtures.pupil(true, true);
                UUID requestId = Fixtures.requested(pupil);
                requests.add(requestId);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int g = 0; g < 2; g++) {
                    String token = pupil.guardian(g).token();
                    answers.add(pool.submit(() -> {
                        start.await();
                        return answer(token, requestId, Map.of("answer", "GIVEN")).statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> f : answers) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(201);
                }
            }
            // both answers have committed: the outbox holds every decision there will be
            for (UUID requestId : requests) {
                assertThat(outcome(requestId)).isEqualTo("GRANTED");
                assertThat(decidedInOutbox(requestId)).as("decisions of " + requestId).containsExactly("GRANTED");
            }
            assertThat(decisions(requests.get(rounds - 1), 1, Duration.ofSeconds(30))).hasSize(1); // and they go out
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalAndAConsentAtTheSameMomentRefuseOnce() throws Exception {
        Pupil pupil = Fixtures.pupil(true, true);
        UUID requestId = Fixtures.requested(pupil);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return answer(pupil.guardian(0).token(), requestId, Map.of("answer", "GIVEN")).statusCode();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return answer(pupil.guardian(1).token(), requestId, Map.of("answer", "REFUSED")).statusCode();
            });
            start.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcome(requestId)).isEqualTo("REFUSED");
        assertThat(decidedInOutbox(requestId)).containsExactly("REFUSED");
    }
}
