package nl.passend.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aClientGetsItsLimitPerWindowThenARetryAfter() {
        RateLimiter limiter = new RateLimiter(true, 3, Duration.ofMinutes(1));
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Decision d = limiter.tryAcquire("a");
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(i);
        }
        RateLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        // one request's worth comes back after window / requests = 20 s
        assertThat(refused.retryAfterSeconds()).isBetween(19L, 20L);
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }

    @Test
    void itRefillsOverTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(true, 2, Duration.ofMillis(200));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(1); // rounded up to whole seconds
        Thread.sleep(250);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
    }

    @Test
    void offItAllowsEverythingAndANonsenseLimitIsRefused() {
        RateLimiter off = new RateLimiter(false, 1, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertThat(off.tryAcquire("a").allowed()).isTrue();
        }
        assertThatThrownBy(() -> new RateLimiter(true, 0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(true, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
