package dev.politely.webhook.body;

import java.util.List;

/**
 * The body is not a solicitation the contract accepts.
 */
public class InvalidSolicitationException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidSolicitationException(List<Violation> violations) {
		super("Invalid solicitation: " + violations.size() + " violation(s)");
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
