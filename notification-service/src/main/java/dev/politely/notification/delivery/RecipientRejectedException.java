package dev.politely.notification.delivery;

/** The SMTP server refused the recipient for good (5xx): retrying would not help. */
public class RecipientRejectedException extends RuntimeException {

	RecipientRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
