package dev.politely.notification.delivery;

/**
 * A decision whose owner cannot be written to, whatever the retries: it goes to the
 * dead-letter topic.
 */
public class UndeliverableException extends RuntimeException {

	public UndeliverableException(String message, Throwable cause) {
		super(message, cause);
	}

}
