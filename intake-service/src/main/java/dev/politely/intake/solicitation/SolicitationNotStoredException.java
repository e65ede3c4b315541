package dev.politely.intake.solicitation;

import java.time.Duration;

/**
 * Kafka did not acknowledge the write in time: nothing is promised to the caller, who
 * retries after {@link #retryAfter()}.
 */
public class SolicitationNotStoredException extends RuntimeException {

	private final Duration retryAfter;

	public SolicitationNotStoredException(String message, Throwable cause) {
		this(message, cause, Duration.ofSeconds(5));
	}

	public SolicitationNotStoredException(String message, Throwable cause, Duration retryAfter) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
