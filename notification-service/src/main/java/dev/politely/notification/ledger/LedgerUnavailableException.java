package dev.politely.notification.ledger;

/**
 * The ledger could not be written: transient, the decision is retried (and its sent
 * letters are not resent).
 */
public class LedgerUnavailableException extends RuntimeException {

	LedgerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
