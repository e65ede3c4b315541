package dev.politely.notification.callback;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed callback is tried again: exponential ({@code initial * multiplier^(n-1)}
 * after the n-th failure), capped, with a random jitter of plus or minus {@code jitter}
 * so that callbacks failed together do not all come back together; a {@code Retry-After}
 * from the receiver wins over the schedule (capped the same way).
 *
 * @param initial wait after the first failure
 * @param multiplier growth of the wait
 * @param max longest wait
 * @param maxAttempts attempts in all, the first included; after the last, the dead-letter
 * topic
 * @param jitter fraction of the wait added or removed at random, 0 to 1
 */
record CallbackBackoff(Duration initial, double multiplier, Duration max, int maxAttempts, double jitter) {

	CallbackBackoff {
		if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("Invalid callback back-off");
		}
	}

	/** The wait after the given failed attempt (from 1). */
	Duration after(int failedAttempt, Duration retryAfter) {
		if (retryAfter != null) {
			return retryAfter.isNegative() ? Duration.ZERO : min(retryAfter, max);
		}
		double millis = Math.min(initial.toMillis() * Math.pow(multiplier, failedAttempt - 1), max.toMillis());
		double spread = millis * jitter;
		double jittered = millis + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
		return Duration.ofMillis(Math.max(0, Math.min(Math.round(jittered), max.toMillis())));
	}

	boolean exhausted(int failedAttempt) {
		return failedAttempt >= maxAttempts;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
