package dev.politely.intake.solicitation;

import java.time.Duration;

/**
 * The owner made more deliveries than {@code politely.intake.rate-limit} allows; nothing
 * was read nor written.
 */
public class OverRateLimitException extends RuntimeException {

	private final Duration retryAfter;

	OverRateLimitException(String ownerId, Duration retryAfter) {
		super("Owner " + ownerId + " is over the rate limit");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
