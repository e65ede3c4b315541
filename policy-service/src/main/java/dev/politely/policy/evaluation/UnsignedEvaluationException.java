package dev.politely.policy.evaluation;

/**
 * Missing or wrong signature, stale timestamp, or unknown owner: all answered alike
 * (401).
 */
public class UnsignedEvaluationException extends RuntimeException {

	UnsignedEvaluationException() {
		super("the delivery is not signed by the owner's webhook secret", null, false, false);
	}

}
