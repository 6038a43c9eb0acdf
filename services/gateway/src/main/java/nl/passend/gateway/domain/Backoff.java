package nl.passend.gateway.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff with a ceiling and jitter. After the n-th failed
 * attempt the wait is {@code initial * multiplier^(n-1)}, at most {@code max}, varied by up to {@code jitter}
 * (a fraction) either way and never beyond {@code max}. A receiver's {@code Retry-After} (429, 503) may ask
 * for a longer wait, never beyond {@code max} either.
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: 0 <= initial <= max, not " + initial + " and " + max);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1, not " + multiplier);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), not " + jitter);
        }
    }

    /**
     * The wait after {@code failedAttempts} (1 or more) failed attempts.
     *
     * @param random a number in [0, 1): 0.5 means no jitter
     */
    public Duration after(int failedAttempts, DoubleSupplier random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("after at least one failed attempt, not " + failedAttempts);
        }
        double maxMillis = max.toMillis();
        double base = Math.min(initial.toMillis() * Math.pow(multiplier, failedAttempts - 1.0), maxMillis);
        double varied = base * (1 + jitter * (2 * random.getAsDouble() - 1));
        return Duration.ofMillis(Math.round(Math.max(0, Math.min(varied, maxMillis))));
    }

    /** The wait, or the receiver's {@code Retry-After} when that is longer (but never longer than {@code max}). */
    public Duration after(int failedAttempts, DoubleSupplier random, Duration retryAfter) {
        Duration wait = after(failedAttempts, random);
        if (retryAfter == null || retryAfter.compareTo(wait) <= 0) {
            return wait;
        }
        return retryAfter.compareTo(max) > 0 ? max : retryAfter;
    }

    /** The waits between {@code maxAttempts} attempts without jitter: the schedule a receiver can expect. */
    public List<Duration> schedule(int maxAttempts) {
        List<Duration> waits = new ArrayList<>();
        for (int failed = 1; failed < maxAttempts; failed++) {
            waits.add(after(failed, () -> 0.5));
        }
        return waits;
    }
}
