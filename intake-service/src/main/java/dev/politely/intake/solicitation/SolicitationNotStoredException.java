package dev.politely.intake.solicitation;

/**
 * Kafka did not acknowledge the write in time: nothing is promised to the caller, who retries.
 */
public class SolicitationNotStoredException extends RuntimeException {

	public SolicitationNotStoredException(String message, Throwable cause) {
		super(message, cause);
	}

}
