package dev.politely.intake.solicitation;

/**
 * The delivery cannot be attributed to the owner: unknown owner, missing or invalid
 * signature, stale timestamp. Deliberately one exception, so that the answer never tells
 * which.
 */
public class UnauthenticatedDeliveryException extends RuntimeException {

	UnauthenticatedDeliveryException(String reason) {
		super(reason);
	}

}
