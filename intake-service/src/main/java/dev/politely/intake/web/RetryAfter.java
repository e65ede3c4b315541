package dev.politely.intake.web;

import java.time.Duration;

/**
 * The {@code Retry-After} header's value: whole seconds, rounded up, at least 1.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static String seconds(Duration wait) {
		long millis = (wait == null) ? 0 : wait.toMillis();
		return Long.toString(Math.max(1, (millis + 999) / 1000));
	}

}
