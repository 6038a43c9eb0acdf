package nl.passend.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import nl.passend.gateway.persistence.RateLimitBuckets;
import nl.passend.gateway.service.RateLimiter.Decision;
import nl.passend.gateway.service.RateLimiter.Limit;
import org.junit.jupiter.api.Test;

/**
 * The limiter on the test's PostgreSQL (the table every gateway instance shares), on a time the test moves
 * itself: nothing waits for real time. Each test uses clients of its own, so the buckets of other tests (and
 * of earlier runs) do not count.
 */
@QuarkusTest
class RateLimiterTest {

    /** Bucket4j's time: the wall clock's now when the test starts, standing still until the test moves it. */
    static final class MovingTime implements TimeMeter {

        // from now on, so that the cleanup (on the service's clock) sees these rows as the fresh ones they are
        private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

        void move(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    private static final Limit A_LOT = new Limit(1_000_000, Duration.ofMinutes(1));

    @Inject
    DataSource dataSource;

    private final MovingTime time = new MovingTime();
    private final String client = "client:test-" + UUID.randomUUID();

    /** A gateway instance: its own proxy manager on the shared table, on the shared time. */
    private RateLimiter instance(Limit perUser, Limit perClient, Limit anonymous) {
        return new RateLimiter(true, perUser, perClient, anonymous, RateLimitBuckets.on(dataSource, time));
    }

    @Test
    void aUserGetsTheirLimitPerWindowThenARetryAfter() {
        RateLimiter limiter = instance(new Limit(3, Duration.ofMinutes(1)), A_LOT, A_LOT);
        for (int i = 2; i >= 0; i--) {
            Decision d = limiter.forUser(client, "alice");
            assertThat(d.allowed()).isTrue();
            assertThat(d.limit()).as("the tightest limit is the user's").isEqualTo(3);
            assertThat(d.remaining()).isEqualTo(i);
        }
        Decision refused = limiter.forUser(client, "alice");
        assertThat(refused.allowed()).isFalse();
        // one request's worth comes back after window / requests = 20 s
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        time.move(Duration.ofSeconds(5));
        assertThat(limiter.forUser(client, "alice").retryAfterSeconds()).isEqualTo(15);
        assertThat(limiter.forUser("client:other-" + UUID.randomUUID(), "alice").allowed()).isTrue();
    }

    @Test
    void twoUsersOfOneClientDoNotStarveEachOtherButTheClientLimitCapsTheirSum() {
        RateLimiter limiter = instance(new Limit(3, Duration.ofMinutes(1)), new Limit(5, Duration.ofMinutes(1)), A_LOT);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.forUser(client, "alice").allowed()).isTrue();
        }
        assertThat(limiter.forUser(client, "alice").allowed()).as("alice has used her limit").isFalse();

        Decision bob = limiter.forUser(client, "bob");
        assertThat(bob.allowed()).as("bob still gets through").isTrue();
        assertThat(bob.limit()).as("now the client's limit is the tighter one").isEqualTo(5);
        assertThat(bob.remaining()).isEqualTo(1);
        assertThat(limiter.forUser(client, "bob").allowed()).isTrue();
        Decision capped = limiter.forUser(client, "bob");
        assertThat(capped.allowed()).as("5 of the client's users' requests in a minute, then no more").isFalse();
        assertThat(capped.limit()).isEqualTo(5);
        assertThat(capped.retryAfterSeconds()).as("one of the client's requests comes back after 12 s").isEqualTo(12);

        // 12 s later the client has one request again; bob's refused one did not count against him, so he
        // has 1.6 requests left (without it 0.6) and may take it
        time.move(Duration.ofSeconds(12));
        assertThat(limiter.forUser(client, "bob").allowed()).isTrue();
    }

    @Test
    void itRefillsOverTime() {
        RateLimiter limiter = instance(new Limit(2, Duration.ofMillis(200)), A_LOT, A_LOT);
        assertThat(limiter.forUser(client, "alice").allowed()).isTrue();
        assertThat(limiter.forUser(client, "alice").allowed()).isTrue();
        assertThat(limiter.forUser(client, "alice").allowed()).isFalse();
        assertThat(limiter.forUser(client, "alice").retryAfterSeconds()).isEqualTo(1); // rounded up to whole seconds
        time.move(Duration.ofMillis(99));
        assertThat(limiter.forUser(client, "alice").allowed()).as("a request's worth takes 100 ms").isFalse();
        time.move(Duration.ofMillis(1));
        assertThat(limiter.forUser(client, "alice").allowed()).isTrue();
        time.move(Duration.ofMinutes(10));
        assertThat(limiter.forUser(client, "alice").remaining()).as("never more than the limit").isEqualTo(1);
    }

    @Test
    void requestsWithoutATokenAreLimitedPerAddress() {
        RateLimiter limiter = instance(A_LOT, A_LOT, new Limit(2, Duration.ofMinutes(1)));
        String address = "198.51.100." + UUID.randomUUID();
        assertThat(limiter.forAddress(address).allowed()).isTrue();
        assertThat(limiter.forAddress(address).remaining()).isZero();
        Decision refused = limiter.forAddress(address);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        assertThat(limiter.forAddress(address + "-other").allowed()).as("another address").isTrue();
    }

    @Test
    void twoGatewayInstancesOnOneDatabaseEnforceOneLimit() throws Exception {
        Limit perUser = new Limit(10, Duration.ofMinutes(1));
        List<RateLimiter> instances = List.of(instance(perUser, A_LOT, A_LOT), instance(perUser, A_LOT, A_LOT));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RateLimiter gateway = instances.get(i % 2);
                answers.add(threads.submit(() -> gateway.forUser(client, "alice").allowed()));
            }
            long allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            assertThat(allowed).as("40 requests at once through two instances, 10 allowed in all").isEqualTo(10);
        } finally {
            threads.shutdown();
        }
        // and one instance sees what the other took
        time.move(Duration.ofSeconds(6));
        assertThat(instances.get(0).forUser(client, "alice").allowed()).isTrue();
        assertThat(instances.get(1).forUser(client, "alice").allowed()).as("the one request that came back is used").isFalse();
    }

    @Test
    void offItAllowsEverythingAndANonsenseLimitIsRefused() {
        RateLimiter off = new RateLimiter(false, new Limit(1, Duration.ofMinutes(1)), new Limit(1, Duration.ofMinutes(1)),
                new Limit(1, Duration.ofMinutes(1)), RateLimitBuckets.on(dataSource, time));
        for (int i = 0; i < 10; i++) {
            assertThat(off.forUser(client, "alice").allowed()).isTrue();
            assertThat(off.forAddress("192.0.2.1").allowed()).isTrue();
        }
        assertThatThrownBy(() -> new Limit(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * What the shared buckets cost per request (a user's and a client's bucket, one transaction each), on
     * the test's PostgreSQL; printed, not asserted (it depends on the machine).
     */
    @Test
    void costPerRequest() {
        RateLimiter limiter = instance(A_LOT, A_LOT, A_LOT);
        limiter.forUser(client, "warm-up");
        int n = 2_000;
        long started = System.nanoTime();
        long allowed = 0;
        for (int i = 0; i < n; i++) {
            allowed += limiter.forUser(client, "alice").allowed() ? 1 : 0;
        }
        long micros = (System.nanoTime() - started) / 1_000 / n;
        System.out.printf("rate limit (user + client bucket in PostgreSQL): %d µs per request over %d requests%n",
                micros, n);
        assertThat(allowed).isEqualTo(n);
        // the tightest: the client's, which the warm-up took one from too
        assertThat(limiter.forUser(client, "alice").remaining()).isEqualTo(A_LOT.requests() - n - 2);
    }
}
