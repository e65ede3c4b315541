package dev.politely.intake.event;

import java.time.Duration;

/**
 * Kafka did not acknowledge a write in time, or the circuit breaker is open: nothing was
 * written, the caller should try again after {@link #retryAfter()}.
 */
public class EventNotWrittenException extends RuntimeException {

	private final Duration retryAfter;

	EventNotWrittenException(String message, Throwable cause, Duration retryAfter) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
