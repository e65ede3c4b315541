package dev.politely.notification.delivery;

/**
 * The SMTP server could not take a message, even on a fresh connection: transient, the
 * decision is retried.
 */
public class SmtpUnavailableException extends RuntimeException {

	SmtpUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
